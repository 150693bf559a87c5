/// Finds the first byte that breaks UTF-8, by position, before libyaml sees the text.
enum UTF8Check {
  static func firstInvalid(in bytes: [UInt8]) -> Mark? {
    var line = 1
    var column = 1
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      let length: Int
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return Mark(line: line, column: column)
      }
      guard index + length <= count else { return Mark(line: line, column: column) }
      for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
        return Mark(line: line, column: column)
      }
      if length >= 3, !validSecondByte(lead: lead, bytes[index + 1]) {
        return Mark(line: line, column: column)
      }
      if lead == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += length
    }
    return nil
  }

  /// Rejects overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  private static func validSecondByte(lead: UInt8, _ second: UInt8) -> Bool {
    switch lead {
    case 0xE0: return second >= 0xA0
    case 0xED: return second <= 0x9F
    case 0xF0: return second >= 0x90
    case 0xF4: return second <= 0x8F
    default: return true
    }
  }
}
