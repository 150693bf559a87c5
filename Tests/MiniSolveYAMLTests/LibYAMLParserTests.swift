import Testing

@testable import MiniSolveYAML

/// Marks converted to 1-based line:column, and libyaml's own errors passed through.
@Suite struct LibYAMLParserTests {
  @Test func blockMappingMarksItsFirstKeyAndEachNode() throws {
    let input = MarkedInput(
      """
      «map»«name»name: «value»hello
      «list»list:
      «seq»- «first»one
      - «nested»key: «nestedValue»v

      """)
    let root = try #require(try YAMLReader.parse(input.text))
    let pairs = try #require(root.mapping)

    #expect(root.mark == input["map"])
    #expect(pairs[0].key.mark == input["name"])
    #expect(pairs[0].value.mark == input["value"])
    #expect(pairs[1].key.mark == input["list"])
    #expect(pairs[1].value.mark == input["seq"])
    let items = try #require(pairs[1].value.sequence)
    #expect(items[0].mark == input["first"])
    #expect(items[1].mark == input["nested"])
    #expect(items[1].mapping?[0].key.mark == input["nested"])
    #expect(items[1]["key"]?.mark == input["nestedValue"])
  }

  @Test func marksAreOneBased() throws {
    let root = try #require(try YAMLReader.parse("a: b\n"))
    #expect(root.mark == Mark(line: 1, column: 1))
    #expect(root.mapping?[0].key.mark == Mark(line: 1, column: 1))
    #expect(root["a"]?.mark == Mark(line: 1, column: 4))
  }

  @Test func flowCollectionsMarkTheirOpeningBracket() throws {
    let input = MarkedInput("k: «map»{a: «seq»[«x»x, «y»'y'], «b»b: «c»\"c\"}\n")
    let root = try #require(try YAMLReader.parse(input.text))
    let map = try #require(root["k"])

    #expect(map.mark == input["map"])
    #expect(map["a"]?.mark == input["seq"])
    #expect(map["a"]?.sequence?[0].mark == input["x"])
    #expect(map["a"]?.sequence?[1].mark == input["y"])
    #expect(map.mapping?[1].key.mark == input["b"])
    #expect(map["b"]?.mark == input["c"])
  }

  @Test func indentedAndIndentlessSequencesMarkTheirFirstDash() throws {
    let input = MarkedInput("a:\n«indented»- 1\nb:\n  «nested»- 2\n")
    let root = try #require(try YAMLReader.parse(input.text))
    #expect(root["a"]?.mark == input["indented"])
    #expect(root["b"]?.mark == input["nested"])
  }

  @Test func nodePropertiesStartTheNode() throws {
    let input = MarkedInput("a: «anchored»&x 1\nb: «tagged»!!str 2\n«key»&k c: 3\n")
    let root = try #require(try YAMLReader.parse(input.text))
    #expect(root["a"]?.mark == input["anchored"])
    #expect(root["b"]?.mark == input["tagged"])
    #expect(root.mapping?[2].key.mark == input["key"])
  }

  @Test func blockScalarsMarkTheirIndicator() throws {
    let input = MarkedInput("run: «literal»|\n  make\nnote: «folded»>-\n  text\n")
    let root = try #require(try YAMLReader.parse(input.text))
    #expect(root["run"]?.mark == input["literal"])
    #expect(root["note"]?.mark == input["folded"])
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let input = MarkedInput(
      """
      «k1»é: «v1»ü
      «k2»名前: «v2»[«a»日本, «b»🎉, «c»x]
      «k3»🎉🎉: «v3»{«k4»ß: «v4»'é'}

      """)
    let root = try #require(try YAMLReader.parse(input.text))
    let pairs = try #require(root.mapping)

    #expect(pairs[0].key.mark == Mark(line: 1, column: 1))
    #expect(pairs[0].value.mark == Mark(line: 1, column: 4))
    #expect(pairs[1].key.mark == Mark(line: 2, column: 1))
    #expect(pairs[1].value.mark == Mark(line: 2, column: 5))
    let items = try #require(pairs[1].value.sequence)
    #expect(items.map(\.mark) == [input["a"], input["b"], input["c"]])
    #expect(items.map(\.mark.column) == [6, 10, 13])
    #expect(pairs[2].key.mark == input["k3"])
    #expect(pairs[2].value.mark == Mark(line: 3, column: 5))
    #expect(pairs[2].value.mapping?[0].key.mark == input["k4"])
    #expect(pairs[2].value["ß"]?.mark == Mark(line: 3, column: 9))
  }

