import Foundation
import MiniSolveUniverse
import Testing

@testable import MiniSolveIndex

@Suite struct UniverseLoaderTests {
  static var example: String { repositoryRoot + "/examples/hello" }

  @Test func recipePackagesPointAtTheirDeclarations() throws {
    let load = try UniverseLoader.load(request(project: Self.example, index: nil))
    #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
    let set = load.universe
    let hello = try #require(
      set.packages(named: "hello").map { set.package($0) }.first { $0.draft.kind == .binary })
    #expect(hello.site == Self.example + "/recipes/hello.yaml:3:9")
    #expect(hello.version == "2.12.1-r0")
    let runtime = hello.draft.relations.filter { $0.kind == .depends }
    #expect(runtime.map { $0.alternatives[0].name } == ["so:libgreet.so.1", "busybox"])
    #expect(
      runtime.map { hello.site(of: $0) } == [
        Self.example + "/recipes/hello.yaml:11:9", Self.example + "/recipes/hello.yaml:12:9",
      ])

    let source = try #require(
      set.packages(named: "hello").map { set.package($0) }.first { $0.draft.kind == .source })
    let build = source.draft.relations.filter { $0.kind == .buildDepends }
    #expect(
      build.prefix(3).map { $0.alternatives[0].name } == ["build-base", "busybox", "libgreet-dev"])
    #expect(source.site(of: build[0]) == Self.example + "/recipes/hello.yaml:17:9")
  }

  @Test func recipesAndRepositoriesMakeOneUniverse() throws {
    let folder = try TemporaryFolder()
    let repo = try folder.write("Packages", samplePackages)
    let load = try UniverseLoader.load(request(project: Self.example, index: folder, repos: [repo]))
    let names = Set(load.universe.packages.map { load.universe.strings[$0.name] })
    #expect(names.isSuperset(of: ["hello", "libgreet", "bash", "libc6"]))
    #expect(load.read.count == 4)  // the index and three recipes
  }
}
