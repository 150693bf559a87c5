import MiniSolveRecipe
import MiniSolveUniverse
import MiniSolveYAML

/// One package to put into an image, as a lock names it, with the artifact file to read.
public struct AssemblyMember: Sendable, Equatable {
  public var name: String
  public var version: String
  public var architecture: String
  /// `sha256:HEX`, or apk's `Q1…`/`Q2…`; a member without one is refused.
  public var checksum: String?
  /// The `.deb` or `.apk` file.
  public var artifact: String

  public init(
    name: String, version: String, architecture: String, checksum: String?, artifact: String
  ) {
    self.name = name
    self.version = version
    self.architecture = architecture
    self.checksum = checksum
    self.artifact = artifact
  }

  /// `name version`, as messages name the package.
  var label: String { "\(name) \(version)" }
}

/// What an assembly wrote and what the caller should tell the user.
public struct Assembly: Sendable, Equatable {
  /// `sha256:…` of the manifest, the config, the gzipped layer and the uncompressed layer.
  public var manifestDigest: String
  public var configDigest: String
  public var layerDigest: String
  public var diffID: String
  /// How many files, folders and links the layer holds.
  public var entryCount: Int
  /// Skipped device nodes and maintainer scripts that were not run, one sentence each.
  public var warnings: [String]
}

/// Builds a one-layer OCI image layout from package artifacts and image settings. Nothing is
/// run: maintainer scripts are reported and an annotation says they were not run.
public struct Assembler: Sendable {
  public var limits: ArtifactLimits
  /// The tag `index.json` gives the image (`org.opencontainers.image.ref.name`).
  public var reference: String

  public init(limits: ArtifactLimits = ArtifactLimits(), reference: String = "latest") {
    self.limits = limits
    self.reference = reference
  }

  /// Verifies every artifact against its checksum before reading it, merges the packages in
  /// order (a path two packages hold is a conflict unless `replaces(a, b)`, package `a`
  /// replaces `b`, says one of them wins), adds accounts and `paths` from `settings`, and
  /// writes the layout to `output` with every time set to `epoch`. On any error nothing is
  /// written and an old output is left as it was.
  public func assemble(
    members: [AssemblyMember], settings: JSONValue, architecture: String, epoch: Int,
    output: String,
    replaces: (_ replacing: AssemblyMember, _ replaced: AssemblyMember) -> Bool = { _, _ in false }
  ) throws(AssembleError) -> Assembly {
    guard epoch >= 0 else { throw AssembleError("the epoch \(epoch) is before 1970") }
    let platform = try OCIPlatform(architecture)
    let imageSettings = try ImageSettings(json: settings)

    // TODO(perf): every package's data and the whole layer (tar and gzip) are held in memory.
    var packages: [RootTree.Package] = []
    var warnings: [String] = []
    for member in members {
      let contents = try read(member, architecture: architecture)
      warnings += contents.warnings
      if !contents.maintainerScripts.isEmpty {
        warnings.append(
          "\(member.label): maintainer scripts not run: "
            + contents.maintainerScripts.joined(separator: ", "))
      }
      packages.append(RootTree.Package(name: member.label, contents: contents))
    }

    var tree = try RootTree(merging: packages) { replaces(members[$0], members[$1]) }
    try tree.apply(imageSettings)
    let entries = try tree.finished { owner in
      switch owner {
      case .package(let index): members[index].label
      case .settings: "the image settings"
      }
    }
    let layerTar = try TarWriter.archive(entries, mtime: epoch)

    let image = try OCIImage(
      layerTar: layerTar, settings: imageSettings, platform: platform, epoch: epoch,
      reference: reference,
      comment: "\(members.count) packages assembled by minisolve; maintainer scripts not run")
    try LayoutWriter.write(image, to: output)
    return Assembly(
      manifestDigest: "sha256:\(image.manifest.digest.hex)",
      configDigest: "sha256:\(image.config.digest.hex)",
      layerDigest: "sha256:\(image.layer.digest.hex)", diffID: "sha256:\(image.diffID.hex)",
      entryCount: entries.count, warnings: warnings)
  }

  /// The package's contents, read only after its bytes match the lock's checksum.
  func read(_ member: AssemblyMember, architecture: String) throws(AssembleError)
    -> PackageContents
  {
    let fits =
      ["all", "noarch"].contains(member.architecture)
      || Architecture.named(member.architecture) == Architecture.named(architecture)
    guard fits else {
      throw AssembleError(
        "\(member.label): built for \(member.architecture), not for \(architecture)")
    }
    guard let text = member.checksum else {
      throw AssembleError("\(member.label): the lock records no checksum, so it cannot be verified")
    }
    let checksum = try ArtifactChecksum(text, package: member.label)
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(member.artifact, limit: limits.maximumUnpackedSize)
    } catch {
      throw AssembleError("\(member.label): \(error)")
    }
    try checksum.verify(file: bytes, package: member.label, path: member.artifact)

    do throws(AssembleError) {
      if bytes.starts(with: ArArchive.magic) {
        guard checksum.coversWholeFile else {
          throw AssembleError("\(member.artifact): a Debian package needs a sha256: checksum")
        }
        return try DebReader.read(bytes, file: member.artifact, limits: limits)
      }
      if bytes.starts(with: [0x1f, 0x8b]) {
        let apk = try ApkPackage(bytes, file: member.artifact, limits: limits)
        try checksum.verify(apk: apk, package: member.label)
        return try apk.contents(limits: limits)
      }
      throw AssembleError("\(member.artifact): neither a .deb (ar) nor an .apk (gzip) file")
    } catch {
      let named = error.message.hasPrefix(member.label)
      throw named ? error : AssembleError("\(member.label): \(error.message)")
    }
  }
}
