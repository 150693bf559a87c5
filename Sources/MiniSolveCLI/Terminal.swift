import Foundation

/// Standard output and error, and whether each is a terminal (colour and progress only then).
public struct Terminal: Sendable {
  var stdoutIsTerminal: Bool
  var stderrIsTerminal: Bool
  /// When set, output is kept here instead of written: for tests.
  var capture: TerminalCapture?

  public static let current = Terminal(
    stdoutIsTerminal: isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
    stderrIsTerminal: isatty(STDERR_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

  /// A terminal that keeps what is written, without colour.
  public static func capturing() -> (Terminal, TerminalCapture) {
    let capture = TerminalCapture()
    return (Terminal(stdoutIsTerminal: false, stderrIsTerminal: false, capture: capture), capture)
  }

  func out(_ text: String) {
    if let capture { return capture.append(text, error: false) }
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  func err(_ text: String) {
    if let capture { return capture.append(text, error: true) }
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// What a capturing terminal was given, standard output and error apart.
public final class TerminalCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  public var output: String { lock.withLock { outText } }
  public var errors: String { lock.withLock { errText } }

  func append(_ text: String, error: Bool) {
    lock.withLock {
      if error { errText += text } else { outText += text }
    }
  }
}
