/// A JSON value written deterministically: keys sorted by bytes, 2-space indent, a newline at
/// the end; the same value always gives the same bytes.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The value as a document: indented, with a trailing newline.
  public func rendered() -> String {
    var output: [UInt8] = []
    write(to: &output, indent: 0)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }

  /// Bytes, not a String: appending to a String one scalar at a time made writing a closure's
  /// few hundred members a tenth of the whole `closure --optimal` run.
  private func write(to output: inout [UInt8], indent: Int) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .int(let value): output += String(value).utf8
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      if items.isEmpty {
        output += "[]".utf8
        return
      }
      output += "[\n".utf8
      for (index, item) in items.enumerated() {
        Self.writeIndent(indent + 2, to: &output)
        item.write(to: &output, indent: indent + 2)
        output += (index == items.count - 1 ? "\n" : ",\n").utf8
      }
      Self.writeIndent(indent, to: &output)
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        output += "{}".utf8
        return
      }
      output += "{\n".utf8
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (index, key) in keys.enumerated() {
        Self.writeIndent(indent + 2, to: &output)
        Self.writeString(key, to: &output)
        output += ": ".utf8
        members[key]?.write(to: &output, indent: indent + 2)
        output += (index == keys.count - 1 ? "\n" : ",\n").utf8
      }
      Self.writeIndent(indent, to: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeIndent(_ count: Int, to output: inout [UInt8]) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
  }

  private static func writeString(_ value: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += "\\\"".utf8
      case UInt8(ascii: "\\"): output += "\\\\".utf8
      case UInt8(ascii: "\n"): output += "\\n".utf8
      case UInt8(ascii: "\r"): output += "\\r".utf8
      case UInt8(ascii: "\t"): output += "\\t".utf8
      case let control where control < 0x20 || control == 0x7F:
        // Bytes of multi-byte scalars are all 0x80 or above, so this is a whole scalar.
        let hex = String(control, radix: 16)
        output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension JSONValue {
  /// An array of strings.
  public static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
}
