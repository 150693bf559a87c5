import Foundation
import MiniSolveLock

/// `minisolve sbom IMAGE --format spdx-json|cyclonedx-json`: a software bill of materials of
/// a locked image.
enum SBOMCommand: Command {
  static let spec = CommandSpec(
    name: "sbom", summary: "Write an SPDX or CycloneDX SBOM of a locked image.",
    arguments: "IMAGE [--variant prod|dev] [--arch ARCH] --format spdx-json|cyclonedx-json",
    discussion: """
      Reads the project's lock and prints an SBOM of one image's closure: SPDX 2.3 JSON
      (spdx-json) or CycloneDX 1.5 JSON (cyclonedx-json). The image is the element the
      document describes; every member is a package with its version, declared licence
      (an SPDX expression; other text as a LicenseRef of its own in SPDX, as a licence name in
      CycloneDX; NOASSERTION in SPDX when the lock has none), its purl
      (pkg:apk/NAME@VERSION?arch=ARCH for recipes and APKINDEX packages,
      pkg:deb/debian/NAME@VERSION?arch=ARCH for Debian ones) and its SHA-256 where the index
      gives one. Dependencies are the edges that pulled each member in: the image depends on
      its roots, each member on the members it pulled in.

      The output depends on the lock alone: SPDX's required creation time is
      1970-01-01T00:00:00Z and CycloneDX's timestamp is left out, and the SPDX
      documentNamespace and CycloneDX serialNumber are derived from the lock's SHA-256.
      --timestamp puts the current time (UTC) in both instead, and into those names.
      """,
    options: [
      LockOptions.variant, LockOptions.arch, LockOptions.project,
      .value("format", "spdx-json|cyclonedx-json", "Output format (required)."),
      .flag("timestamp", "Date the document now, instead of 1970-01-01T00:00:00Z."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OptionChoice.value(
      arguments, "format", among: ["spdx-json", "cyclonedx-json"], default: nil, spec: spec)
    guard arguments.positionals.count == 1, let image = arguments.positionals.first else {
      throw UsageError(message: "name one image", spec: spec)
    }
    let lock = try LockOptions.lock(arguments, terminal: terminal).lock
    let selection = try LockOptions.selection(arguments, image: image, in: lock, spec: spec)
    let subject = SBOMSubject(
      selection: selection, lock: lock, toolVersion: MiniSolveCommand.version,
      created: arguments.has("timestamp") ? now() : nil)
    let document =
      format == "spdx-json" ? SPDXDocument.json(subject) : CycloneDXDocument.json(subject)
    terminal.out(document.rendered())
    return ExitCode.success
  }

  /// The current time, UTC, to the second: `2025-01-31T12:00:00Z`.
  private static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }
}
