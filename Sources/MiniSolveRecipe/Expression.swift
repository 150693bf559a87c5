/// The condition language of `if:` and of expressions inside `${{ }}`: `==`, `!=`, `&&`, `||`,
/// parentheses, quoted literals and bare words. `&&` and `||` return an operand, as in shell
/// and JavaScript, so `${{ range.key == "64" && "-ilp64" || "" }}` picks a suffix.
public enum ExpressionValue: Sendable, Equatable {
  case text(String)
  case bool(Bool)

  /// True for `true`, any non-empty text other than "false", and nothing else.
  public var isTruthy: Bool {
    switch self {
    case .bool(let value): return value
    case .text(let text): return !text.isEmpty && text != "false"
    }
  }

  public var text: String {
    switch self {
    case .bool(let value): return value ? "true" : "false"
    case .text(let text): return text
    }
  }
}

/// Why an expression could not be read, with the byte offset of the problem.
public struct ExpressionError: Error, Sendable, Equatable {
  public var message: String
  public var offset: Int
}

public struct Expression {
  private enum Token: Equatable {
    case word(String)
    case quoted(String)
    case equal, notEqual, and, or, open, close
  }

  private let tokens: [(token: Token, offset: Int)]
  private var position = 0
  /// Resolves bare words as names; without it, bare words are literal text.
  private let lookup: ((String) -> String?)?

  /// Evaluates `source`; `lookup`, when given, must know every bare word.
  public static func evaluate(
    _ source: String, lookup: ((String) -> String?)? = nil
  ) throws(ExpressionError) -> ExpressionValue {
    var parser = Expression(tokens: try tokenize(source), lookup: lookup)
    parser.endOffset = source.utf8.count
    let value = try parser.disjunction()
    if parser.position < parser.tokens.count {
      throw ExpressionError(
        message: "unexpected '\(parser.describe(parser.tokens[parser.position].token))'",
        offset: parser.tokens[parser.position].offset)
    }
    return value
  }

  private init(tokens: [(token: Token, offset: Int)], lookup: ((String) -> String?)?) {
    self.tokens = tokens
    self.lookup = lookup
  }

  private mutating func disjunction() throws(ExpressionError) -> ExpressionValue {
    var value = try conjunction()
    while accept(.or) {
      let right = try conjunction()
      value = value.isTruthy ? value : right
    }
    return value
  }

  private mutating func conjunction() throws(ExpressionError) -> ExpressionValue {
    var value = try comparison()
    while accept(.and) {
      let right = try comparison()
      value = value.isTruthy ? right : value
    }
    return value
  }

  private mutating func comparison() throws(ExpressionError) -> ExpressionValue {
    // An operand left empty by substitution (`if: ${{inputs.x}} != ''`) reads as "".
    let left: ExpressionValue
    if let next = peek, next == .equal || next == .notEqual {
      left = .text("")
    } else {
      left = try operand()
    }
    if accept(.equal) { return .bool(left.text == (try operand()).text) }
    if accept(.notEqual) { return .bool(left.text != (try operand()).text) }
    return left
  }

  private mutating func operand() throws(ExpressionError) -> ExpressionValue {
    guard position < tokens.count else {
      throw ExpressionError(
        message: "expression ends where a value was expected", offset: endOffset)
    }
    let (token, offset) = tokens[position]
    position += 1
    switch token {
    case .open:
      let value = try disjunction()
      guard accept(.close) else {
        throw ExpressionError(message: "'(' is never closed", offset: offset)
      }
      return value
    case .quoted(let text):
      return .text(text)
    case .word(let word):
      guard let lookup else { return literal(word) }
      if word == "true" || word == "false" { return .bool(word == "true") }
      guard let value = lookup(word) else {
        throw ExpressionError(message: "unknown variable '\(word)'", offset: offset)
      }
      return .text(value)
    default:
      throw ExpressionError(message: "unexpected '\(describe(token))'", offset: offset)
    }
  }

  private func literal(_ word: String) -> ExpressionValue {
    word == "true" || word == "false" ? .bool(word == "true") : .text(word)
  }

  private var peek: Token? { position < tokens.count ? tokens[position].token : nil }
  private var endOffset = 0

  private mutating func accept(_ token: Token) -> Bool {
    guard peek == token else { return false }
    position += 1
    return true
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .word(let word): return word
    case .quoted(let text): return "'\(text)'"
    case .equal: return "=="
    case .notEqual: return "!="
    case .and: return "&&"
    case .or: return "||"
    case .open: return "("
    case .close: return ")"
    }
  }

  private static func tokenize(_ source: String) throws(ExpressionError) -> [(
    token: Token, offset: Int
  )] {
    let bytes = Array(source.utf8)
    var tokens: [(token: Token, offset: Int)] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let start = index
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "("), UInt8(ascii: ")"):
        tokens.append((byte == UInt8(ascii: "(") ? .open : .close, start))
        index += 1
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        guard let end = bytes[(index + 1)...].firstIndex(of: byte) else {
          throw ExpressionError(message: "quoted text is never closed", offset: start)
        }
        tokens.append((.quoted(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), start))
        index = end + 1
      case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "|"):
        let pair = index + 1 < bytes.count ? bytes[index + 1] : 0
        let token: Token?
        switch (byte, pair) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")): token = .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): token = .notEqual
        case (UInt8(ascii: "&"), UInt8(ascii: "&")): token = .and
        case (UInt8(ascii: "|"), UInt8(ascii: "|")): token = .or
        default: token = nil
        }
        guard let token else {
          throw ExpressionError(
            message:
              "'\(Character(Unicode.Scalar(byte)))' is not an operator; use ==, !=, && or ||",
            offset: start)
        }
        tokens.append((token, start))
        index += 2
      default:
        while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
        tokens.append((.word(String(decoding: bytes[start..<index], as: UTF8.self)), start))
      }
    }
    return tokens
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "|"):
      return true
    default:
      return false
    }
  }
}
