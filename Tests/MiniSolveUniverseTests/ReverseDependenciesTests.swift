import Testing

@testable import MiniSolveUniverse

@Suite struct ReverseDependenciesTests {
  static let set = universe([
    "libz 1 zlib -> +so:libz.so.1",
    "curl 1 -> so:libz.so.1",
    "git 1 -> curl|wget",
    "tig 1 -> git",
    "src: zlib 1",
    "src: tools 1 -> tig",
    "unrelated 1 -> libc",
  ])

  static func names(_ dependents: [ReverseDependencies.Dependent]) -> [String] {
    dependents.map { "\($0.depth) \(set.strings[set.packages[Int($0.package)].name]) \($0.site)" }
  }

  @Test func findsDirectDependentsThroughProvidedNames() {
    let found = ReverseDependencies(Self.set).dependents(
      of: "libz", build: false, transitive: false)
    #expect(Self.names(found) == ["1 curl fixture:2:1"])
  }

  @Test func followsChainsAndAlternativesTransitively() {
    let found = ReverseDependencies(Self.set).dependents(of: "libz", build: false, transitive: true)
    #expect(Self.names(found) == ["1 curl fixture:2:1", "2 git fixture:3:1", "3 tig fixture:4:1"])
    let through = found.map { $0.through.map { Self.set.strings[Self.set.packages[Int($0)].name] } }
    #expect(through == [nil, "curl", "git"])
  }

  @Test func addsBuildDependentsOnlyWhenAsked() {
    let reverse = ReverseDependencies(Self.set)
    let runtime = reverse.dependents(of: "tig", build: false, transitive: true)
    #expect(runtime.isEmpty)
    let build = reverse.dependents(of: "tig", build: true, transitive: true)
    #expect(Self.names(build) == ["1 tools fixture:6:1"])
    #expect(build[0].kind == .buildDepends)
  }
}
