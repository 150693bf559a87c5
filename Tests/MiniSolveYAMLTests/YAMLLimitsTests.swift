import Testing

@testable import MiniSolveYAML

/// Each limit refuses exactly one past its bound, at the node that crosses it.
@Suite struct YAMLLimitsTests {
  private func limits(bytes: Int = 1 << 20, depth: Int = 64, nodes: Int = 1_000_000)
    -> YAMLLimits
  {
    YAMLLimits(maximumBytes: bytes, maximumDepth: depth, maximumExpandedNodes: nodes)
  }

  @Test func defaults() {
    #expect(YAMLLimits.default.maximumBytes == 8_388_608)
    #expect(YAMLLimits.default.maximumDepth == 64)
    #expect(YAMLLimits.default.maximumExpandedNodes == 1_000_000)
  }

  @Test func billionLaughsIsRefused() {
    // Level n holds ten aliases of level n - 1: nine levels expand to over a billion nodes.
    var lines = ["l0: &l0 lol"]
    for level in 1...9 {
      let aliases = Array(repeating: "*l\(level - 1)", count: 10)
      if level == 6 {
        // 123,465 nodes precede this list and each alias adds 111,111: the eighth passes a million.
        let marked = aliases[..<7] + ["«crossing»" + aliases[7]] + aliases[8...]
        lines.append("l\(level): &l\(level) [" + marked.joined(separator: ", ") + "]")
      } else {
        lines.append("l\(level): &l\(level) [" + aliases.joined(separator: ", ") + "]")
      }
    }
    let input = MarkedInput(lines.joined(separator: "\n") + "\n")

    #expect(input["crossing"] == Mark(line: 7, column: 45))
    #expect(
      readingError(input.text)
        == YAMLError(
          .aliasLimit, at: input["crossing"],
          "document expands to more than 1000000 nodes (aliases expanding without bound?)"))
  }

  @Test func expandedNodesAtTheLimitPass() throws {
    // The mapping, two keys, the sequence, its two items and the alias's three nodes: nine.
    let text = "a: &x [1, 2]\nb: *x\n"
    #expect(try YAMLReader.parse(text, limits: limits(nodes: 9)) != nil)
  }

  @Test func expandedNodesOnePastTheLimitFail() {
    // One more sequence around the alias makes ten.
    let input = MarkedInput("a: &x [1, 2]\nb: [«alias»*x]\n")
    #expect(
      readingError(input.text, limits: limits(nodes: 9))
        == YAMLError(
          .aliasLimit, at: input["alias"],
          "document expands to more than 9 nodes (aliases expanding without bound?)"))
  }

  @Test func plainNodesCountTowardsTheLimit() throws {
    #expect(try YAMLReader.parse("[a, b]\n", limits: limits(nodes: 3)) != nil)
    let input = MarkedInput("[a, b, «c»c]\n")
    #expect(
      readingError(input.text, limits: limits(nodes: 3))
        == YAMLError(
          .aliasLimit, at: input["c"],
          "document expands to more than 3 nodes (aliases expanding without bound?)"))
  }

  @Test func collectionsCountTowardsTheLimit() {
    let input = MarkedInput("a: «inner»[]\n")
    #expect(
      readingError(input.text, limits: limits(nodes: 2))
        == YAMLError(
          .aliasLimit, at: input["inner"],
          "document expands to more than 2 nodes (aliases expanding without bound?)"))
  }

  @Test func defaultDepthAtTheLimitPasses() throws {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(try YAMLReader.parse(text) != nil)
  }

  @Test func defaultDepthOnePastTheLimitFails() {
    let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(
      readingError(text)
        == YAMLError(.depthLimit, at: Mark(line: 1, column: 65), "nesting deeper than 64 levels"))
  }

  @Test func deepFlowNestingFarPastTheLimitFailsAtTheCrossing() {
    let text = String(repeating: "{a: [", count: 10_000)
    #expect(
      readingError(text)
        == YAMLError(.depthLimit, at: Mark(line: 1, column: 161), "nesting deeper than 64 levels"))
  }

  @Test func flowDepthAtASmallLimit() throws {
    #expect(try YAMLReader.parse("[[[x]]]\n", limits: limits(depth: 3)) != nil)
    #expect(
      readingError("[[[[x]]]]\n", limits: limits(depth: 3))
        == YAMLError(.depthLimit, at: Mark(line: 1, column: 4), "nesting deeper than 3 levels"))
  }

  @Test func blockDepthAtTheLimitPasses() throws {
    let text = "a:\n  b:\n    - c\n"
    #expect(try YAMLReader.parse(text, limits: limits(depth: 3)) != nil)
  }

  @Test func blockDepthOnePastTheLimitFailsAtTheCrossingCollection() {
    let input = MarkedInput("a:\n  b:\n    - «crossing»c: 1\n")
    #expect(
      readingError(input.text, limits: limits(depth: 3))
        == YAMLError(.depthLimit, at: input["crossing"], "nesting deeper than 3 levels"))
  }

  @Test func aliasWithinTheDepthLimitPasses() throws {
    let text = "a: &a [[1]]\nb: *a\n"
    #expect(try YAMLReader.parse(text, limits: limits(depth: 3)) != nil)
  }

  @Test func aliasCannotNestPastTheDepthLimit() {
    let input = MarkedInput("a: &a [[1]]\nb: [«alias»*a]\n")
    #expect(
      readingError(input.text, limits: limits(depth: 3))
        == YAMLError(.depthLimit, at: input["alias"], "nesting deeper than 3 levels"))
  }

  @Test func chainedAliasesCannotNestPastTheDefaultDepth() {
    // `*a` is 40 levels deep and sits inside 41 open collections: 81 levels in all.
    let open = String(repeating: "[", count: 40)
    let close = String(repeating: "]", count: 40)
    let input = MarkedInput("a: &a \(open)x\(close)\nb: &b \(open)«alias»*a\(close)\n")
    #expect(
      readingError(input.text)
        == YAMLError(.depthLimit, at: input["alias"], "nesting deeper than 64 levels"))
  }

  @Test func sizeAtTheLimitPasses() throws {
    #expect(try YAMLReader.parse("name: hello\n", limits: limits(bytes: 12)) != nil)
  }

  @Test func sizeOnePastTheLimitFails() {
    #expect(
      readingError("name: hello!\n", limits: limits(bytes: 12))
        == YAMLError(.sizeLimit, at: .start, "file is 13 bytes, more than the limit of 12"))
  }

  @Test func sizeCountsBytesNotCharacters() {
    // Three characters, seven bytes.
    #expect(
      readingError("日本\n", limits: limits(bytes: 6))
        == YAMLError(.sizeLimit, at: .start, "file is 7 bytes, more than the limit of 6"))
  }

  @Test func sizeIsCheckedBeforeAnythingIsParsed() {
    let bytes: [UInt8] = Array("a: [".utf8) + [0xFF] + Array(repeating: 0x20, count: 100)
    #expect(
      readingError(bytes, limits: limits(bytes: 100))
        == YAMLError(.sizeLimit, at: .start, "file is 105 bytes, more than the limit of 100"))
  }
}
