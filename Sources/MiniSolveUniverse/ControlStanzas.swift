/// One field of a deb822 stanza: byte ranges of its name and (possibly multi-line) value.
struct ControlField {
  var name: Range<Int>
  var value: Range<Int>
  var line: Int
}

/// A problem with the layout of a deb822 file, at a line.
struct ControlSyntaxError {
  var line: Int
  var message: String
}

/// Splits deb822 text (Debian's `Packages` and `Sources`) into stanzas of fields, working on
/// bytes: a stanza is a run of non-blank lines, a field `Name: value`, a continuation line
/// starts with a space or tab.
struct ControlStanzas {
  let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var line: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) {
    self.bytes = bytes
    line = firstLine
    // A UTF-8 byte order mark is not part of the first field's name.
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      position = 3
    }
  }

  /// The next stanza's fields and first line, or nil at the end; a malformed stanza yields its
  /// first error instead of fields, and the scan goes on with the next stanza.
  mutating func next(into fields: inout [ControlField]) -> (line: Int, error: ControlSyntaxError?)?
  {
    fields.removeAll(keepingCapacity: true)
    skipBlankLines()
    guard position < bytes.count else { return nil }
    let stanzaLine = line
    var error: ControlSyntaxError?

    while position < bytes.count {
      let lineStart = position
      let lineEnd = endOfLine(from: position)
      let first = bytes[lineStart]
      if isBlank(lineStart, lineEnd) { break }

      if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
        if fields.isEmpty {
          error =
            error ?? ControlSyntaxError(line: line, message: "continuation line before any field")
        } else {
          fields[fields.count - 1].value =
            fields[fields.count - 1].value.lowerBound..<trimmedEnd(lineEnd)
        }
      } else if first == UInt8(ascii: "#") {
        // Comment lines are allowed in deb822 and ignored.
      } else if let colon = firstColon(lineStart, lineEnd) {
        var valueStart = colon + 1
        while valueStart < lineEnd && isSpace(bytes[valueStart]) { valueStart += 1 }
        fields.append(
          ControlField(
            name: lineStart..<colon, value: valueStart..<max(valueStart, trimmedEnd(lineEnd)),
            line: line))
      } else {
        error =
          error ?? ControlSyntaxError(line: line, message: "line is not a 'Field: value' pair")
      }
      advance(past: lineEnd)
    }
    return (stanzaLine, error)
  }

  /// The text of a byte range.
  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// Whether the field's name is `name`, compared case-insensitively as deb822 asks.
  func fieldName(_ field: ControlField, is name: StaticString) -> Bool {
    guard field.name.count == name.utf8CodeUnitCount else { return false }
    let expected = name.utf8Start
    for offset in 0..<field.name.count {
      let byte = bytes[field.name.lowerBound + offset]
      if byte | 0x20 != expected[offset] | 0x20 { return false }
    }
    return true
  }

  private func endOfLine(from start: Int) -> Int {
    var end = start
    while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
    return end
  }

  private mutating func advance(past lineEnd: Int) {
    position = min(lineEnd + 1, bytes.count)
    line += 1
  }

  private mutating func skipBlankLines() {
    while position < bytes.count {
      let lineEnd = endOfLine(from: position)
      guard isBlank(position, lineEnd) else { return }
      advance(past: lineEnd)
    }
  }

  private func isBlank(_ start: Int, _ end: Int) -> Bool {
    for index in start..<end where !isSpace(bytes[index]) { return false }
    return true
  }

  private func firstColon(_ start: Int, _ end: Int) -> Int? {
    for index in start..<end where bytes[index] == UInt8(ascii: ":") {
      return index > start ? index : nil
    }
    return nil
  }

  private func trimmedEnd(_ end: Int) -> Int {
    var end = end
    while end > 0 && isSpace(bytes[end - 1]) { end -= 1 }
    return end
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }
}
