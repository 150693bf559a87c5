import Foundation

/// Standard output and error, and whether each is a terminal (colour and progress only then).
public struct Terminal: Sendable {
  var stdoutIsTerminal: Bool
  var stderrIsTerminal: Bool
  /// Whether standard error is a terminal, colour or not: progress lines go there only then.
  var stderrShowsProgress = false
  /// When set, output is kept here instead of written: for tests.
  var capture: TerminalCapture?

  public static let current = Terminal(
    stdoutIsTerminal: isatty(STDOUT_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
    stderrIsTerminal: isatty(STDERR_FILENO) == 1
      && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
    stderrShowsProgress: isatty(STDERR_FILENO) == 1)

  /// A terminal that keeps what is written, without colour.
  public static func capturing() -> (Terminal, TerminalCapture) {
    let capture = TerminalCapture()
    return (Terminal(stdoutIsTerminal: false, stderrIsTerminal: false, capture: capture), capture)
  }

  func out(_ text: String) {
    if let capture { return capture.append(text, error: false) }
    if let failure = Self.write(text, to: STDOUT_FILENO) {
      // Output that cannot be written (a full disk, a closed pipe) ends the run as a failure.
      _ = Self.write("error: cannot write the output: \(failure)\n", to: STDERR_FILENO)
      exit(ExitCode.failure)
    }
  }

  func err(_ text: String) {
    if let capture { return capture.append(text, error: true) }
    if Self.write(text, to: STDERR_FILENO) != nil { exit(ExitCode.failure) }
  }

  /// Writes all of `text` to a file descriptor; the reason when it cannot.
  private static func write(_ text: String, to descriptor: Int32) -> String? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += written
      }
      return nil
    }
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
