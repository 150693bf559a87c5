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
  let scope: Scope

  func apply(_ text: Located<String>) throws -> String {
    try apply(text, chain: [])
  }

  /// `chain` holds the variables being expanded, outermost first, to catch cycles.
  private func apply(_ text: Located<String>, chain: [String]) throws -> String {
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
      output += try value(of: inner, token: token, in: text, chain: chain)
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  private func value(
    of inner: String, token: String, in text: Located<String>, chain: [String]
  ) throws -> String {
    if Self.isName(inner) {
      if let value = try lookup(inner, in: text, chain: chain) { return value }
      throw SubstitutionError(
        category: "undefined-variable", message: unknownMessage(inner),
        path: text.path, mark: text.mark, needle: token)
    }
    // A failure inside a variable the expression reads is reported as itself, not as unknown.
    var innerFailure: Error?
    let value: ExpressionValue
    do {
      value = try Expression.evaluate(inner) { name in
        do {
          return try lookup(name, in: text, chain: chain)
        } catch {
          innerFailure = innerFailure ?? error
          return ""
        }
      }
    } catch {
      if let innerFailure { throw innerFailure }
      throw SubstitutionError(
        category: "invalid-expression", message: "in '\(token)': \(error.message)",
        path: text.path, mark: text.mark, needle: token)
    }
    if let innerFailure { throw innerFailure }
    return value.text
  }

  private func lookup(
    _ name: String, in text: Located<String>, chain: [String]
  ) throws -> String? {
    if let value = scope.names[name] { return value }
    guard name.hasPrefix("vars."), let raw = scope.vars[String(name.dropFirst(5))] else {
      return nil
    }
    let variable = String(name.dropFirst(5))
    if let start = chain.firstIndex(of: variable) {
      throw cycleError(Array(chain[start...]))
    }
    return try apply(raw, chain: chain + [variable])
  }

  /// A cycle named from the variable declared first, so every way into it reports the same.
  private func cycleError(_ members: [String]) -> SubstitutionError {
    let marks = members.map { scope.vars[$0]?.mark ?? .start }
    let first = marks.indices.min { marks[$0] < marks[$1] } ?? 0
    let rotated = Array(members[first...] + members[..<first])
    let names = (rotated + [rotated[0]]).map { "vars.\($0)" }.joined(separator: " -> ")
    let origin = scope.vars[rotated[0]]
    return SubstitutionError(
      category: "variable-cycle", message: "variables refer to each other in a cycle: \(names)",
      path: origin?.path ?? "", mark: origin?.mark ?? .start, needle: nil)
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
