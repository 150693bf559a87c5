/// Finds the first byte that breaks UTF-8, by position, before libyaml sees the text.
enum UTF8Check {
  static func firstInvalid(in bytes: [UInt8]) -> Mark? {
    firstInvalidOffset(in: bytes).map { mark(ofOffset: $0, in: bytes) }
  }

  /// The offset of the first byte that breaks UTF-8. Positions are counted only when one is
  /// found; runs of ASCII are skipped eight bytes at a time.
  static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return nil }
      let count = buffer.count
      var index = 0
      while index < count {
        while index + 8 <= count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        guard index < count else { return nil }
        let lead = base[index]
        guard let length = sequenceLength(lead: lead) else { return index }
        guard index + length <= count else { return index }
        for offset in 1..<max(length, 1) where base[index + offset] & 0xC0 != 0x80 {
          return index
        }
        if length >= 3, !validSecondByte(lead: lead, base[index + 1]) { return index }
        index += length
      }
      return nil
    }
  }

  /// The mark of a byte offset in text that passed the check; libyaml's reader gives offsets.
  static func mark(ofOffset offset: Int, in bytes: [UInt8]) -> Mark {
    var position = Position(bytes)
    while position.index < min(offset, bytes.count) {
      position.advance(over: sequenceLength(lead: bytes[position.index]) ?? 1, in: bytes)
    }
    return position.mark
  }

  /// A place in the text counted as libyaml counts it: a leading byte order mark takes no
  /// column, and LF, CR, CRLF, NEL, LS and PS each end a line.
  private struct Position {
    var index = 0
    var mark = Mark.start

    init(_ bytes: [UInt8]) {
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func advance(over length: Int, in bytes: [UInt8]) {
      let lead = bytes[index]
      let last = bytes[index + length - 1]
      index += length
      switch (lead, length) {
      case (0x0D, 1) where index < bytes.count && bytes[index] == 0x0A:
        return  // the LF that follows ends the line
      case (0x0A, 1), (0x0D, 1):
        breakLine()
      case (0xC2, 2) where last == 0x85:
        breakLine()
      case (0xE2, 3) where bytes[index - 2] == 0x80 && (last == 0xA8 || last == 0xA9):
        breakLine()
      default:
        mark.column += 1
      }
    }

    private mutating func breakLine() {
      mark.line += 1
      mark.column = 1
    }
  }

  /// The length of the sequence a lead byte starts, or nil when no sequence starts with it.
  private static func sequenceLength(lead: UInt8) -> Int? {
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return 2
    case 0xE0...0xEF: return 3
    case 0xF0...0xF4: return 4
    default: return nil
    }
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
