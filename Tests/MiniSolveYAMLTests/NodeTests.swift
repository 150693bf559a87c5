import Testing

@testable import MiniSolveYAML

/// Scalars keep their source text and style; null is decided from plain text and tags.
@Suite struct NodeTests {
  private func value(_ text: String) throws -> Node {
    let root = try #require(try YAMLReader.parse(text))
    return try #require(root.mapping?.first?.value)
  }

  @Test(arguments: [
    ("version: 1.10", "1.10"), ("epoch: 08", "08"), ("enabled: yes", "yes"),
    ("flag: true", "true"), ("hex: 0x1F", "0x1F"), ("float: 1e3", "1e3"), ("inf: .inf", ".inf"),
    ("date: 2024-01-02", "2024-01-02"), ("spaced: a  b", "a  b"),
    ("url: http://x/y?z=1", "http://x/y?z=1"),
  ])
  func plainScalarKeepsItsSourceText(line: String, text: String) throws {
    let node = try value(line + "\n")
    #expect(node.scalar == Scalar(text, style: .plain))
    #expect(node.tag == nil)
  }

  @Test func plainScalarFoldsItsContinuationLines() throws {
    #expect(try value("a: one\n  two\n\n  three\n").scalar == Scalar("one two\nthree"))
  }

  @Test func singleQuotedScalar() throws {
    #expect(try value("a: 'it''s 1.10'\n").scalar == Scalar("it's 1.10", style: .singleQuoted))
    #expect(try value("a: ''\n").scalar == Scalar("", style: .singleQuoted))
  }

  @Test func doubleQuotedScalarResolvesEscapes() throws {
    #expect(
      try value(#"a: "tab\there \u00e9 \"q\" \\""# + "\n").scalar
        == Scalar("tab\there é \"q\" \\", style: .doubleQuoted))
  }

  @Test func doubleQuotedScalarKeepsAnEscapedNul() throws {
    #expect(try value(#"a: "x\0y""# + "\n").scalar == Scalar("x\u{0}y", style: .doubleQuoted))
  }

  @Test func literalBlockKeepsLineBreaks() throws {
    let text = "run: |\n  make\n    install\n\n  echo done\n"
    #expect(try value(text).scalar == Scalar("make\n  install\n\necho done\n", style: .literal))
  }

  @Test func literalBlockChompingIndicators() throws {
    #expect(try value("a: |-\n  x\n\n").scalar == Scalar("x", style: .literal))
    #expect(try value("a: |+\n  x\n\n").scalar == Scalar("x\n\n", style: .literal))
  }

  @Test func foldedBlockJoinsLines() throws {
    let text = "note: >\n  one\n  two\n\n  three\n"
    #expect(try value(text).scalar == Scalar("one two\nthree\n", style: .folded))
    #expect(try value("note: >-\n  one\n  two\n").scalar == Scalar("one two", style: .folded))
  }

  @Test func multiByteTextIsKeptWhole() throws {
    #expect(try value("a: 日本 🎉 é\n").scalar == Scalar("日本 🎉 é"))
  }

  @Test func explicitTagsAreKept() throws {
    let root = try #require(
      try YAMLReader.parse(
        """
        str: !!str 5
        custom: !custom x
        bare: ! y
        verbatim: !<tag:example.com,2024:thing> z
        quoted: !!int "7"
        map: !!map {a: 1}
        seq: !list [1]
        none: 5

        """))
    #expect(root["str"]?.tag == "tag:yaml.org,2002:str")
    #expect(root["str"]?.scalar == Scalar("5"))
    #expect(root["custom"]?.tag == "!custom")
    #expect(root["bare"]?.tag == "!")
    #expect(root["verbatim"]?.tag == "tag:example.com,2024:thing")
    #expect(root["quoted"]?.tag == "tag:yaml.org,2002:int")
    #expect(root["quoted"]?.scalar == Scalar("7", style: .doubleQuoted))
    #expect(root["map"]?.tag == "tag:yaml.org,2002:map")
    #expect(root["map"].map(shorthand) == "!<tag:yaml.org,2002:map> {a: 1}")
    #expect(root["seq"]?.tag == "!list")
    #expect(root["none"]?.tag == nil)
  }

  @Test(arguments: ["a: ~", "a: null", "a: Null", "a: NULL", "a:", "a: !!null ''", "a: !!null x"])
  func nullValues(line: String) throws {
    let node = try value(line + "\n")
    #expect(node.isNull)
    #expect(node.kindName == "null")
  }

  @Test(arguments: [
    "a: 'null'", "a: \"null\"", "a: '~'", "a: ''", "a: nULL", "a: nil", "a: none", "a: !!str null",
    "a: !!str", "a: ! null", "a: !custom ~", "a: |\n  null", "a: 0",
  ])
  func notNullValues(line: String) throws {
    let node = try value(line + "\n")
    #expect(!node.isNull)
    #expect(node.kindName == "scalar")
  }

  @Test func scalarNullSpellings() {
    #expect(Scalar("").isNull)
    #expect(Scalar("~").isNull)
    #expect(Scalar("null").isNull)
    #expect(!Scalar("null", style: .singleQuoted).isNull)
    #expect(!Scalar("", style: .doubleQuoted).isNull)
    #expect(!Scalar("", style: .literal).isNull)
    #expect(!Scalar("nul").isNull)
  }

  @Test func collectionsAreNeverNull() throws {
    let root = try #require(try YAMLReader.parse("a: []\nb: {}\n"))
    #expect(root["a"]?.isNull == false)
    #expect(root["a"]?.kindName == "sequence")
    #expect(root["b"]?.isNull == false)
    #expect(root["b"]?.kindName == "mapping")
  }

  @Test func accessorsAnswerOnlyForTheirKind() throws {
    let root = try #require(try YAMLReader.parse("s: x\nq: [1]\nm: {k: v}\n"))
    #expect(root["s"]?.scalar == Scalar("x"))
    #expect(root["s"]?.sequence == nil)
    #expect(root["s"]?.mapping == nil)
    #expect(root["q"]?.scalar == nil)
    #expect(root["q"]?.sequence?.count == 1)
    #expect(root["q"]?.mapping == nil)
    #expect(root["m"]?.scalar == nil)
    #expect(root["m"]?.sequence == nil)
    #expect(root["m"]?.mapping?.count == 1)
  }

  @Test func subscriptFindsScalarKeysOnly() throws {
    let root = try #require(try YAMLReader.parse("a: 1\n'b': 2\n[c]: 3\n"))
    #expect(root["a"]?.scalar == Scalar("1"))
    #expect(root["b"]?.scalar == Scalar("2"))
    #expect(root["c"] == nil)
    #expect(root["missing"] == nil)
    #expect(root["a"]?["x"] == nil)
  }

  @Test func mappingKeepsSourceOrder() throws {
    let root = try #require(try YAMLReader.parse("z: 1\na: 2\nm: 3\n"))
    #expect(root.mapping?.map { $0.key.scalar?.text } == ["z", "a", "m"])
  }
}
