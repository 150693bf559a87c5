/// The names a substitution can use: final values and `vars.*` as written.
struct Scope: Sendable {
  /// Final values, by full name (`package.version`, `targets.destdir`), except inputs.
  private(set) var names: [String: String] = [:]
  /// `inputs.*` values, by full name, apart from the rest: a named pipeline starts without the
  /// caller's inputs, and filtering them out of every name for each call showed in profiles.
  private(set) var inputs: [String: String] = [:]
  /// `vars.*` as written; substituted where they are used, so they may refer to each other.
  var vars: [String: Located<String>] = [:]

  /// A scope of `names`, with room for `capacity` more without growing.
  init(names: [String: String] = [:], capacity: Int = 0) {
    if names.keys.contains(where: Self.isInput) {
      for (name, value) in names { self[name] = value }
    } else {
      self.names = names
    }
    self.names.reserveCapacity(self.names.count + capacity)
  }

  subscript(name: String) -> String? {
    get { Self.isInput(name) ? inputs[name] : names[name] }
    set {
      if Self.isInput(name) {
        inputs[name] = newValue
      } else {
        names[name] = newValue
      }
    }
  }

  /// Whether a name is an input's (`inputs.NAME`); the first byte rules out most names.
  private static func isInput(_ name: String) -> Bool {
    name.utf8.first == UInt8(ascii: "i") && name.hasPrefix("inputs.")
  }

  /// Every final name, inputs included.
  var allNames: [String] { Array(names.keys) + Array(inputs.keys) }

  /// The same scope with every `inputs.*` name removed, as a named pipeline starts.
  func withoutInputs(reservingCapacity capacity: Int = 0) -> Scope {
    var copy = self
    copy.inputs = Dictionary(minimumCapacity: capacity)
    return copy
  }
}
