import MiniSolveYAML

/// Diagnostics kept in the index as text, one per line (`line`, `column`, severity, category,
/// message, tab-separated), so that a cached read reports what the first read reported.
enum StoredDiagnostics {
  static func encode(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { diagnostic in
      let message = diagnostic.message.replacingTabsAndNewlines()
      return
        "\(diagnostic.mark.line)\t\(diagnostic.mark.column)\t\(diagnostic.severity.rawValue)\t"
        + "\(diagnostic.category)\t\(message)"
    }.joined(separator: "\n")
  }

  static func decode(_ text: String, path: String) -> [Diagnostic] {
    text.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
      guard parts.count == 5, let row = Int(parts[0]), let column = Int(parts[1]),
        let severity = Diagnostic.Severity(rawValue: String(parts[2]))
      else { return nil }
      return Diagnostic(
        path: path, mark: Mark(line: row, column: column), severity: severity,
        category: String(parts[3]), message: String(parts[4]))
    }
  }
}

extension String {
  fileprivate func replacingTabsAndNewlines() -> String {
    String(map { $0 == "\t" || $0 == "\n" ? " " : $0 })
  }
}
