import MiniSolveYAML

/// One pipeline step as written: a script (`runs`), a named pipeline (`uses` with `with`),
/// or a group of nested steps sharing settings.
public struct Step: Sendable {
  public var mark: Mark
  public var path: String
  public var name: Located<String>?
  public var uses: Located<String>?
  public var with: [(name: Located<String>, value: Located<String>)] = []
  public var runs: Located<String>?
  public var condition: Located<String>?
  public var workingDirectory: Located<String>?
  public var environment: [(name: String, value: Located<String>)] = []
  public var pipeline: [Step] = []
  public var needs: [Located<String>] = []
  public var label: String?
  /// Declared inputs; only a named pipeline's file has them.
  public var inputs: [PipelineInput] = []

  public init(path: String, mark: Mark) {
    self.path = path
    self.mark = mark
  }
}

/// An input a named pipeline declares.
public struct PipelineInput: Sendable {
  public var name: Located<String>
  public var defaultValue: Located<String>?
  public var required: Bool
}
