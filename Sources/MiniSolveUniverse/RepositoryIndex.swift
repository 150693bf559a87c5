import MiniSolveYAML

/// The kinds of repository index minisolve reads, told apart by content, not by file name.
public enum IndexFormat: String, Sendable {
  /// Alpine/Wolfi `APKINDEX`, plain or inside `APKINDEX.tar.gz`.
  case apkindex
  /// Debian's binary `Packages`.
  case packages
  /// Debian's `Sources`.
  case sources
}

/// What reading one repository index gave.
public struct RepositoryIndex: Sendable {
  public var format: IndexFormat
  public var compression: Compression
  public var packages: PackageSet
  /// Stanzas that were skipped, each with its line.
  public var diagnostics: [Diagnostic]

  /// Reads an index file of any supported format and compression.
  public static func read(path: String, limit: Int = 512 << 20) throws -> RepositoryIndex {
    try read(FileBytes.read(path, limit: limit), path: path)
  }

  /// Reads index bytes of any supported format and compression; `path` names them in origins.
  public static func read(_ raw: [UInt8], path: String) throws -> RepositoryIndex {
    // gzip members one by one: APKINDEX.tar.gz is a signature tar member, then the index's.
    if Compression.detect(raw) == .gzip {
      let members = try Zlib.gunzipMembers(raw)
      if let first = members.first, isTar(first) {
        return try readApkTarball(members, path: path)
      }
    }
    let (compression, bytes) = try Decompression.decompress(raw)
    guard let format = detect(bytes) else {
      throw InputError(
        "'\(path)' is not a repository index (APKINDEX, Packages or Sources)")
    }

    var builder = PackageSetBuilder()
    let diagnostics = bytes.withUnsafeBufferPointer { buffer in
      read(buffer, format: format, path: path, into: &builder)
    }
    return RepositoryIndex(
      format: format, compression: compression, packages: builder.finish(),
      diagnostics: diagnostics)
  }

  /// `APKINDEX.tar.gz`: gzip members (signature, then index), each a tar holding `APKINDEX`.
  private static func readApkTarball(_ members: [[UInt8]], path: String) throws
    -> RepositoryIndex
  {
    var builder = PackageSetBuilder()
    var diagnostics: [Diagnostic] = []
    var found = false
    for member in members {
      for entry in try TarReader.entries(member) where entry.name == "APKINDEX" {
        found = true
        let text = Array(entry.contents)
        diagnostics += text.withUnsafeBufferPointer { buffer in
          read(buffer, format: .apkindex, path: path + "#APKINDEX", into: &builder)
        }
      }
    }
    guard found else {
      throw InputError("'\(path)' is a tar archive without an 'APKINDEX' entry")
    }
    return RepositoryIndex(
      format: .apkindex, compression: .gzip, packages: builder.finish(),
      diagnostics: diagnostics)
  }

  private static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, format: IndexFormat, path: String,
    into builder: inout PackageSetBuilder
  ) -> [Diagnostic] {
    switch format {
    case .apkindex:
      var reader = ApkIndexReader(path: path)
      reader.read(bytes, into: &builder)
      return reader.diagnostics
    case .packages, .sources:
      var reader = DebianIndexReader(path: path, isSources: format == .sources)
      reader.read(bytes, into: &builder)
      return reader.diagnostics
    }
  }

  /// The format of decompressed index text, from its first stanza: APKINDEX lines are `K:value`
  /// with a one-letter key; a Debian `Sources` stanza has `Binary:` or `Package-List:`.
  public static func detect(_ bytes: [UInt8]) -> IndexFormat? {
    var start = 0
    while start < bytes.count && (bytes[start] == 10 || bytes[start] == 13) { start += 1 }
    guard start + 2 <= bytes.count else { return nil }
    if bytes[start + 1] == UInt8(ascii: ":") && isLetter(bytes[start]) { return .apkindex }

    var lineStart = start
    var sawPackage = false
    while lineStart < bytes.count {
      var end = lineStart
      while end < bytes.count && bytes[end] != 10 { end += 1 }
      if end == lineStart { break }
      let line = bytes[lineStart..<end]
      if line.starts(with: Array("Package:".utf8)) { sawPackage = true }
      if line.starts(with: Array("Binary:".utf8)) || line.starts(with: Array("Package-List:".utf8))
      {
        return .sources
      }
      lineStart = end + 1
    }
    return sawPackage ? .packages : nil
  }

  /// Whether the bytes start with a ustar or GNU tar header (`ustar` at offset 257).
  private static func isTar(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 512 && Array(bytes[257..<262]) == Array("ustar".utf8)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}
