/// How a buffer of input is compressed, as its first bytes say.
public enum Compression: String, Sendable {
  case none
  case gzip
  case xz
  /// An LZ4 frame, as apt keeps its lists (`/var/lib/apt/lists/*_Packages.lz4`).
  case lz4

  /// The compression whose magic number opens `bytes`; `none` for anything else.
  public static func detect(_ bytes: [UInt8]) -> Compression {
    if bytes.starts(with: [0x1f, 0x8b]) { return .gzip }
    if bytes.starts(with: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) { return .xz }
    if bytes.starts(with: [0x04, 0x22, 0x4d, 0x18]) { return .lz4 }
    return .none
  }
}

/// Decompression of a whole buffer, whichever of the supported formats it is in.
public enum Decompression {
  /// The most decompressed output accepted unless a caller says otherwise: 2 GiB.
  public static let defaultLimit = 2 << 30

  /// The compression `bytes` are in and their contents; uncompressed input comes back as it is.
  public static func decompress(_ bytes: [UInt8], limit: Int = defaultLimit) throws
    -> (Compression, [UInt8])
  {
    let compression = Compression.detect(bytes)
    switch compression {
    case .none: return (compression, bytes)
    case .gzip: return (compression, try Zlib.gunzip(bytes, limit: limit))
    case .xz: return (compression, try LZMA.unxz(bytes, limit: limit))
    case .lz4: return (compression, try LZ4.decompress(bytes, limit: limit))
    }
  }
}
