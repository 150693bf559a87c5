import Testing

@testable import MiniSolveLock

@Suite struct LockGraphTests {
  @Test func theGraphHasTheImageOnTopAndAnEdgePerMember() throws {
    let graph = try LockGraph(try LockFixture.lock().closure(image: "web", variant: "dev"))
    #expect(graph.title == "image web (dev, x86_64)")
    #expect(graph.nodes.map(\.id) == ["image:web", "app", "busybox", "libz", "musl"])
    #expect(graph.nodes[0].detail == "image, dev, x86_64")
    #expect(
      graph.edges.map { "\($0.from) -> \($0.to): \($0.requirement)" } == [
        "image:web -> app: app", "image:web -> busybox: busybox", "app -> libz: so:libz.so.1",
        "libz -> musl: so:libc.musl-x86_64.so.1",
      ])
  }

  @Test func rootsKeepWhatTheyPulledIn() throws {
    let graph = try LockGraph(try LockFixture.lock().closure(image: "web"), roots: ["libz"])
    #expect(graph.nodes.map(\.id) == ["libz", "musl"])
    #expect(graph.edges.map(\.to) == ["musl"])
    #expect(
      throws: LockQueryError("image web (prod, x86_64): no package 'lbz'; did you mean 'libz'?")
    ) {
      try LockGraph(try LockFixture.lock().closure(image: "web"), roots: ["lbz"])
    }
  }

  @Test func dotAndMermaidTextIsExact() throws {
    let graph = try LockGraph(try LockFixture.lock().closure(image: "web"))
    #expect(
      GraphWriter.dot(graph) == """
        digraph "image web (prod, x86_64)" {
          rankdir=LR;
          node [shape=box];
          "image:web" [label="web\\nimage, prod, x86_64", shape=folder];
          "app" [label="app\\n1.0-r0"];
          "libz" [label="libz\\n1.3.1-r0"];
          "musl" [label="musl\\n1.2.5-r1"];
          "image:web" -> "app" [label="app"];
          "app" -> "libz" [label="so:libz.so.1"];
          "libz" -> "musl" [label="so:libc.musl-x86_64.so.1"];
        }

        """)
    #expect(
      GraphWriter.mermaid(graph) == """
        ---
        title: image web (prod, x86_64)
        ---
        flowchart LR
          n0[["web<br>image, prod, x86_64"]]
          n1["app<br>1.0-r0"]
          n2["libz<br>1.3.1-r0"]
          n3["musl<br>1.2.5-r1"]
          n0 -->|"app"| n1
          n1 -->|"so:libz.so.1"| n2
          n2 -->|"so:libc.musl-x86_64.so.1"| n3

        """)
  }

  @Test func quotesAndMarkupAreEscaped() {
    #expect(GraphWriter.dotQuoted("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
    #expect(
      GraphWriter.mermaidEscaped("libc6 (>= 2.36) \"#1\" <x>")
        == "libc6 (#gt;= 2.36) #quot;#35;1#quot; #lt;x#gt;")
  }
}
