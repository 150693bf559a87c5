import MiniSolveUniverse

/// An Alpine/Wolfi package split into its gzip streams: an optional signature (`.SIGN.*`),
/// the control segment (`.PKGINFO` and scripts), then the data tar, which may span several
/// streams. Splitting decompresses every stream but takes nothing from the data yet.
struct ApkPackage {
  /// Scripts apk would run; they are reported, never run.
  static let scriptNames: Set<String> = [
    ".pre-install", ".post-install", ".pre-upgrade", ".post-upgrade", ".pre-deinstall",
    ".post-deinstall", ".trigger",
  ]

  var file: String
  /// The control segment as stored (what `Q1` checksums cover) and its tar.
  var controlBytes: ArraySlice<UInt8>
  var controlTar: [UInt8]
  /// The data streams as stored (what `.PKGINFO`'s `datahash` covers) and their tar.
  var dataBytes: ArraySlice<UInt8>
  var dataTar: [UInt8]

  // TODO(limit): the signature stream is not verified; the lock's checksum is what is trusted.
  init(_ bytes: [UInt8], file: String, limits: ArtifactLimits) throws(AssembleError) {
    self.file = file
    let members: [Zlib.Member]
    do {
      members = try Zlib.members(bytes, limit: limits.maximumUnpackedSize)
    } catch {
      throw AssembleError("\(file): \(error)")
    }

    // Only the first two streams are looked into: a signature, a control segment, or both.
    func names(_ index: Int) -> [String] {
      guard index < members.count else { return [] }
      return (try? TarReader.entries(members[index].contents).map(\.name)) ?? []
    }
    let first = names(0)
    let signed = !first.isEmpty && first.allSatisfy { $0.hasPrefix(".SIGN.") }
    let controlIndex = signed ? 1 : 0
    guard (signed ? names(1) : first).contains(".PKGINFO") else {
      throw AssembleError(
        "\(file): not an apk package (no gzip stream with .PKGINFO after the signature)")
    }
    let control = members[controlIndex]
    controlBytes = bytes[control.compressed]
    controlTar = control.contents

    let data = members[(controlIndex + 1)...]
    let start = data.first?.compressed.lowerBound ?? control.compressed.upperBound
    dataBytes = bytes[start..<(data.last?.compressed.upperBound ?? start)]
    dataTar = data.flatMap(\.contents)
  }

  /// The fields of `.PKGINFO` (`key = value` lines); the first value of a repeated key.
  func packageInfo() throws(AssembleError) -> [String: String] {
    var fields: [String: String] = [:]
    let text = try controlFile(".PKGINFO").map { String(decoding: $0, as: UTF8.self) } ?? ""
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      let key = line[..<equals].trimmingCharacters(in: " \t")
      let value = line[line.index(after: equals)...].trimmingCharacters(in: " \t")
      if fields[key] == nil { fields[key] = value }
    }
    return fields
  }

  /// The entries of the data tar, with the scripts the control segment holds.
  func contents(limits: ArtifactLimits) throws(AssembleError) -> PackageContents {
    var contents = try PackageContents.reading(
      dataTar: dataTar, file: file, member: "data", limits: limits)
    contents.maintainerScripts = try controlEntries().map(\.name)
      .filter { Self.scriptNames.contains($0) }.sorted()
    return contents
  }

  private func controlEntries() throws(AssembleError) -> [TarEntry] {
    do {
      return try TarReader.entries(controlTar)
    } catch {
      throw AssembleError("\(file): control: \(error)")
    }
  }

  private func controlFile(_ name: String) throws(AssembleError) -> ArraySlice<UInt8>? {
    try controlEntries().first { $0.name == name }?.contents
  }
}

extension Substring {
  /// The text without `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> String {
    String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
  }
}
