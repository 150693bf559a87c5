import Foundation

/// Standard output and error, and whether each is a terminal (colour and progress only then).
public struct Terminal: Sendable {
  var stdoutIsTerminal: Bool
  var stderrIsTerminal: Bool

  public static let current = Terminal(
    stdoutIsTerminal: isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
    stderrIsTerminal: isatty(STDERR_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

  func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  func err(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
