/// The names `${{...}}` can refer to at one place in a recipe: package facts, build facts,
/// the context (main package or subpackage), range item, pipeline inputs and variables.
struct Scope: Sendable {
  /// Final values, by full name (`package.version`, `inputs.opts`).
  var names: [String: String] = [:]
  /// `vars.*` as written; substituted where they are used, so they may refer to each other.
  var vars: [String: Located<String>] = [:]

  subscript(name: String) -> String? {
    get { names[name] }
    set { names[name] = newValue }
  }

  /// The same scope with every `inputs.*` name removed, as a named pipeline starts.
  func withoutInputs() -> Scope {
    var copy = self
    copy.names = names.filter { !$0.key.hasPrefix("inputs.") }
    return copy
  }
}
