import Foundation
import MiniSolveAssemble
import MiniSolveIndex
import MiniSolveLock
import MiniSolveRecipe
import MiniSolveUniverse

/// `minisolve assemble`: one locked image variant as an OCI image layout.
enum AssembleCommand: Command {
  static let spec = CommandSpec(
    name: "assemble", summary: "Build an OCI image layout from the lock and package files.",
    arguments: "--image NAME --packages DIR --output DIR [options]",
    discussion: """
      Reads minisolve.lock, takes the members of one image variant, finds each member's
      artifact in the packages folder (a .deb as its Filename or as apt-get download names
      it, NAME_VERSION_ARCH.deb with ':' written %3a; an .apk as NAME-VERSION.apk), checks its
      SHA-256 against the lock before using it, and writes an OCI image layout (oci-layout,
      index.json, blobs/sha256/...) with one gzip-compressed layer, the image config from the
      image file's settings (entrypoint, cmd, environment, user, work-dir, annotations; the
      accounts written to /etc/passwd and /etc/group; paths made) and the manifest. Maintainer
      scripts are not run; an annotation says so. Times are SOURCE_DATE_EPOCH when it is set,
      else 0, so the same lock and artifacts give the same bytes. Two packages writing one
      path is an error unless the index says one Replaces the other. On any error nothing is
      written and an old output is left as it was.
      """,
    options: [
      .value("image", "NAME", "The image (images/NAME.yaml)."),
      .value("variant", "prod|dev", "The variant (default: prod)."),
      .value("arch", "ARCH", "The architecture (default: the only one locked, else x86_64)."),
      .value("packages", "DIR", "Where the .deb or .apk files are."),
      .value("output", "DIR", "The OCI image layout to write."),
      .value("project", "DIR", "The project folder (default: .)."),
      .value("index", "PATH", "The index database (default: DIR/.minisolve/index.db)."),
      .flag("no-index", "Read every input afresh and cache nothing."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    try UniverseOptions.noArguments(arguments, spec: spec)
    guard let imageName = arguments.value("image") else {
      throw UsageError(message: "name the image with --image", spec: spec)
    }
    guard let packages = arguments.value("packages"), let output = arguments.value("output")
    else { throw UsageError(message: "give --packages DIR and --output DIR", spec: spec) }
    let variant = arguments.value("variant") ?? "prod"
    guard Lock.variants.contains(variant) else {
      throw UsageError(message: "unknown variant '\(variant)'; choose prod or dev", spec: spec)
    }
    let layout: ProjectLayout
    do {
      layout = try ProjectLayout.load(arguments.value("project") ?? ".")
    } catch let error as ProjectError {
      throw CommandFailure(message: "\(error)")
    }
    let lock: Lock
    do {
      guard let read = try LockFile.read(layout.lockPath) else {
        throw CommandFailure(
          message: "no lock at \(layout.relative(layout.lockPath)); run minisolve lock")
      }
      lock = read
    } catch let error as LockReadError {
      throw CommandFailure(message: error.message)
    }
    guard let image = lock.images[imageName] else {
      let known = lock.images.keys.sorted()
      var message = "the lock has no image '\(imageName)'"
      if let near = Suggestion.closest(to: imageName, among: known) {
        message += "; did you mean '\(near)'?"
      } else if !known.isEmpty {
        message += "; it has \(known.joined(separator: ", "))"
      }
      throw CommandFailure(message: message)
    }
    let arch = try architecture(arguments, locked: Array(image.closures.keys))
    guard let closure = image.closures[arch.name]?[variant] else {
      throw CommandFailure(message: "image \(imageName) is not locked for \(arch.name)")
    }

    var members: [AssemblyMember] = []
    for member in closure.members {
      guard let artifact = artifact(for: member, in: packages) else {
        throw CommandFailure(
          message: "\(member.name) \(member.version): no artifact in \(packages) (looked for "
            + candidates(for: member).joined(separator: ", ") + "); nothing was written")
      }
      members.append(
        AssemblyMember(
          name: member.name, version: member.version, architecture: member.architecture,
          checksum: member.checksum, artifact: artifact))
    }
    let replaces = try replacements(layout, arguments: arguments, architecture: arch)
    let epoch = Int(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? "") ?? 0
    let assembly: Assembly
    do {
      assembly = try Assembler(reference: "\(imageName)-\(variant)").assemble(
        members: members, settings: image.settings, architecture: arch.name, epoch: epoch,
        output: output
      ) { replacing, replaced in
        (replaces["\(replacing.name) \(replacing.version)"] ?? []).contains { constraint, scheme in
          constraint.name == replaced.name && constraint.matches(replaced.version, scheme: scheme)
        }
      }
    } catch {
      throw CommandFailure(message: "\(error); nothing was written")
    }
    for warning in assembly.warnings where arguments.has("verbose") {
      terminal.err("note: \(warning)\n")
    }
    terminal.out(
      "assemble: wrote \(output): \(imageName) \(variant) \(arch.name), "
        + "\(members.count) packages, \(assembly.entryCount) entries\n"
        + "  manifest \(assembly.manifestDigest)\n  layer \(assembly.layerDigest)\n")
    return ExitCode.success
  }

  private static func architecture(_ arguments: ParsedArguments, locked: [String]) throws
    -> Architecture
  {
    if let name = arguments.value("arch") {
      return try ArchitectureArgument.parse([name], default: [], spec: spec)[0]
    }
    let name = locked.count == 1 ? locked[0] : "x86_64"
    guard let architecture = Architecture.named(name) else {
      throw CommandFailure(message: "unknown architecture '\(name)' in the lock")
    }
    return architecture
  }

  /// The file names a member's artifact may have, most likely first.
  static func candidates(for member: LockedMember) -> [String] {
    var names: [String] = []
    if let location = member.location {
      names.append((location as NSString).lastPathComponent)
    }
    let isDebian = member.checksum?.hasPrefix("sha256:") == true
    if member.originKind == "repository" && isDebian {
      let escaped = member.version.replacingOccurrences(of: ":", with: "%3a")
      let bare = member.version.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
      names += [
        "\(member.name)_\(escaped)_\(member.architecture).deb",
        "\(member.name)_\(bare)_\(member.architecture).deb",
      ]
    } else {
      names.append("\(member.name)-\(member.version).apk")
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  private static func artifact(for member: LockedMember, in folder: String) -> String? {
    for name in candidates(for: member) {
      let path = (folder as NSString).appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    return nil
  }

  /// For each package (`name version`), the Replaces it declares, from the project's universe.
  private static func replacements(
    _ layout: ProjectLayout, arguments: ParsedArguments, architecture: Architecture
  ) throws -> [String: [(Constraint, VersionScheme)]] {
    let request = layout.universeRequest(
      architecture: architecture, indexPath: UniverseOptions.indexPath(arguments, layout: layout),
      toolVersion: MiniSolveCommand.version)
    let universe = try UniverseLoader.load(request).universe
    var result: [String: [(Constraint, VersionScheme)]] = [:]
    for id in universe.packages.indices {
      let record = universe.packages[id]
      for group in universe.groups(of: Int32(id)) where group.kind == .replaces {
        for alternative in universe.alternatives(of: group) {
          result[
            "\(universe.strings[record.name]) \(universe.strings[record.version])", default: []
          ]
          .append((universe.constraint(alternative, scheme: record.scheme), record.scheme))
        }
      }
    }
    return result
  }
}
