import MiniSolveIndex
import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve index`: refreshes the index cache and says what was read and what was reused.
enum IndexCommand: Command {
  static let spec = CommandSpec(
    name: "index", summary: "Refresh the index cache; print what was read and what was reused.",
    arguments: "[options]",
    discussion: """
      Reads the project's recipes and every --repo into the SQLite index (by default
      DIR/.minisolve/index.db). A file whose content is unchanged since the last run is not
      parsed again; a changed one is re-read and one no longer named is dropped. Files read are
      listed, and with --verbose the reused ones too. See
      docs/INDEX.md for the tables, to query them with the sqlite3 shell.
      """,
    options: UniverseOptions.specs.filter { $0.name != "no-index" } + [
      UniverseOptions.format
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    try UniverseOptions.noArguments(arguments, spec: spec)
    let request = try UniverseOptions.request(arguments, spec: spec)
    let load = try UniverseOptions.load(request, arguments: arguments, terminal: terminal)
    let binaries = load.universe.packages.filter { $0.kind == .binary }.count
    let sources = load.universe.packages.count - binaries

    switch format {
    case .json:
      terminal.out(
        JSONValue.object([
          "index": .string(request.indexPath ?? ""),
          "read": .array(load.read.map { .string($0) }),
          "reused": .array(load.reused.map { .string($0) }),
          "dropped": .array(load.dropped.map { .string($0) }),
          "binary_packages": .int(binaries), "source_packages": .int(sources),
          "warnings": .array(load.warnings.map { .string($0) }),
        ]).rendered())
    case .text:
      var text = ""
      for path in load.read { text += "read    \(path)\n" }
      if arguments.has("verbose") {
        for path in load.reused { text += "reused  \(path)\n" }
      }
      for path in load.dropped { text += "dropped \(path)\n" }
      text += "index: \(load.read.count) read, \(load.reused.count) reused, "
      text += "\(load.dropped.count) dropped; \(binaries) binary and \(sources) source packages"
      text += " (\(request.indexPath ?? ""))\n"
      terminal.out(text)
    }
    // The command's one job is the index: going on without it is a failure here.
    return load.indexFailed ? ExitCode.failure : ExitCode.success
  }
}
