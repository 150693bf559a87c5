/// A subcommand: its interface and what it does with parsed arguments.
protocol Command {
  static var spec: CommandSpec { get }
  /// Runs the command; the result is the process exit code.
  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32
}

/// A command in the dispatch table.
struct CommandEntry: Sendable {
  let spec: CommandSpec
  let run: @Sendable (ParsedArguments, Terminal) throws -> Int32

  init<C: Command>(_ command: C.Type) {
    spec = C.spec
    run = { arguments, terminal in try C.run(arguments, terminal: terminal) }
  }
}

/// Exit codes: success, input or solving failure, usage error (sysexits' EX_USAGE).
enum ExitCode {
  static let success: Int32 = 0
  static let failure: Int32 = 1
  static let usage: Int32 = 64
}

/// A failure that ends a command with a message and exit code 1 (bad input, unreadable file).
struct CommandFailure: Error {
  var message: String
}