  @Test func columnsCountUnicodeScalarsOfACombinedCharacter() throws {
    // "e" followed by U+0301 is one character on screen but two scalars, as libyaml counts.
    let root = try #require(try YAMLReader.parse("e\u{301}: v\n"))
    #expect(root["e\u{301}"]?.mark == Mark(line: 1, column: 5))
  }

  @Test func leadingByteOrderMarkTakesNoColumn() throws {
    let root = try #require(try YAMLReader.parse("\u{FEFF}a: b\n"))
    #expect(root.mark == Mark(line: 1, column: 1))
    #expect(root["a"]?.mark == Mark(line: 1, column: 4))
  }

  @Test func badIndentation() {
    let input = MarkedInput("a: 1\n  b«problem»: 2\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["problem"], "mapping values are not allowed in this context"))
  }

  @Test func unclosedQuote() {
    let input = MarkedInput("a: 'abc\n«end»")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["end"],
          "found unexpected end of stream while scanning a quoted scalar (started at 1:4)"))
  }

  @Test func unclosedDoubleQuoteAfterMultiByteText() {
    let input = MarkedInput("名前: \"日本\n«end»")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["end"],
          "found unexpected end of stream while scanning a quoted scalar (started at 1:5)"))
  }

  @Test func tabIndentation() {
    let input = MarkedInput("a:\n«tab»\tb: 1\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["tab"],
          "a tab character indents this line; YAML indents with spaces only"))
  }

  @Test func unclosedFlowSequence() {
    let input = MarkedInput("- [a, b\n«end»")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["end"],
          "did not find expected ',' or ']' while parsing a flow sequence (started at 1:3)"))
  }

  @Test func keyWithoutColon() {
    let input = MarkedInput("a: b\nc\n«end»")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["end"],
          "could not find expected ':' while scanning a simple key (started at 2:1)"))
  }

  @Test func reservedIndicator() {
    let input = MarkedInput("a: «at»@x\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["at"],
          "found character that cannot start any token while scanning for the next token"
            + " (started at 1:4)"))
  }

  @Test func sequenceEntryAfterMapping() {
    let input = MarkedInput("- a\n«b»b: 1\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["b"],
          "did not find expected '-' indicator while parsing a block collection"
            + " (started at 1:1)"))
  }

  @Test func syntaxErrorColumnsCountCharacters() {
    let input = MarkedInput("é: b«problem»: c\n")
    #expect(input["problem"] == Mark(line: 1, column: 5))
    #expect(
      readingError(input.text)
        == YAMLError(
          .syntax, at: input["problem"], "mapping values are not allowed in this context"))
  }

  @Test(
    arguments: ["\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{80}", "\u{FFFE}"] as [Unicode.Scalar])
  func controlCharacterIsRefusedWhereItStands(control: Unicode.Scalar) {
    let input = MarkedInput("name: ok\nitems:\n  - ü\n  - x«c»\(control)\n")
    #expect(
      readingError(input.text)
        == YAMLError(.invalidUTF8, at: input["c"], "control characters are not allowed"))
  }

  @Test func controlCharacterAfterByteOrderMarkAndCarriageReturns() {
    // Line breaks and the byte order mark are counted as libyaml counts them.
    #expect(
      readingError("\u{FEFF}a: 1\r\nb: 2\rc: x\u{7}\n")
        == YAMLError(
          .invalidUTF8, at: Mark(line: 3, column: 5), "control characters are not allowed"))
  }
}
