import Testing

@testable import MiniSolveYAML

/// Anchors, aliases, merge keys, duplicate keys and the one-document rule.
@Suite struct ComposerTests {
  private func root(_ text: String) throws -> Node {
    try #require(try YAMLReader.parse(text))
  }

  @Test func aliasRepeatsTheAnchoredNode() throws {
    let root = try root(
      """
      base: &base {arch: x86_64, flags: [-O2]}
      name: &name hello
      copy: *base
      again: *name
      list: [*name, *base]

      """)
    #expect(
      shorthand(root)
        == "{base: {arch: x86_64, flags: [-O2]}, name: hello, copy: {arch: x86_64, flags: [-O2]},"
        + " again: hello, list: [hello, {arch: x86_64, flags: [-O2]}]}")
  }

  @Test func aliasKeepsTheAnchoredNodesInnerMarks() throws {
    let input = MarkedInput("a: &x {«k»k: «v»v}\nb: *x\n")
    let root = try root(input.text)
    #expect(root["b"]?.mapping?[0].key.mark == input["k"])
    #expect(root["b"]?["k"]?.mark == input["v"])
  }

  @Test func aliasNodeStandsWhereTheAliasIsWritten() throws {
    let input = MarkedInput("a: &x [1]\nb: «alias»*x\n")
    #expect(try root(input.text)["b"]?.mark == input["alias"])
  }

  @Test func laterAnchorReplacesAnEarlierOneOfTheSameName() throws {
    let root = try root("a: &x one\nb: *x\nc: &x two\nd: *x\n")
    #expect(shorthand(root) == "{a: one, b: one, c: two, d: two}")
  }

  @Test func aliasAsAKey() throws {
    #expect(shorthand(try root("k: &k name\nm: {*k : v}\n")) == "{k: name, m: {name: v}}")
  }

  @Test func undefinedAlias() {
    let input = MarkedInput("a: 1\nb: [x, «alias»*missing]\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .undefinedAlias, at: input["alias"], "alias '*missing' names no earlier anchor"))
  }

  @Test func aliasBeforeItsAnchorIsUndefined() {
    let input = MarkedInput("a: «alias»*x\nb: &x 1\n")
    #expect(
      readingError(input.text)
        == YAMLError(.undefinedAlias, at: input["alias"], "alias '*x' names no earlier anchor"))
  }

  @Test func aliasInsideItsOwnAnchorIsUndefined() {
    let input = MarkedInput("a: &x [1, «alias»*x]\n")
    #expect(
      readingError(input.text)
        == YAMLError(.undefinedAlias, at: input["alias"], "alias '*x' names no earlier anchor"))
  }

  @Test func mergeOneMapping() throws {
    let root = try root(
      """
      base: &base {arch: x86_64, cc: gcc}
      build:
        <<: *base
        name: hello

      """)
    #expect(shorthand(try #require(root["build"])) == "{name: hello, arch: x86_64, cc: gcc}")
  }

  @Test func mergeASequenceOfMappings() throws {
    let root = try root(
      """
      a: &a {x: 1}
      b: &b {y: 2}
      c:
        <<: [*a, *b]
        z: 3

      """)
    #expect(shorthand(try #require(root["c"])) == "{z: 3, x: 1, y: 2}")
  }

  @Test func mergeAnAliasedSequenceOfMappings() throws {
    let root = try root("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nboth: &both [*a, *b]\nc: {<<: *both}\n")
    #expect(shorthand(try #require(root["c"])) == "{x: 1, y: 2}")
  }

  @Test func mergeAnInlineMapping() throws {
    #expect(shorthand(try root("<<: {a: 1}\nb: 2\n")) == "{b: 2, a: 1}")
  }

  @Test func explicitKeysWinOverMergedOnes() throws {
    let root = try root(
      """
      base: &base {cc: gcc, opt: -O2}
      before:
        cc: clang
        <<: *base
      after:
        <<: *base
        cc: clang

      """)
    #expect(shorthand(try #require(root["before"])) == "{cc: clang, opt: -O2}")
    #expect(shorthand(try #require(root["after"])) == "{cc: clang, opt: -O2}")
  }

  @Test func earlierMergesWinInASequence() throws {
    let root = try root("m:\n  <<: [{a: 1, b: 1}, {a: 2, c: 2}]\n")
    #expect(shorthand(try #require(root["m"])) == "{a: 1, b: 1, c: 2}")
  }

  @Test func earlierMergeKeysWin() throws {
    let root = try root("m:\n  <<: {a: 1}\n  <<: {a: 2, b: 2}\n  c: 3\n")
    #expect(shorthand(try #require(root["m"])) == "{c: 3, a: 1, b: 2}")
  }

  @Test func mergedMappingMayItselfMerge() throws {
    let root = try root("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n")
    #expect(shorthand(try #require(root["c"])) == "{z: 3, y: 2, x: 1}")
  }

  @Test func mergedPairsKeepTheirSourceMarks() throws {
    let input = MarkedInput("base: &b {«k»k: «v»v}\nm:\n  <<: *b\n")
    let merged = try #require(try root(input.text)["m"])
    #expect(merged.mapping?[0].key.mark == input["k"])
    #expect(merged["k"]?.mark == input["v"])
  }

  @Test func mergeKeepsKeysThatAreNotScalars() throws {
    let root = try root("a: &a {[1, 2]: pair, y: 2}\nb:\n  <<: *a\n")
    #expect(shorthand(try #require(root["b"])) == "{[1, 2]: pair, y: 2}")
  }

  @Test func quotedOrTaggedMergeKeyIsAnOrdinaryKey() throws {
    let root = try root("a: {'<<': {x: 1}}\nb: {!!str <<: {x: 1}}\n")
    #expect(shorthand(try #require(root["a"])) == "{'<<': {x: 1}}")
    #expect(shorthand(try #require(root["b"])) == "{!<tag:yaml.org,2002:str> <<: {x: 1}}")
  }

  @Test func mergingAScalarIsRefused() {
    let input = MarkedInput("build:\n  <<: «scalar»hello\n  name: x\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .invalidMerge, at: input["scalar"],
          "'<<' merges a mapping or a sequence of mappings, not a scalar"))
  }

  @Test func mergingAScalarInASequenceIsRefused() {
    let input = MarkedInput("a: &a {x: 1}\nb:\n  <<: [*a, «scalar»'s']\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .invalidMerge, at: input["scalar"],
          "'<<' merges a mapping or a sequence of mappings, not a scalar"))
  }

  @Test func mergingNullIsRefused() {
    let input = MarkedInput("b:\n  <<:«null»\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .invalidMerge, at: input["null"],
          "'<<' merges a mapping or a sequence of mappings, not a null"))
  }

  @Test func mergingAliasedScalarPointsAtTheAlias() {
    let input = MarkedInput("s: &s 5\nm:\n  <<: «alias»*s\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .invalidMerge, at: input["alias"],
          "'<<' merges a mapping or a sequence of mappings, not a scalar"))
  }

  @Test func mergingASequenceOfSequencesIsRefused() {
    let input = MarkedInput("m:\n  <<: [«inner»[a]]\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .invalidMerge, at: input["inner"],
          "'<<' merges a mapping or a sequence of mappings, not a sequence"))
  }

  @Test func duplicateKey() {
    let input = MarkedInput("name: a\nversion: 1\n«second»name: b\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .duplicateKey, at: input["second"], "duplicate key 'name' (first defined at 1:1)"))
  }

  /// Small mappings are searched pair by pair and large ones through a table built at the
  /// sixteenth key: a duplicate is found on both sides of that switch.
  @Test(arguments: [3, 15, 16, 17, 40])
  func duplicateKeyAfterManyKeys(count: Int) {
    let keys = (1...count).map { "k\($0): \($0)\n" }.joined()
    let input = MarkedInput(keys + "«second»k2: again\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .duplicateKey, at: input["second"], "duplicate key 'k2' (first defined at 2:1)"))
    #expect(readingError(keys + "k\(count + 1): fine\n") == nil)
  }

  @Test func duplicateKeyInANestedFlowMapping() {
    let input = MarkedInput("outer:\n  - {é: 1, «second»é: 2}\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .duplicateKey, at: input["second"], "duplicate key 'é' (first defined at 2:6)"))
  }

  @Test func duplicateKeyIgnoresQuoting() {
    let input = MarkedInput("a: 1\n«second»'a': 2\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .duplicateKey, at: input["second"], "duplicate key 'a' (first defined at 1:1)"))
  }

  @Test func duplicateAliasKeyPointsAtTheAlias() {
    let input = MarkedInput("k: &k x\nm:\n  x: 1\n  «second»*k : 2\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .duplicateKey, at: input["second"], "duplicate key 'x' (first defined at 3:3)"))
  }

  @Test func sameKeyInSiblingMappingsIsFine() throws {
    #expect(shorthand(try root("a: {k: 1}\nb: {k: 2}\n")) == "{a: {k: 1}, b: {k: 2}}")
  }

  @Test func explicitKeyOverridingAMergedKeyIsNoDuplicate() throws {
    #expect(shorthand(try root("<<: {k: 1}\nk: 2\n")) == "{k: 2}")
  }

  @Test func secondDocumentIsRefused() {
    let input = MarkedInput("a: 1\n«second»---\nb: 2\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .multipleDocuments, at: input["second"],
          "more than one YAML document; a file holds exactly one"))
  }

  @Test func secondExplicitDocumentIsRefused() {
    let input = MarkedInput("---\na: 1\n«second»---\nb: 2\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .multipleDocuments, at: input["second"],
          "more than one YAML document; a file holds exactly one"))
  }

  @Test func documentAfterAnEndMarkerIsRefused() {
    let input = MarkedInput("a: 1\n...\n«second»--- b\n")
    #expect(
      readingError(input.text)
        == YAMLError(
          .multipleDocuments, at: input["second"],
          "more than one YAML document; a file holds exactly one"))
  }

  @Test func oneExplicitDocumentWithEndMarker() throws {
    #expect(shorthand(try root("%YAML 1.1\n---\na: 1\n...\n")) == "{a: 1}")
  }
}
