import Testing

@testable import MiniSolveYAML

/// One document in, one node tree out; no document gives nil.
@Suite struct YAMLReaderTests {
  @Test(arguments: ["", "\n\n", "   \n", "# only a comment\n", "\u{FEFF}", "# a\n# b"])
  func noDocumentGivesNil(text: String) throws {
    #expect(try YAMLReader.parse(text) == nil)
  }

  @Test func emptyBytesGiveNil() throws {
    #expect(try YAMLReader.parse([UInt8]()) == nil)
  }

  @Test func explicitEmptyDocumentIsANullRoot() throws {
    let root = try #require(try YAMLReader.parse("---\n"))
    #expect(root.isNull)
    #expect(root.mark == Mark(line: 2, column: 1))
  }

  @Test func scalarDocument() throws {
    let root = try #require(try YAMLReader.parse("  hello\n"))
    #expect(root.scalar == Scalar("hello"))
    #expect(root.mark == Mark(line: 1, column: 3))
  }

  @Test func sequenceDocument() throws {
    let root = try #require(try YAMLReader.parse("- a\n- b\n"))
    #expect(shorthand(root) == "[a, b]")
  }

  @Test func documentWithoutFinalLineBreak() throws {
    let root = try #require(try YAMLReader.parse("a: 1\nb: [x, y]"))
    #expect(shorthand(root) == "{a: 1, b: [x, y]}")
  }

  @Test func textAndBytesReadTheSame() throws {
    let text = "name: hello\nversion: 1.10\ndeps: [a, 'b']\n"
    let fromText = try #require(try YAMLReader.parse(text))
    let fromBytes = try #require(try YAMLReader.parse(Array(text.utf8)))
    #expect(shorthand(fromText) == "{name: hello, version: 1.10, deps: [a, 'b']}")
    #expect(shorthand(fromBytes) == shorthand(fromText))
  }

  @Test func carriageReturnLineEndingsReadLikeLineFeeds() throws {
    let input = "a: 1\r\nb:\r\n  - x\r\n"
    let root = try #require(try YAMLReader.parse(input))
    #expect(shorthand(root) == "{a: 1, b: [x]}")
    #expect(root["b"]?.mark == Mark(line: 3, column: 3))
  }

  @Test func recipeShapedDocument() throws {
    let root = try #require(
      try YAMLReader.parse(
        """
        package:
          name: hello
          version: 2.12.1
          epoch: 0
        environment:
          contents:
            packages: [busybox, build-base]
        pipeline:
          - uses: fetch
            with:
              uri: https://example.com/hello-${{package.version}}.tar.gz
          - runs: |
              make
              make install

        """))
    #expect(
      shorthand(root)
        == "{package: {name: hello, version: 2.12.1, epoch: 0},"
        + " environment: {contents: {packages: [busybox, build-base]}},"
        + " pipeline: [{uses: fetch, with: {uri: https://example.com/hello-${{package.version}}.tar.gz}},"
        + " {runs: |\"make\\nmake install\\n\"}]}")
  }
}
