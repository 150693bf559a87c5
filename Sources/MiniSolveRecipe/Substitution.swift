import MiniSolveYAML

/// Why a `${{...}}` could not be replaced, at the place it was written.
struct SubstitutionError: Error {
  var category: String
  var message: String
  var path: String
  var mark: Mark
  /// The text searched for in the source to place the caret exactly; nil points at `mark`.
  var needle: String?
}

/// Replaces every `${{ name }}` and `${{ expression }}` in a text, in one pass.
struct Substitution {
  static let maximumVariableDepth = 16

  let scope: Scope

  func apply(_ text: Located<String>) throws(SubstitutionError) -> String {
    try apply(text, depth: 0)
  }

  private func apply(_ text: Located<String>, depth: Int) throws(SubstitutionError) -> String {
    let source = text.value
    guard source.utf8.contains(UInt8(ascii: "$")) else { return source }
    var output = ""
    var rest = Substring(source)
    while let open = rest.range(of: "${{") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw SubstitutionError(
          category: "unclosed-substitution", message: "'${{' is never closed with '}}'",
          path: text.path, mark: text.mark, needle: String(rest[open.lowerBound...].prefix(20)))
      }
      let token = String(rest[open.lowerBound..<close.upperBound])
      let inner = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
      output += try value(of: inner, token: token, in: text, depth: depth)
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  private func value(
    of inner: String, token: String, in text: Located<String>, depth: Int
  ) throws(SubstitutionError) -> String {
    if Self.isName(inner) {
      if let value = try lookup(inner, in: text, depth: depth) { return value }
      throw SubstitutionError(
        category: "undefined-variable", message: unknownMessage(inner),
        path: text.path, mark: text.mark, needle: token)
    }
    do {
      return try Expression.evaluate(inner) { name in
        (try? lookup(name, in: text, depth: depth)) ?? nil
      }.text
    } catch {
      throw SubstitutionError(
        category: "invalid-expression", message: "in '\(token)': \(error.message)",
        path: text.path, mark: text.mark, needle: token)
    }
  }

  private func lookup(
    _ name: String, in text: Located<String>, depth: Int
  ) throws(SubstitutionError) -> String? {
    if let value = scope.names[name] { return value }
    guard name.hasPrefix("vars."), let raw = scope.vars[String(name.dropFirst(5))] else {
      return nil
    }
    if depth >= Self.maximumVariableDepth {
      throw SubstitutionError(
        category: "variable-cycle",
        message: "variables refer to each other more than \(Self.maximumVariableDepth) deep"
          + " (a cycle through '\(name)'?)",
        path: raw.path, mark: raw.mark, needle: nil)
    }
    return try apply(raw, depth: depth + 1)
  }

  private func unknownMessage(_ name: String) -> String {
    var message = "unknown variable '\(name)'"
    let known = scope.names.keys.sorted() + scope.vars.keys.sorted().map { "vars.\($0)" }
    if let near = Suggestion.closest(to: name, among: known) {
      message += "; did you mean '\(near)'?"
    } else if name.hasPrefix("inputs.") {
      message += "; inputs exist only inside a named pipeline that declares them"
    } else if name.hasPrefix("range.") {
      message += "; range names exist only in a subpackage with 'range:'"
    }
    return message
  }

  /// A plain name: letters, digits, `.`, `-` and `_`.
  static func isName(_ text: String) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
          UInt8(ascii: "_"):
          return true
        default:
          return false
        }
      }
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
