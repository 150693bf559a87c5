import Glibc
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

  /// `chain` holds the variables being expanded, outermost first, to catch cycles. Works on the
  /// string's own UTF-8 storage: most texts hold no `${{` and come back as they are, and the
  /// token's text is made only for an error message.
  private func apply(_ text: Located<String>, chain: [String]) throws -> String {
    var source = text.value
    let replaced = try source.withUTF8 { bytes -> [UInt8]? in
      guard var open = Self.find(Self.opening, in: bytes, from: 0) else { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + 16)
      var position = 0
      while true {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<open]))
        guard let close = Self.find(Self.closing, in: bytes, from: open + 3) else {
          let shown = UnsafeBufferPointer(rebasing: bytes[open..<min(bytes.count, open + 20)])
          throw SubstitutionError(
            category: "unclosed-substitution", message: "'${{' is never closed with '}}'",
            path: text.path, mark: text.mark, needle: String(decoding: shown, as: UTF8.self))
        }
        var first = open + 3
        var last = close
        while first < last && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
        while last > first && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
        let innerBytes = UnsafeBufferPointer(rebasing: bytes[first..<last])
        let inner = String(decoding: innerBytes, as: UTF8.self)
        let tokenBytes = UnsafeBufferPointer(rebasing: bytes[open..<(close + 2)])
        let token = { String(decoding: tokenBytes, as: UTF8.self) }
        let isName = Self.isName(bytes: innerBytes)
        var found = try value(of: inner, isName: isName, token: token, in: text, chain: chain)
        found.withUTF8 { output.append(contentsOf: $0) }
        position = close + 2
        guard let next = Self.find(Self.opening, in: bytes, from: position) else { break }
        open = next
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
      return output
    }
    guard let replaced else { return text.value }
    return String(decoding: replaced, as: UTF8.self)
  }

  /// `${{` and `}}`: a first byte, then the same byte once or twice more.
  struct Needle {
    var first: UInt8
    var then: UInt8
    var length: Int
  }
  static let opening = Needle(first: 0x24, then: 0x7B, length: 3)
  static let closing = Needle(first: 0x7D, then: 0x7D, length: 2)

  /// The index where `needle` starts at or after `start`: memchr finds each candidate first
  /// byte, the rest is compared in place.
  static func find(
    _ needle: Needle, in buffer: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard needle.length <= buffer.count, let base = buffer.baseAddress else { return nil }
    let last = buffer.count - needle.length
    var index = start
    while index <= last {
      guard let hit = memchr(base + index, Int32(needle.first), last - index + 1) else {
        return nil
      }
      index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      var matched = 1
      while matched < needle.length, base[index + matched] == needle.then { matched += 1 }
      if matched == needle.length { return index }
      index += 1
    }
    return nil
  }

  private func value(
    of inner: String, isName: Bool, token: () -> String, in text: Located<String>,
    chain: [String]
  ) throws -> String {
    if isName {
      if let value = try lookup(inner, in: text, chain: chain) { return value }
      throw SubstitutionError(
        category: "undefined-variable", message: unknownMessage(inner),
        path: text.path, mark: text.mark, needle: token())
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
        category: "invalid-expression", message: "in '\(token())': \(error.message)",
        path: text.path, mark: text.mark, needle: token())
    }
    if let innerFailure { throw innerFailure }
    return value.text
  }

  private func lookup(
    _ name: String, in text: Located<String>, chain: [String]
  ) throws -> String? {
    if let value = scope[name] { return value }
    guard name.hasPrefix("vars.") else { return nil }
    // By bytes: dropping Characters asks at each step where a grapheme cluster ends.
    let variable = String(decoding: name.utf8.dropFirst(5), as: UTF8.self)
    guard let raw = scope.vars[variable] else { return nil }
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
    let known = scope.allNames.sorted() + scope.vars.keys.sorted().map { "vars.\($0)" }
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
    var copy = text
    return copy.withUTF8(isName(bytes:))
  }

  static func isName(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return false }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
        UInt8(ascii: "_"):
        continue
      default:
        return false
      }
    }
    return true
  }
}
