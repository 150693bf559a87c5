import Foundation
import MiniSolveLock

/// `minisolve audit`: how many packages each locked image holds, and how many the same roots
/// would pull in from a Debian repository.
enum AuditCommand: Command {
  static let spec = CommandSpec(
    name: "audit", summary: "Count each locked image's packages, optionally against Debian.",
    arguments: "[--compare-repo PATH] [--format text|markdown|json] [options]",
    discussion: """
      Reads the project's lock and prints a table with a row per image and architecture: the
      number of packages in its prod and dev variants. With --compare-repo, a Debian Packages
      index (plain, .gz or .xz; any index minisolve reads works), a debian column holds the
      size of the runtime closure of the image's prod root names in that repository, solved
      as minisolve closure solves (x86_64 as amd64, aarch64 as arm64; versions in the roots
      are dropped). A root name the repository has no package or provider for is listed as
      absent, not an error; "no closure" means the roots there cannot be installed together.

      --format json prints [{"image", "architecture", "prod", "dev", "debian"}], debian being
      null when not compared, else {"members": N or null, "absent": [names]}.
      """,
    options: [
      LockOptions.project,
      .value("compare-repo", "PATH", "A repository index to solve the same roots over."),
      .value("index", "PATH", "The index database (default: DIR/.minisolve/index.db)."),
      .flag("no-index", "Read the compared repository afresh and cache nothing."),
      .value("format", "text|markdown|json", "Output format (default: text)."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    try UniverseOptions.noArguments(arguments, spec: spec)
    let format = try OptionChoice.value(
      arguments, "format", among: ["text", "markdown", "json"], default: "text", spec: spec)
    if arguments.has("no-index") && arguments.value("index") != nil {
      throw UsageError(message: "--index and --no-index contradict each other", spec: spec)
    }
    let (layout, lock) = try LockOptions.lock(arguments, terminal: terminal)
    var report = AuditReport(lock: lock)

    if let repository = arguments.value("compare-repo") {
      guard FileManager.default.fileExists(atPath: repository) else {
        throw CommandFailure(message: "no such file: \(repository)")
      }
      var comparison = RepositoryComparison(
        repository: repository,
        indexPath: UniverseOptions.indexPath(arguments, layout: layout),
        toolVersion: MiniSolveCommand.version)
      do {
        try report.compare(with: &comparison)
      } catch ProjectError.message(let message) {
        throw CommandFailure(message: message)
      }
      for warning in comparison.warnings { terminal.err("warning: \(warning)\n") }
    }

    switch format {
    case "json": terminal.out(report.json.rendered())
    case "markdown": terminal.out(report.markdown)
    default: terminal.out(report.text)
    }
    return ExitCode.success
  }
}
