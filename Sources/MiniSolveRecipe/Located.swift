import MiniSolveYAML

/// A value with the file and position it was written at, so that every later finding about
/// it can point there.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var path: String
  public var mark: Mark

  public init(_ value: Value, path: String, mark: Mark) {
    self.value = value
    self.path = path
    self.mark = mark
  }

  /// `path:line:col`, as diagnostics and `why` print a declaration site.
  public var site: String { "\(path):\(mark.line):\(mark.column)" }

  func map<Other>(_ transform: (Value) -> Other) -> Located<Other> {
    Located<Other>(transform(value), path: path, mark: mark)
  }
}

extension Located: Equatable where Value: Equatable {}
