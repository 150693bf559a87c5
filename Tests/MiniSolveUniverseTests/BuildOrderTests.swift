import Testing

@testable import MiniSolveUniverse

@Suite struct BuildOrderTests {
  @Test func ordersSourcesAfterWhatTheirBuildClosureNeeds() {
    let set = universe([
      "src: app 1.0 -> cc libfoo-dev",
      "app 1.0 -> libfoo",
      "src: foo 1.0 -> cc",
      "libfoo 1.0 foo",
      "libfoo-dev 1.0 foo -> libfoo",
      "src: gcc 1.0",
      "cc 1.0 gcc -> libc",
      "libc 1.0 glibc",
      "src: glibc 1.0",
    ])
    let order = BuildOrder(set, architecture: "amd64")
    // gcc builds from nothing; foo needs cc (gcc) and, through it, libc (glibc); app needs all.
    #expect(order.steps == [["gcc"], ["glibc"], ["foo"], ["app"]])
    #expect(order.cycles.isEmpty)
  }

  @Test func reportsACycleWithTheEdgesThatCloseIt() {
    let set = universe([
      "src: a 1 -> bin-b",
      "bin-a 1 a",
      "src: b 1 -> bin-c",
      "bin-b 1 b",
      "src: c 1 -> bin-a",
      "bin-c 1 c",
      "src: d 1 -> bin-a",
    ])
    let order = BuildOrder(set, architecture: "amd64")
    #expect(order.steps == [["a", "b", "c"], ["d"]])
    #expect(order.cycles.count == 1)
    let edges = order.cycles[0].map { "\($0.from)->\($0.to) \($0.requirement) \($0.site)" }
    #expect(
      edges == ["a->b bin-b fixture:1:1", "b->c bin-c fixture:3:1", "c->a bin-a fixture:5:1"])
    #expect(order.loops[0].map { "\($0.from)->\($0.to)" } == ["a->b", "b->c", "c->a"])
  }

  @Test func theLoopShownIsAShortestOne() {
    // a -> b -> c -> a and a -> c -> a: the loop through a is a, c.
    let set = universe([
      "src: a 1 -> bin-b bin-c", "bin-a 1 a", "src: b 1 -> bin-c", "bin-b 1 b",
      "src: c 1 -> bin-a", "bin-c 1 c",
    ])
    let order = BuildOrder(set, architecture: "amd64")
    #expect(order.cycles[0].count == 4)
    #expect(order.loops[0].map { "\($0.from)->\($0.to)" } == ["a->c", "c->a"])
  }

  @Test func resolvesProvidedNamesAndIgnoresSelfEdges() {
    let set = universe([
      "src: x 1 -> so:libz x-tools",
      "x-tools 1 x",
      "src: zlib 1",
      "libz 1 zlib -> +so:libz",
    ])
    let order = BuildOrder(set, architecture: "amd64")
    #expect(order.steps == [["zlib"], ["x"]])
    #expect(order.cycles.isEmpty)
  }
}

@Suite struct StronglyConnectedTests {
  @Test func componentsComeAfterTheirDependenciesSmallestFirst() {
    // 0 -> 1 -> 2 -> 1, 3 alone, 4 -> 0
    let components = StronglyConnected.components([[1], [2], [1], [], [0]])
    #expect(components == [[1, 2], [0], [3], [4]])
  }

  @Test func handlesADeepChainWithoutRecursion() {
    let count = 200_000
    let chain = (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] }
    let components = StronglyConnected.components(chain)
    #expect(components.count == count)
    #expect(components.first == [count - 1])
  }
}
