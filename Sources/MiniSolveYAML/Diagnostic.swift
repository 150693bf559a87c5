/// A finding about an input file: where, how bad, which kind, and what to do.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var path: String
  public var mark: Mark
  public var severity: Severity
  /// A short kebab-case kind (`unknown-key`, `syntax`, `undefined-variable`) for filtering.
  public var category: String
  public var message: String

  public init(
    path: String, mark: Mark, severity: Severity = .error, category: String, message: String
  ) {
    self.path = path
    self.mark = mark
    self.severity = severity
    self.category = category
    self.message = message
  }

  public init(path: String, yamlError: YAMLError) {
    self.init(
      path: path, mark: yamlError.mark, category: yamlError.kind.rawValue,
      message: yamlError.message)
  }

  /// `path:line:col: error: [category] message`, the first line a compiler would print.
  public var description: String {
    "\(path):\(mark.line):\(mark.column): \(severity.rawValue): [\(category)] \(message)"
  }
}
