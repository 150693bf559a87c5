import Foundation
import Testing

@testable import MiniSolveLock

@Suite struct LockInputsTests {
  /// A project holding one file of each kind of input.
  private func project() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-inputs-\(UUID().uuidString)").path
    let files = [
      "recipes/a.yaml": "package:\n  name: a\n",
      "pipelines/p/run.yaml": "name: p\n",
      "images/i.yaml": "contents:\n  packages: [a]\n",
      "repo/APKINDEX": "P:a\nV:1-r0\n\n",
      "minisolve.yaml": "repositories: [repo/APKINDEX]\n",
    ]
    for (path, text) in files {
      let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return folder
  }

  private func inputs(_ folder: String) throws -> LockInputs {
    try LockInputs.of(try ProjectLayout.load(folder))
  }

  @Test func everyKindOfInputIsHashedUnderItsRelativePath() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(
      try inputs(folder).files.keys.sorted() == [
        "images/i.yaml", "minisolve.yaml", "pipelines/p/run.yaml", "recipes/a.yaml",
        "repo/APKINDEX",
      ])
  }

  @Test(arguments: [
    "recipes/a.yaml", "pipelines/p/run.yaml", "images/i.yaml", "repo/APKINDEX", "minisolve.yaml",
  ])
  func theTotalChangesWithAnyInput(path: String) throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let before = try inputs(folder)
    #expect(try inputs(folder).total == before.total)
    let handle = try #require(FileHandle(forWritingAtPath: folder + "/" + path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("# one more line\n".utf8))
    try handle.close()
    #expect(try inputs(folder).total != before.total)
  }

  @Test func theTotalChangesWhenAFileIsAddedOrTheBuiltinPipelinesChange() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let before = try inputs(folder)
    var pipelines = before
    pipelines.builtinPipelines = String(repeating: "0", count: 64)
    #expect(pipelines.total != before.total)
    try Data("package:\n  name: b\n".utf8).write(
      to: URL(fileURLWithPath: folder + "/recipes/b.yaml"))
    #expect(try inputs(folder).total != before.total)
    // A file's name is part of the total, not only its bytes.
    var renamed = before
    renamed.files["recipes/z.yaml"] = renamed.files.removeValue(forKey: "recipes/a.yaml")
    #expect(renamed.total != before.total)
  }
}
