import Foundation
import MiniSolveLock

/// `minisolve diff OLD NEW`: what changed between two lock files.
enum DiffCommand: Command {
  static let spec = CommandSpec(
    name: "diff", summary: "Show what changed between two lock files.",
    arguments: "OLD NEW [--format text|json]",
    discussion: """
      Compares two locks (minisolve.lock files, say from two commits): the inputs added (+),
      removed (-) and changed (~), then, for every image, architecture and variant and every
      recipe's build closure, the packages added, removed and changed in version. A closure
      only one lock has is marked (new) or (gone). Both files are checked as lock --check
      checks one: a malformed or hand-edited lock is an error.

      Exit codes, as diff(1): 0 when the locks are equal, 1 when they differ; an error (a
      missing or malformed lock) also exits 1, with a message on standard error and nothing
      on standard output. --format json prints {"equal", "inputs": {"added", "removed",
      "changed"}, "closures": [{"kind", "name", "architecture", "variant", "status",
      "added": [{"name", "version"}], "removed": [...], "changed": [{"name", "old", "new"}]}]}.
      """,
    options: [UniverseOptions.format])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    guard arguments.positionals.count == 2 else {
      throw UsageError(message: "name two lock files, the old one first", spec: spec)
    }
    for path in arguments.positionals where !FileManager.default.fileExists(atPath: path) {
      throw CommandFailure(message: "no such file: \(path)")
    }
    let old = try LockOptions.read(arguments.positionals[0])
    let new = try LockOptions.read(arguments.positionals[1])
    let diff = LockDiff(from: old, to: new)
    switch format {
    case .text: terminal.out(diff.lines.map { $0 + "\n" }.joined())
    case .json: terminal.out(diff.json.rendered())
    }
    return diff.isEmpty ? ExitCode.success : ExitCode.failure
  }
}
