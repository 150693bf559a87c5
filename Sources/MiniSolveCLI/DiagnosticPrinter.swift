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
    text += "[\(diagnostic.category)] \(Self.visible(diagnostic.message))\n"
    if let line = line(diagnostic.mark.line, of: diagnostic.path) {
      let shown = Self.visible(line.replacingOccurrences(of: "\t", with: " "))
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

  /// Text with control characters spelled `\u{1B}`, so input cannot drive the terminal.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var shown = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  private func paint(_ text: String, _ code: String) -> String {
    "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
