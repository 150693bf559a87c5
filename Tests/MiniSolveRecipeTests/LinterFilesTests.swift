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
        Linter.File(path: root + "/p/recipes/a.yaml", kind: .recipe),
        Linter.File(path: root + "/p/recipes/pipelines/step.yaml", kind: .pipeline),
      ])
  }

  @Test func imagesAndTheProjectFileAreLintedWithTheirOwnSchemas() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-kinds-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(
      atPath: root + "/images", withIntermediateDirectories: true)
    try "contents:\n  packages: [nginx]\nentrypoint:\n  comand: /usr/bin/nginx\n".write(
      toFile: root + "/images/web.yaml", atomically: true, encoding: .utf8)
    try "archs: [x86_64]\nlocks: other.lock\n".write(
      toFile: root + "/minisolve.yaml", atomically: true, encoding: .utf8)
    let files = Linter.files(in: [root]).files
    #expect(files.map(\.kind) == [.image, .project])
    let linter = Linter(library: PipelineLibrary(directories: []), architectures: [])
    #expect(
      files.flatMap(linter.lint).map(\.description) == [
        "\(root)/images/web.yaml:4:3: error: [unknown-key] unknown key 'comand' in 'entrypoint'; "
          + "did you mean 'command'?",
        "\(root)/minisolve.yaml:2:1: error: [unknown-key] unknown key 'locks' at the top level; "
          + "did you mean 'lock'?",
      ])
  }

  @Test func theWalkListsYAMLAtEveryDepthAndDoesNotFollowLinks() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-walk-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let manager = FileManager.default
    try manager.createDirectory(atPath: root + "/a/b/c", withIntermediateDirectories: true)
    for file in ["top.yaml", "a/one.yml", "a/b/c/deep.yaml", "a/notes.txt", "a/b/yaml"] {
      try "x: 1\n".write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
    }
    // A link back up would make a walk that follows links endless.
    try manager.createSymbolicLink(atPath: root + "/a/b/loop", withDestinationPath: "../..")
    try manager.createSymbolicLink(atPath: root + "/a/link.yaml", withDestinationPath: "one.yml")
    #expect(
      Linter.yamlFiles(below: root).sorted()
        == ["a/b/c/deep.yaml", "a/link.yaml", "a/one.yml", "top.yaml"])
    #expect(Linter.yamlFiles(below: root + "/missing").isEmpty)
  }

  /// A folder whose name is not UTF-8 is walked too, and what it holds is reported as
  /// unreadable, not passed over (a helper found `lint` saying "checked 0 files" there).
  @Test func aFolderNamedInBadUTF8IsNotSkippedInSilence() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-bad-name-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    let folder = Array(root.utf8) + Array("/bad".utf8) + [0xFF] + Array("dir".utf8)
    #expect((folder + [0]).withUnsafeBufferPointer { mkdir($0.baseAddress!, 0o755) } == 0)
    let file = folder + Array("/r.yaml".utf8)
    let descriptor = (file + [0]).withUnsafeBufferPointer {
      creat($0.baseAddress!, 0o644)
    }
    #expect(descriptor >= 0)
    close(descriptor)
    #expect(Linter.yamlFiles(below: root) == ["bad\u{FFFD}dir/r.yaml"])
    let files = Linter.files(in: [root]).files
    let linter = Linter(library: PipelineLibrary(directories: []), architectures: [])
    #expect(
      files.flatMap(linter.lint).map(\.description) == [
        "\(root)/bad\u{FFFD}dir/r.yaml:1:1: error: [io] cannot read the file"
      ])
  }

  @Test func aFileGivenTwiceIsCheckedOnce() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-twice-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try "package: {name: a, version: 1}\n".write(
      toFile: root + "/a.yaml", atomically: true, encoding: .utf8)
    let found = Linter.files(in: [root, root + "/a.yaml", root])
    #expect(found.files == [Linter.File(path: root + "/a.yaml", kind: .recipe)])
  }
}
