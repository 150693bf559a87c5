import Foundation
import Testing

@testable import MiniSolveLock

@Suite struct ProjectLayoutTests {
  @Test(arguments: [
    ("/p/recipes/a.yaml", "/p", "recipes/a.yaml"),
    ("/p", "/p", "."),
    ("/a/b/c", "/a/x", "../b/c"),
    ("/work/shared/corpus/x.yaml", "/tmp/project", "../../work/shared/corpus/x.yaml"),
    ("/p/./recipes/../images/x.yaml", "/p", "images/x.yaml"),
    ("/pq/a.yaml", "/p", "../pq/a.yaml"),
    ("/x", "/", "x"),
    ("recipes/a.yaml", "/p", "recipes/a.yaml"),
  ])
  func relativePaths(path: String, base: String, expected: String) {
    #expect(ProjectLayout.relative(path, to: base) == expected)
  }

  @Test func plainPathsNeedNoStandardizing() {
    #expect(ProjectLayout.isPlain("/a/b.yaml"))
    #expect(ProjectLayout.isPlain("/"))
    for path in ["a/b", "/a//b", "/a/./b", "/a/../b", "/a/", "/.."] {
      #expect(!ProjectLayout.isPlain(path), "\(path)")
    }
    #expect(ProjectLayout.standardized("/a/./b/../c") == "/a/c")
    #expect(ProjectLayout.standardized("/a/b") == "/a/b")
  }

  @Test func aProjectWithoutAProjectFileUsesTheConventions() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-layout-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: folder + "/recipes", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let layout = try ProjectLayout.load(folder + "/.")
    #expect(layout.directory == folder)
    #expect(layout.projectFile == nil)
    #expect(layout.recipeDirectory == folder + "/recipes")
    #expect(layout.lockPath == folder + "/minisolve.lock")
    #expect(layout.architectures.map(\.name) == ["x86_64", "aarch64"])
    #expect(layout.devPackages.map(\.value) == ["busybox", "apk-tools"])
  }
}
