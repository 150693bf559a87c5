import Foundation
import Testing

@testable import MiniSolveRecipe

@Suite struct LinterFilesTests {
  /// A project whose `recipes` is a symbolic link to a folder elsewhere (found by a helper:
  /// `lint p/recipes` said "checked 0 files").
  @Test func aFolderGivenThroughASymbolicLinkIsWalked() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-links-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/real/pipelines", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
    try "package: {name: a, version: 1}\n".write(
      toFile: root + "/real/a.yaml", atomically: true, encoding: .utf8)
    try "runs: true\n".write(
      toFile: root + "/real/pipelines/step.yaml", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: root + "/p/recipes", withDestinationPath: "../real")
    let found = Linter.files(in: [root + "/p/recipes"])
    #expect(found.missing.isEmpty)
    #expect(
      found.files == [
        Linter.File(path: root + "/p/recipes/a.yaml", isPipeline: false),
        Linter.File(path: root + "/p/recipes/pipelines/step.yaml", isPipeline: true),
      ])
  }
}
