/// A strict JSON reader (RFC 8259) for the files minisolve writes itself, such as the lock:
/// integers only (no fractions or exponents, which minisolve never writes), no duplicate keys,
/// nesting at most `depthLimit` deep. Errors carry the 1-based line and column.
public struct JSONParser {
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
  }

  public static let depthLimit = 256

  private let bytes: [UInt8]
  private var position = 0

  /// The value `text` holds, with nothing but whitespace after it.
  public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.failure("text after the value") }
    return value
  }

  public static func parse(_ text: String) throws -> JSONValue { try parse(Array(text.utf8)) }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func failure(_ message: String) -> Failure {
    var line = 1
    var column = 1
    for byte in bytes[..<min(position, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return Failure(line: line, column: column, message: message)
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      position += 1
    }
  }

  private mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.depthLimit else {
      throw failure("nested more than \(Self.depthLimit) deep")
    }
    guard let byte = current else { throw failure("the text ends where a value should be") }
    switch byte {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character '\(Unicode.Scalar(byte))'")
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
    let expected = Array(word.utf8)
    guard position + expected.count <= bytes.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw failure("expected '\(word)'") }
    position += expected.count
    return value
  }

  private mutating func number() throws -> JSONValue {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
      throw failure("a number needs digits")
    }
    position += 1
    if first == UInt8(ascii: "0"), let next = current, next >= 48, next <= 57 {
      throw failure("a number has a leading zero")
    }
    while let byte = current, byte >= 48, byte <= 57 { position += 1 }
    if let byte = current,
      byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
        || byte == UInt8(ascii: "E")
    {
      throw failure("only integers are expected here")
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Int(text) else {
      position = start
      throw failure("the integer \(text) is out of range")
    }
    return .int(value)
  }

  private mutating func string() throws -> String {
    position += 1  // the opening quote
    var scalars: [UInt8] = []
    while true {
      guard let byte = current else { throw failure("a string is not closed") }
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: scalars, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        try escape(into: &scalars)
      case 0..<0x20:
        position -= 1
        throw failure("a control character inside a string must be escaped")
      default:
        scalars.append(byte)
      }
    }
  }

  private mutating func escape(into output: inout [UInt8]) throws {
    guard let byte = current else { throw failure("a string is not closed") }
    position += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let replacement = simple[byte] {
      output.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      throw failure("unknown escape '\\\(Unicode.Scalar(byte))'")
    }
    var code = try hexQuad()
    if (0xD800..<0xDC00).contains(code) {
      guard current == UInt8(ascii: "\\") else { throw failure("a lone surrogate in \\u escape") }
      position += 1
      guard current == UInt8(ascii: "u") else { throw failure("a lone surrogate in \\u escape") }
      position += 1
      let low = try hexQuad()
      guard (0xDC00..<0xE000).contains(low) else {
        throw failure("a lone surrogate in \\u escape")
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00..<0xE000).contains(code) {
      throw failure("a lone surrogate in \\u escape")
    }
    guard let scalar = Unicode.Scalar(code) else { throw failure("an invalid \\u escape") }
    output.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private mutating func hexQuad() throws -> UInt32 {
    guard position + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw failure("\\u needs four hexadecimal digits") }
    position += 4
    return value
  }

  private mutating func array(depth: Int) throws -> JSONValue {
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      guard let byte = current else { throw failure("an array is not closed") }
      position += 1
      if byte == UInt8(ascii: "]") { return .array(items) }
      guard byte == UInt8(ascii: ",") else {
        position -= 1
        throw failure("expected ',' or ']' in an array")
      }
    }
  }

  private mutating func object(depth: Int) throws -> JSONValue {
    position += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
      let keyStart = position
      let key = try string()
      guard members[key] == nil else {
        position = keyStart
        throw failure("the key '\(key)' appears twice")
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
      position += 1
      skipWhitespace()
      members[key] = try value(depth: depth + 1)
      skipWhitespace()
      guard let byte = current else { throw failure("an object is not closed") }
      position += 1
      if byte == UInt8(ascii: "}") { return .object(members) }
      guard byte == UInt8(ascii: ",") else {
        position -= 1
        throw failure("expected ',' or '}' in an object")
      }
    }
  }
}

extension JSONValue {
  /// A member of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var intValue: Int? {
    if case .int(let number) = self { return number }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  public var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }
}
