import Foundation

/// A one-line progress report on standard error, for runs longer than a second: shown only
/// when standard error is a terminal, rewritten at most ten times a second, and cleared at the
/// end. Silent in pipes and in tests.
final class ProgressLine: @unchecked Sendable {
  private let terminal: Terminal
  private let started = Date()
  private var shownAt: Date?
  private var shown = false

  init(terminal: Terminal) {
    self.terminal = terminal
  }

  func show(_ text: @autoclosure () -> String) {
    guard terminal.stderrShowsProgress else { return }
    let now = Date()
    guard now.timeIntervalSince(started) >= 1 else { return }
    if let shownAt, now.timeIntervalSince(shownAt) < 0.1 { return }
    shownAt = now
    shown = true
    terminal.err("\r\u{1B}[K" + text())
  }

  func finish() {
    if shown { terminal.err("\r\u{1B}[K") }
  }
}
