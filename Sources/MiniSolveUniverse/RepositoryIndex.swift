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

    var reader = IncrementalRead(path: path)
    if Compression.detect(raw) == .xz {
      // Parse while a second thread decodes, as a pipe from `xz -dc` would.
      let overlapped = try LZMA.unxz(raw) { decoded, isComplete in
        try reader.consume(decoded, isComplete: isComplete)
      }
      if overlapped { return try reader.finish(compression: .xz) }
    }
    let (compression, bytes) = try Decompression.decompress(raw)
    try bytes.withUnsafeBufferPointer { try reader.consume($0, isComplete: true) }
    return try reader.finish(compression: compression)
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
        guard entry.isRegularFile else {
          throw InputError("'\(path)': the tar entry 'APKINDEX' is not a regular file")
        }
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

  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, format: IndexFormat, path: String, firstLine: Int = 1,
    into builder: inout PackageSetBuilder
  ) -> [Diagnostic] {
    switch format {
    case .apkindex:
      var reader = ApkIndexReader(path: path)
      reader.read(bytes, firstLine: firstLine, into: &builder)
      return reader.diagnostics
    case .packages, .sources:
      var reader = DebianIndexReader(path: path, isSources: format == .sources)
      reader.read(bytes, firstLine: firstLine, into: &builder)
      return reader.diagnostics
    }
  }

  /// The format of decompressed index text: APKINDEX lines are `K:value` with a one-letter
  /// key; Debian stanzas are told apart by their fields (`Binary:`, `Package-List:`,
  /// `Directory:` make `Sources`; `Package:` otherwise makes `Packages`), looked for in the
  /// first 256 KiB, field names compared without case.
  public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> IndexFormat? {
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    while start < bytes.count && (bytes[start] == 10 || bytes[start] == 13) { start += 1 }
    guard start + 2 <= bytes.count else { return nil }
    if bytes[start + 1] == UInt8(ascii: ":") && isLetter(bytes[start]) { return .apkindex }

    var sawPackage = false
    var lineStart = start
    let limit = min(bytes.count, start + (256 << 10))
    while lineStart < limit {
      var end = lineStart
      while end < limit && bytes[end] != 10 { end += 1 }
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
      if startsField(line, "binary") || startsField(line, "package-list")
        || startsField(line, "directory")
      {
        return .sources
      }
      if startsField(line, "package") { sawPackage = true }
      lineStart = end + 1
    }
    return sawPackage ? .packages : nil
  }

  /// Whether a line starts with the field `name:`, in any case.
  private static func startsField(_ line: UnsafeBufferPointer<UInt8>, _ name: StaticString)
    -> Bool
  {
    let count = name.utf8CodeUnitCount
    guard line.count > count, line[count] == UInt8(ascii: ":") else { return false }
    for offset in 0..<count where line[offset] | 0x20 != name.utf8Start[offset] { return false }
    return true
  }

  /// Whether the bytes start with a ustar or GNU tar header (`ustar` at offset 257).
  private static func isTar(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 512 && Array(bytes[257..<262]) == Array("ustar".utf8)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}

/// Reads an index as its bytes arrive: whole stanzas at a time, the format told from the first
/// 64 KiB (or all of it, if shorter), lines counted across pieces.
private struct IncrementalRead {
  let path: String
  var format: IndexFormat?
  var builder = PackageSetBuilder()
  var diagnostics: [Diagnostic] = []
  var parsedUpTo = 0
  var line = 1

  init(path: String) {
    self.path = path
  }

  /// Reads the stanzas of `decoded` (everything decoded so far) not read yet.
  mutating func consume(_ decoded: UnsafeBufferPointer<UInt8>, isComplete: Bool) throws {
    if format == nil {
      guard isComplete || decoded.count >= 1 << 16 else { return }
      guard let detected = RepositoryIndex.detect(decoded) else {
        throw InputError("'\(path)' is not a repository index (APKINDEX, Packages or Sources)")
      }
      format = detected
    }
    guard let format else { return }
    let end = isComplete ? decoded.count : lastStanzaEnd(decoded)
    guard end > parsedUpTo else { return }

    let piece = UnsafeBufferPointer(rebasing: decoded[parsedUpTo..<end])
    diagnostics += RepositoryIndex.read(
      piece, format: format, path: path, firstLine: line, into: &builder)
    for byte in piece where byte == 10 { line += 1 }
    parsedUpTo = end
  }

  mutating func finish(compression: Compression) throws -> RepositoryIndex {
    RepositoryIndex(
      format: format ?? .packages, compression: compression, packages: builder.finish(),
      diagnostics: diagnostics)
  }

  /// Just after the last blank line (`\n\n` or `\n\r\n`) past what was read; 0 if none.
  private func lastStanzaEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = bytes.count - 1
    while index > parsedUpTo {
      if bytes[index] == 10 {
        let before = bytes[index - 1]
        if before == 10 || (before == 13 && index >= 2 && bytes[index - 2] == 10) {
          return index + 1
        }
      }
      index -= 1
    }
    return 0
  }
}
