import MiniSolveUniverse

/// How a package member is compressed, as its name's suffix says (`data.tar.xz`).
enum ArchiveCompression: String, CaseIterable {
  case none = ""
  case gzip = ".gz"
  case xz = ".xz"
  case zstd = ".zst"
  case lz4 = ".lz4"

  /// The compression a member named `base` plus a suffix uses; nil when the name is another.
  // TODO(compat): `.bz2` and `.lzma` data members (dpkg reads them, old packages use them)
  // are refused as unknown.
  static func of(member name: String, base: String) -> ArchiveCompression? {
    guard name.hasPrefix(base) else { return nil }
    return allCases.first { base + $0.rawValue == name }
  }

  /// The member's bytes decompressed, the error naming the package and member.
  func decompress(_ bytes: ArraySlice<UInt8>, limit: Int, file: String, member: String)
    throws(AssembleError) -> [UInt8]
  {
    do {
      switch self {
      case .none:
        guard bytes.count <= limit else { throw InputError.sizeLimit("the archive", limit) }
        return Array(bytes)
      case .gzip: return try Zlib.gunzip(Array(bytes), limit: limit)
      case .xz: return try LZMA.unxz(Array(bytes), limit: limit)
      case .zstd: return try Zstd.decompress(Array(bytes), limit: limit)
      case .lz4: return try LZ4.decompress(Array(bytes), limit: limit)
      }
    } catch {
      throw AssembleError("\(file): \(member): \(error)")
    }
  }
}
