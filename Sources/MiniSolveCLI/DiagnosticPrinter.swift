import Foundation
import MiniSolveRecipe
import MiniSolveYAML

/// Prints diagnostics as a compiler does: the location line, the source line, and a caret.
struct DiagnosticPrinter {
  var colour: Bool
  /// The text of a file by the path diagnostics name, for the source line.
  var source: (String) -> String?

  private var cache: [String: [Substring]] = [:]

  init(colour: Bool, source: @escaping (String) -> String?) {
    self.colour = colour
    self.source = source
  }

  mutating func render(_ diagnostic: Diagnostic) -> String {
    let severity = diagnostic.severity.rawValue
    let painted = colour ? paint(severity, diagnostic.severity == .error ? "31" : "35") : severity
    let location = "\(diagnostic.path):\(diagnostic.mark.line):\(diagnostic.mark.column)"
    var text = "\(colour ? paint(location, "1") : location): \(painted): "
    text += "[\(diagnostic.category)] \(diagnostic.message)\n"
    if let line = line(diagnostic.mark.line, of: diagnostic.path) {
      let shown = line.replacingOccurrences(of: "\t", with: " ")
      let caretColumn = max(0, min(diagnostic.mark.column - 1, shown.count))
      text += "  \(shown)\n  \(String(repeating: " ", count: caretColumn))^\n"
    }
    return text
  }

  private mutating func line(_ number: Int, of path: String) -> String? {
    if cache[path] == nil {
      guard let text = source(path) else { return nil }
      cache[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }
    guard let lines = cache[path], number >= 1, number <= lines.count else { return nil }
    return String(lines[number - 1])
  }

  private func paint(_ text: String, _ code: String) -> String {
    "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
