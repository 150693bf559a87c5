import Testing

@testable import MiniSolveYAML

/// The first byte that breaks UTF-8, found at the line and column libyaml would give it.
@Suite struct UTF8CheckTests {
  private func bytes(_ text: String, _ tail: [UInt8] = [], _ after: String = "") -> [UInt8] {
    Array(text.utf8) + tail + Array(after.utf8)
  }

  @Test(
    arguments: [
      [0x41], [0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x8E, 0x89],
      [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
      [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ] as [[UInt8]])
  func validSequencePasses(sequence: [UInt8]) {
    #expect(UTF8Check.firstInvalid(in: bytes("a: ", sequence, "\n")) == nil)
  }

  @Test func emptyInputPasses() {
    #expect(UTF8Check.firstInvalid(in: []) == nil)
  }

  @Test func validMultiByteDocumentReads() throws {
    let root = try #require(try YAMLReader.parse(bytes("é: 日本 🎉\n")))
    #expect(root["é"]?.scalar == Scalar("日本 🎉"))
  }

  @Test(
    arguments: [
      ("lone continuation", [0x80]), ("continuation run", [0xBF, 0xBF]),
      ("overlong two bytes", [0xC0, 0xAF]), ("overlong two bytes", [0xC1, 0xBF]),
      ("overlong three bytes", [0xE0, 0x80, 0xAF]), ("overlong three bytes", [0xE0, 0x9F, 0xBF]),
      ("overlong four bytes", [0xF0, 0x80, 0x80, 0xAF]),
      ("overlong four bytes", [0xF0, 0x8F, 0xBF, 0xBF]),
      ("high surrogate", [0xED, 0xA0, 0x80]), ("low surrogate", [0xED, 0xBF, 0xBF]),
      ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("past U+10FFFF", [0xF5, 0x80, 0x80, 0x80]),
      ("invalid lead", [0xF8, 0x80, 0x80, 0x80]), ("invalid lead", [0xFE]),
      ("invalid lead", [0xFF]),
      ("lead then ASCII", [0xC3, 0x41]), ("lead then ASCII", [0xE6, 0x97, 0x41]),
      ("lead then lead", [0xF0, 0x9F, 0xF0, 0x9F, 0x8E, 0x89]),
    ] as [(String, [UInt8])])
  func invalidSequenceIsFoundAtItsFirstByte(name: String, sequence: [UInt8]) {
    #expect(
      UTF8Check.firstInvalid(in: bytes("key: é ", sequence, " ok\n"))
        == Mark(line: 1, column: 8), "\(name)")
  }

  @Test(arguments: [[0xC3], [0xE6], [0xE6, 0x97], [0xF0], [0xF0, 0x9F, 0x8E]] as [[UInt8]])
  func sequenceTruncatedAtTheEndIsFound(sequence: [UInt8]) {
    #expect(UTF8Check.firstInvalid(in: bytes("a: b\nc: ", sequence)) == Mark(line: 2, column: 4))
  }

  @Test func columnsCountCharactersBeforeTheBadByte() {
    // é, 日, 本 and 🎉 are one column each, so the bad byte is the eighth character.
    #expect(UTF8Check.firstInvalid(in: bytes("é: 日本🎉 ", [0xFF])) == Mark(line: 1, column: 8))
  }

  @Test func linesCountBeforeTheBadByte() {
    #expect(UTF8Check.firstInvalid(in: bytes("a: 1\nb:\n  - ", [0x80])) == Mark(line: 3, column: 5))
  }

  @Test func badByteAtTheVeryStart() {
    #expect(UTF8Check.firstInvalid(in: [0xFF, 0xFE, 0x61, 0x00]) == Mark(line: 1, column: 1))
  }

  @Test(arguments: [
    ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"), ("NEL", "\u{85}"), ("LS", "\u{2028}"),
    ("PS", "\u{2029}"),
  ])
  func lineBreaksCountAsLibYAMLCountsThem(name: String, lineBreak: String) {
    let prefix = "a: 1" + lineBreak + "b: 2" + lineBreak + "é: c"
    let syntaxError = readingError(prefix + ": d\n")
    #expect(syntaxError?.mark == Mark(line: 3, column: 5), "\(name)")
    #expect(UTF8Check.firstInvalid(in: bytes(prefix, [0xFF])) == syntaxError?.mark, "\(name)")
  }

  @Test func leadingByteOrderMarkTakesNoColumn() {
    let syntaxError = readingError("\u{FEFF}é: c: d\n")
    #expect(syntaxError?.mark == Mark(line: 1, column: 5))
    #expect(UTF8Check.firstInvalid(in: bytes("\u{FEFF}é: c", [0xFF])) == syntaxError?.mark)
  }

  @Test func byteOrderMarkAfterTheStartTakesAColumn() {
    let syntaxError = readingError("\u{FEFF}\u{FEFF}é: c: d\n")
    #expect(syntaxError?.mark == Mark(line: 1, column: 6))
    #expect(UTF8Check.firstInvalid(in: bytes("\u{FEFF}\u{FEFF}é: c", [0xFF])) == syntaxError?.mark)
  }

  @Test func readerRefusesInvalidUTF8WithItsPosition() {
    #expect(
      readingError(bytes("name: ok\nnote: caf", [0xC3, 0x28], "\n"))
        == YAMLError(.invalidUTF8, at: Mark(line: 2, column: 10), "invalid UTF-8 byte sequence"))
  }

  @Test func readerRefusesATruncatedSequenceAtTheEnd() {
    #expect(
      readingError(bytes("name: 日", [0xE6, 0x97]))
        == YAMLError(.invalidUTF8, at: Mark(line: 1, column: 8), "invalid UTF-8 byte sequence"))
  }

  @Test func readerChecksUTF8BeforeSyntax() {
    #expect(
      readingError(bytes("a: [\nb: '", [0x80]))
        == YAMLError(.invalidUTF8, at: Mark(line: 2, column: 5), "invalid UTF-8 byte sequence"))
  }
}
