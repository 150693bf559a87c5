import Testing

@testable import MiniSolveYAML

/// Deterministic JSON: sorted keys, 2-space indent, a trailing newline.
@Suite struct JSONValueTests {
  @Test func scalars() {
    #expect(JSONValue.null.rendered() == "null\n")
    #expect(JSONValue.bool(true).rendered() == "true\n")
    #expect(JSONValue.bool(false).rendered() == "false\n")
    #expect(JSONValue.int(-42).rendered() == "-42\n")
    #expect(JSONValue.string("hello").rendered() == "\"hello\"\n")
  }

  @Test func emptyCollectionsStayOnOneLine() {
    #expect(JSONValue.array([]).rendered() == "[]\n")
    #expect(JSONValue.object([:]).rendered() == "{}\n")
    #expect(
      JSONValue.object(["a": .array([]), "b": .object([:])]).rendered()
        == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
  }

  @Test func nestingIndentsByTwoSpaces() {
    let value = JSONValue.object([
      "name": .string("hello"),
      "deps": .array([.string("a"), .object(["x": .int(1)])]),
    ])
    #expect(
      value.rendered()
        == """
        {
          "deps": [
            "a",
            {
              "x": 1
            }
          ],
          "name": "hello"
        }

        """)
  }

  @Test func keysSortByTheirUTF8Bytes() {
    let value = JSONValue.object([
      "é": .int(1), "z": .int(2), "B": .int(3), "a": .int(4), "aa": .int(5), "_": .int(6),
    ])
    #expect(
      value.rendered()
        == "{\n  \"B\": 3,\n  \"_\": 6,\n  \"a\": 4,\n  \"aa\": 5,\n  \"z\": 2,\n  \"é\": 1\n}\n")
  }

  @Test func sameValueGivesTheSameText() {
    var members: [String: JSONValue] = [:]
    for index in 0..<50 { members["key\(index)"] = .int(index) }
    let forwards = JSONValue.object(members).rendered()
    var reversed: [String: JSONValue] = [:]
    for index in (0..<50).reversed() { reversed["key\(index)"] = .int(index) }
    #expect(JSONValue.object(reversed).rendered() == forwards)
  }

  @Test func stringsEscapeWhatJSONRequires() {
    let value = JSONValue.string("q\" b\\ n\n r\r t\t nul\u{0} esc\u{1B} del\u{7F} é 🎉 \u{2028}")
    #expect(
      value.rendered()
        == #""q\" b\\ n\n r\r t\t nul\u0000 esc\u001b del\u007f é 🎉 "# + "\u{2028}\"\n")
  }

  @Test func keysAreEscapedToo() {
    #expect(JSONValue.object(["a\"b\n": .null]).rendered() == "{\n  \"a\\\"b\\n\": null\n}\n")
  }

  @Test func stringsHelperMakesAnArrayOfStrings() {
    #expect(JSONValue.strings(["a", "b"]) == .array([.string("a"), .string("b")]))
    #expect(JSONValue.strings([]).rendered() == "[]\n")
  }
}
