import MiniSolveUniverse

/// Reads a Debian binary package: an `ar` archive of `debian-binary`, `control.tar[.*]` and
/// `data.tar[.*]`; members whose name starts with `_` are ignored, as dpkg does.
enum DebReader {
  /// Maintainer scripts dpkg would run; they are reported, never run.
  static let scriptNames: Set<String> = ["preinst", "postinst", "prerm", "postrm", "config"]

  static func read(_ bytes: [UInt8], file: String, limits: ArtifactLimits)
    throws(AssembleError) -> PackageContents
  {
    let members: [ArMember]
    do {
      members = try ArArchive.members(bytes)
    } catch {
      throw AssembleError("\(file): \(error.message)")
    }
    let parts = members.filter { !$0.name.hasPrefix("_") }
    guard let version = parts.first, version.name == "debian-binary",
      version.contents.starts(with: "2.".utf8)
    else {
      throw AssembleError("\(file): not a Debian package (no 'debian-binary' 2.x member first)")
    }

    let control = try member(parts, "control.tar", file: file)
    let data = try member(parts, "data.tar", file: file)
    let controlTar = try control.compression.decompress(
      control.member.contents, limit: limits.maximumUnpackedSize, file: file,
      member: control.member.name)
    let dataTar = try data.compression.decompress(
      data.member.contents, limit: limits.maximumUnpackedSize, file: file,
      member: data.member.name)

    var contents = try PackageContents.reading(
      dataTar: dataTar, file: file, member: data.member.name, limits: limits)
    contents.maintainerScripts = try scripts(controlTar, file: file, member: control.member.name)
    return contents
  }

  /// The one member named `base` plus a known compression suffix.
  private static func member(_ members: [ArMember], _ base: String, file: String)
    throws(AssembleError) -> (member: ArMember, compression: ArchiveCompression)
  {
    let found = members.compactMap { member in
      ArchiveCompression.of(member: member.name, base: base).map { (member, $0) }
    }
    guard found.count == 1, let first = found.first else {
      let seen = members.map(\.name).joined(separator: ", ")
      let problem = found.isEmpty ? "has no known '\(base).*' member" : "has two '\(base)' members"
      throw AssembleError("\(file): \(problem) (members: \(seen))")
    }
    return first
  }

  /// The maintainer scripts the control tar holds, sorted.
  private static func scripts(_ controlTar: [UInt8], file: String, member: String)
    throws(AssembleError) -> [String]
  {
    do {
      return try TarReader.entries(controlTar)
        .compactMap { try? EntryPath.normalised($0.name) }
        .filter { scriptNames.contains($0) }
        .sorted()
    } catch {
      throw AssembleError("\(file): \(member): \(error)")
    }
  }
}
