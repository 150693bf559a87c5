import Foundation
import MiniSolveRecipe

/// The `minisolve` entry point: picks the subcommand and turns errors into exit codes.
public enum MiniSolveCommand {
  public static let version = "0.1.0"

  static let commands: [CommandEntry] = [
    CommandEntry(LintCommand.self), CommandEntry(CompileCommand.self),
    CommandEntry(SchemaCommand.self), CommandEntry(IndexCommand.self),
    CommandEntry(ShowCommand.self), CommandEntry(RdepsCommand.self),
    CommandEntry(BuildOrderCommand.self), CommandEntry(CheckCommand.self),
    CommandEntry(ClosureCommand.self), CommandEntry(LockCommand.self),
    CommandEntry(WhyCommand.self), CommandEntry(DiffCommand.self),
    CommandEntry(GraphCommand.self), CommandEntry(SBOMCommand.self),
    CommandEntry(AuditCommand.self), CommandEntry(AssembleCommand.self),
  ]

  public static func main() -> Never {
    exit(run(Array(CommandLine.arguments.dropFirst()), terminal: .current))
  }

  /// Runs a command line (without the program name) and returns the exit code.
  public static func run(_ arguments: [String], terminal: Terminal) -> Int32 {
    guard let first = arguments.first else {
      terminal.err(overview)
      return ExitCode.usage
    }
    switch first {
    case "--help", "-h":
      terminal.out(overview)
      return ExitCode.success
    case "--version":
      terminal.out("minisolve \(version)\n")
      return ExitCode.success
    case "help":
      return help(arguments.dropFirst().first, terminal: terminal)
    default:
      break
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      var message = "unknown \(first.hasPrefix("-") ? "option" : "command") '\(first)'"
      let candidates = commands.map(\.spec.name) + ["--help", "--version", "help"]
      if let near = Suggestion.closest(to: first, among: candidates) {
        message += "; did you mean '\(near)'?"
      }
      terminal.err("error: \(message)\n\n\(overview)")
      return ExitCode.usage
    }
    let spec = command.spec
    do {
      let parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: spec)
      if parsed.has("help") {
        terminal.out(spec.help)
        return ExitCode.success
      }
      return try command.run(parsed, terminal)
    } catch let error as UsageError {
      // The error stays in sight: a short usage line, not the whole help, as git and apt do.
      let usage =
        error.spec.map {
          "usage: minisolve \($0.name) \($0.arguments)\n"
            + "'minisolve \($0.name) --help' lists the options.\n"
        } ?? ""
      terminal.err("error: \(error.message)\n\(usage)")
      return ExitCode.usage
    } catch let failure as CommandFailure {
      terminal.err("error: \(failure.message)\n")
      return ExitCode.failure
    } catch {
      terminal.err("error: \(error)\n")
      return ExitCode.failure
    }
  }

  private static func help(_ name: String?, terminal: Terminal) -> Int32 {
    guard let name else {
      terminal.out(overview)
      return ExitCode.success
    }
    guard let command = commands.first(where: { $0.spec.name == name }) else {
      var message = "unknown command '\(name)'"
      if let near = Suggestion.closest(to: name, among: commands.map(\.spec.name)) {
        message += "; did you mean '\(near)'?"
      }
      terminal.err("error: \(message)\n\n\(overview)")
      return ExitCode.usage
    }
    terminal.out(command.spec.help)
    return ExitCode.success
  }

  static var overview: String {
    var text = """
      minisolve \(version): package recipes checked and expanded; package universes indexed.

      USAGE: minisolve <command> [options]

      COMMANDS:

      """
    let width = commands.map(\.spec.name.count).max() ?? 0
    for command in commands {
      let padding = String(repeating: " ", count: width - command.spec.name.count + 2)
      text += "  \(command.spec.name)\(padding)\(command.spec.summary)\n"
    }
    text += """

      Run 'minisolve <command> --help' (or 'minisolve help <command>') for a command's options.
      Global: --help, --version. Exit codes: 0 success, 1 bad input, 64 usage error.

      """
    return text
  }
}
