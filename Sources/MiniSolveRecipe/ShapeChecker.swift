import MiniSolveYAML

/// Checks a node tree against a schema definition: unknown keys (with the closest known key),
/// wrong types, missing required keys, malformed integers and booleans.
struct ShapeChecker {
  let schema: SchemaDefinition
  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(schema: SchemaDefinition, path: String) {
    self.schema = schema
    self.path = path
  }

  mutating func check(_ node: Node) {
    check(node, against: .object(schema.root), context: "file")
  }

  private mutating func check(_ node: Node, against shape: Shape, context: String) {
    if node.isNull { return }
    switch shape {
    case .string, .integerText:
      if node.scalar == nil { wrongType(node, expected: "a string", context: context) }
    case .integer:
      guard let scalar = node.scalar else {
        return wrongType(node, expected: "an integer", context: context)
      }
      if let problem = IntegerText.problem(with: scalar) {
        report(node.mark, "invalid-integer", "'\(context)' \(problem)")
      }
    case .boolean:
      guard let scalar = node.scalar else {
        return wrongType(node, expected: "true or false", context: context)
      }
      if scalar.style != .plain {
        report(
          node.mark, "invalid-boolean",
          "'\(context)' must be true or false; '\(scalar.text)' is quoted, which makes it a string")
      } else if BooleanText.value(scalar.text) == nil {
        report(
          node.mark, "invalid-boolean", "'\(context)' must be true or false, not '\(scalar.text)'")
      }
    case .list(let item):
      guard let items = node.sequence else {
        return wrongType(node, expected: "a list", context: context)
      }
      for element in items {
        if element.isNull, case .string = item {
          report(element.mark, "empty-item", "empty item in '\(context)'")
        } else {
          check(element, against: item, context: context)
        }
      }
    case .map(let value):
      guard let pairs = node.mapping else {
        return wrongType(node, expected: "a mapping", context: context)
      }
      for pair in pairs {
        guard let key = pair.key.scalar?.text else {
          report(pair.key.mark, "wrong-type", "keys of '\(context)' must be strings")
          continue
        }
        // A scalar is all a string needs: the context's text is made only when it may be used.
        if case .string = value, pair.value.scalar != nil { continue }
        check(pair.value, against: value, context: "\(context).\(key)")
      }
    case .object(let name):
      guard let object = schema.objects[name] else { return }
      check(node, against: object, context: context)
    }
  }

  private mutating func check(_ node: Node, against object: ObjectShape, context: String) {
    guard let pairs = node.mapping else {
      return wrongType(node, expected: "a mapping", context: context)
    }
    for pair in pairs {
      guard let key = pair.key.scalar?.text else {
        report(pair.key.mark, "wrong-type", "keys of '\(context)' must be strings")
        continue
      }
      guard let index = object.fields.firstIndex(where: { $0.key == key }) else {
        unknownKey(key, at: pair.key.mark, in: object, context: context)
        continue
      }
      check(pair.value, against: object.fields[index].shape, context: key)
    }
    for field in object.fields where field.required {
      let value = node[field.key]
      if value == nil || value?.isNull == true {
        let where_ = value?.mark ?? node.mark
        let owner = context == "file" ? "the file" : "'\(context)'"
        report(where_, "missing-key", "\(owner) needs '\(field.key)' (\(field.summary))")
      }
    }
  }

  private mutating func unknownKey(
    _ key: String, at mark: Mark, in object: ObjectShape, context: String
  ) {
    var message =
      "unknown key '\(key)' " + (context == "file" ? "at the top level" : "in '\(context)'")
    if let near = Suggestion.closest(to: key, among: object.fields.map(\.key)) {
      message += "; did you mean '\(near)'?"
    }
    report(mark, "unknown-key", message)
  }

  private mutating func wrongType(_ node: Node, expected: String, context: String) {
    report(node.mark, "wrong-type", "'\(context)' must be \(expected), not a \(node.kindName)")
  }

  private mutating func report(_ mark: Mark, _ category: String, _ message: String) {
    diagnostics.append(Diagnostic(path: path, mark: mark, category: category, message: message))
  }
}

/// The spellings of booleans a recipe may use.
enum BooleanText {
  static func value(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }
}

/// Integer scalars: decimal without leading zeros, or `0o` octal.
enum IntegerText {
  static func value(_ text: String) -> Int? {
    if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
    return problem(with: text) == nil ? Int(text) : nil
  }

  /// Why a scalar is not an integer, or nil when it is one.
  static func problem(with scalar: Scalar) -> String? {
    if scalar.style != .plain {
      return "must be an integer; '\(scalar.text)' is quoted, which makes it a string"
    }
    return problem(with: scalar.text)
  }

  static func problem(with text: String) -> String? {
    if text.hasPrefix("0o"), text.count > 2, Int(text.dropFirst(2), radix: 8) != nil { return nil }
    let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
      return "must be an integer, not '\(text)'"
    }
    if digits.count > 1, digits.hasPrefix("0") {
      return "has a leading zero ('\(text)'); write it without, or as 0o octal"
    }
    if Int(text) == nil { return "is out of range ('\(text)')" }
    return nil
  }
}
