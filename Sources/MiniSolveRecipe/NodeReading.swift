import MiniSolveYAML

/// Lenient readers from checked nodes to located values; a shape error was already reported,
/// so a node of the wrong kind reads as absent.
struct NodeReading {
  let path: String

  func string(_ node: Node?) -> Located<String>? {
    guard let node, !node.isNull, let scalar = node.scalar else { return nil }
    return Located(scalar.text, path: path, mark: node.mark)
  }

  func strings(_ node: Node?) -> [Located<String>] {
    (node?.sequence ?? []).compactMap { string($0) }
  }

  /// A string map's entries in source order; a null value reads as the empty string.
  func entries(_ node: Node?) -> [(name: String, value: Located<String>)] {
    (node?.mapping ?? []).compactMap { pair in
      guard let key = pair.key.scalar?.text else { return nil }
      let value = string(pair.value) ?? Located("", path: path, mark: pair.value.mark)
      return (key, value)
    }
  }

  func key(_ pair: Pair) -> Located<String>? { string(pair.key) }

  func bool(_ node: Node?) -> Bool {
    guard let text = node?.scalar?.text else { return false }
    return BooleanText.value(text) ?? false
  }

  func integer(_ node: Node?) -> Int? {
    guard let text = node?.scalar?.text else { return nil }
    return IntegerText.value(text)
  }
}
