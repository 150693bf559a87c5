import Testing

@testable import MiniSolveYAML

@Suite struct JSONParserTests {
  @Test func readsBackWhatTheWriterWrites() throws {
    let value = JSONValue.object([
      "name": .string("zlib \"1.3\"\n\u{1}ü😀"), "count": .int(-42), "ok": .bool(true),
      "none": .null, "list": .array([.int(0), .array([]), .object([:])]),
    ])
    #expect(try JSONParser.parse(value.rendered()) == value)
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    #expect(try JSONParser.parse(#""a\/b\u00e9\ud83d\ude00\t""#) == .string("a/bé😀\t"))
  }

  @Test(arguments: [
    ("{\"a\": 1, \"a\": 2}", 1, 10, "the key 'a' appears twice"),
    ("[1, 2", 1, 6, "an array is not closed"),
    ("{\n  \"a\": 1.5\n}", 2, 9, "only integers are expected here"),
    ("[01]", 1, 3, "a number has a leading zero"),
    ("\"\\ud800\"", 1, 8, "a lone surrogate in \\u escape"),
    ("{} x", 1, 4, "text after the value"),
    ("\"tab\there\"", 1, 5, "a control character inside a string must be escaped"),
    ("", 1, 1, "the text ends where a value should be"),
    ("[99999999999999999999]", 1, 2, "the integer 99999999999999999999 is out of range"),
  ])
  func refusesMalformedTextWithAPosition(
    text: String, line: Int, column: Int, message: String
  ) {
    #expect(throws: JSONParser.Failure(line: line, column: column, message: message)) {
      try JSONParser.parse(text)
    }
  }

  @Test func refusesNestingBeyondTheLimit() {
    let deep = String(repeating: "[", count: JSONParser.depthLimit + 1)
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect((try? JSONParser.parse(fine)) != nil)
  }
}
