import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveCLI

/// A small project in a fresh temporary folder: two recipes (app needs liba at runtime and to
/// build), an APKINDEX with busybox and two versions of zlib, one image asking for app.
private final class LockProject {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-lock-\(UUID().uuidString)").path
    try write("repo/APKINDEX", Self.index)
    try write("recipes/liba.yaml", Self.recipe("liba", "1.0", runtime: ["busybox"]))
    try write("recipes/app.yaml", Self.recipe("app", "2.0", runtime: ["liba"], build: ["liba"]))
    try write("images/app.yaml", "contents:\n  packages:\n    - app\n")
    try write(
      "minisolve.yaml",
      "repositories: [repo/APKINDEX]\narchs: [x86_64]\ndev:\n  packages: [busybox]\n")
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  var lockPath: String { folder + "/minisolve.lock" }

  func write(_ path: String, _ text: String) throws {
    let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func lockBytes() -> Data? { FileManager.default.contents(atPath: lockPath) }

  /// `minisolve lock --project FOLDER` with more arguments.
  func lock(_ arguments: String...) -> (code: Int32, out: String, err: String) {
    minisolve(arguments: ["lock", "--project", folder] + arguments)
  }

  static let index = """
    C:Q1AAAAAAAAAAAAAAAAAAAAAAAAAAA=
    P:busybox
    V:1.37.0-r0
    A:x86_64

    P:zlib
    V:1.3-r0
    A:x86_64

    P:zlib
    V:1.2-r0
    A:x86_64

    """

  static func recipe(
    _ name: String, _ version: String, runtime: [String], build: [String] = ["busybox"]
  ) -> String {
    """
    package:
      name: \(name)
      version: "\(version)"
      epoch: 0
      description: \(name) for the lock tests
      dependencies:
        runtime:
    \(runtime.map { "      - \($0)\n" }.joined())\
    environment:
      contents:
        packages:
    \(build.map { "      - \($0)\n" }.joined())\
    pipeline:
      - runs: make

    """
  }
}

@Suite struct LockCommandTests {
  @Test func twoRunsGiveTheSameBytesWithOrWithoutTheIndex() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let first = try #require(project.lockBytes())
    try FileManager.default.removeItem(atPath: project.lockPath)
    #expect(project.lock("--no-index").code == 0)
    #expect(project.lockBytes() == first)
    try FileManager.default.removeItem(atPath: project.lockPath)
    #expect(project.lock().code == 0)
    #expect(project.lockBytes() == first)
  }

  @Test func checkRightAfterLockSaysCurrent() throws {
    let project = try LockProject()
    let lock = project.lock()
    #expect(lock.code == 0, "\(lock.err)")
    #expect(lock.out == "lock: wrote minisolve.lock: 1 image (2 closures), 2 recipes, x86_64\n")
    let check = project.lock("--check")
    #expect(check.code == 0)
    #expect(check.out == "lock: minisolve.lock is current (5 inputs unchanged)\n")
    #expect(check.err.isEmpty)
  }

  @Test func anAddedRuntimeDependencyMakesTheLockStale() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let locked = project.lockBytes()
    try project.write(
      "recipes/app.yaml",
      LockProject.recipe("app", "2.0", runtime: ["liba", "zlib"], build: ["liba"]))
    let check = project.lock("--check")
    #expect(check.code == 1)
    #expect(
      check.out == """
        lock: minisolve.lock is stale; minisolve lock would change:
          inputs:
            ~ recipes/app.yaml
          image app x86_64 dev:
            + zlib 1.3-r0
          image app x86_64 prod:
            + zlib 1.3-r0

        """)
    #expect(project.lockBytes() == locked)
  }

  @Test func aRootNobodyProvidesIsAPositionedErrorAndNothingIsWritten() throws {
    let project = try LockProject()
    try project.write("images/x.yaml", "contents:\n  packages:\n    - app\n    - nosuch\n")
    let fresh = project.lock()
    #expect(fresh.code == 1)
    #expect(
      fresh.err == """
        \(project.folder)/images/x.yaml:4:7: error: [no-package] image x (prod): no package \
        satisfies nosuch
              - nosuch
                ^
        error: nothing was written

        """)
    #expect(project.lockBytes() == nil)

    try FileManager.default.removeItem(atPath: project.folder + "/images/x.yaml")
    #expect(project.lock().code == 0)
    let old = try #require(project.lockBytes())
    try project.write("images/x.yaml", "contents:\n  packages:\n    - nosuch\n")
    #expect(project.lock().code == 1)
    #expect(project.lockBytes() == old)
  }

  @Test func aRootThatKeepsAPackageOutIsRefused() throws {
    let project = try LockProject()
    try project.write("images/x.yaml", "contents:\n  packages:\n    - app\n    - \"!busybox\"\n")
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == """
        \(project.folder)/images/x.yaml:4:7: error: [invalid-constraint] '!busybox': a root that \
        keeps a package out is not supported
              - "!busybox"
                ^
        error: nothing was written

        """)
    #expect(project.lockBytes() == nil)
  }

  @Test func conflictingRootsAreExplainedAndNothingIsWritten() throws {
    let project = try LockProject()
    try project.write("images/z.yaml", "contents:\n  packages:\n    - zlib>=1.3\n    - zlib<1.3\n")
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == """
        error: images/z.yaml: image z (prod) cannot be installed:
          1. You asked for zlib>=1.3: zlib 1.3-r0.
          2. You asked for zlib<1.3: zlib 1.2-r0.
          3. Only one of zlib 1.2-r0 and zlib 1.3-r0 can be installed: they are both zlib.
          4. So zlib>=1.3, zlib<1.3 cannot be installed together.
        error: nothing was written

        """)
    #expect(project.lockBytes() == nil)
  }

  @Test func aRuntimeCycleLocks() throws {
    let project = try LockProject()
    try project.write("recipes/liba.yaml", LockProject.recipe("liba", "1.0", runtime: ["app"]))
    let result = project.lock()
    #expect(result.code == 0, "\(result.err)")
    let lock = try JSONParser.parse(Array(try #require(project.lockBytes())))
    // Building app needs liba, and liba needs app at runtime: app is in its own build closure.
    let members = lock["recipes"]?["app"]?["build"]?["x86_64"]?["members"]?.arrayValue ?? []
    let pulled = members.map { member in
      "\(member["name"]?.stringValue ?? "") from "
        + (member["pulled_by"]?["parent"]?.stringValue ?? "")
    }
    #expect(pulled == ["app from liba", "liba from app"])
    #expect(project.lock("--check").code == 0)
  }

  /// Paths in the explanation are relative to the project, as image errors and the lock
  /// write them (they were absolute).
  @Test func aBuildClosureThatCannotBeMetIsAnError() throws {
    let project = try LockProject()
    try project.write(
      "recipes/app.yaml",
      LockProject.recipe("app", "2.0", runtime: ["liba"], build: ["liba", "nosuch-dev"]))
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == """
        error: the build closure of recipe app cannot be met on x86_64:
          1. app 2.0-r0 needs to build nosuch-dev, which no package satisfies \
        (recipes/app.yaml:13:9).
          2. So app 2.0-r0 cannot be built.
        error: nothing was written

        """)
    #expect(project.lockBytes() == nil)
  }

  @Test func aTruncatedLockIsMalformedAndLockReplacesIt() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let whole = try #require(project.lockBytes())
    try whole.prefix(300).write(to: URL(fileURLWithPath: project.lockPath))
    let check = project.lock("--check")
    #expect(check.code == 1)
    #expect(
      check.err == "error: \(project.lockPath):14:6: malformed lock: expected a key in quotes; "
        + "run minisolve lock\n")

    let lock = project.lock()
    #expect(lock.code == 0)
    #expect(
      lock.err == "warning: \(project.lockPath):14:6: malformed lock: expected a key in quotes; "
        + "writing a new one\n")
    #expect(project.lockBytes() == whole)
    #expect(project.lock("--check").code == 0)
  }

  @Test func aVersionChangedByHandIsCaught() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let text = String(decoding: try #require(project.lockBytes()), as: UTF8.self)
    let edited = text.replacingOccurrences(of: "\"2.0-r0\"", with: "\"2.1-r0\"")
    #expect(edited != text)
    try project.write("minisolve.lock", edited)
    let check = project.lock("--check")
    #expect(check.code == 1)
    #expect(
      check.err == "error: \(project.lockPath): the lock's content does not match its digest: "
        + "it was edited by hand; run minisolve lock\n")
  }

  @Test func aMissingLockFailsTheCheck() throws {
    let project = try LockProject()
    let check = project.lock("--check")
    #expect(check.code == 1)
    #expect(check.err == "error: no lock at minisolve.lock; run minisolve lock\n")
  }

  @Test(.enabled(if: geteuid() != 0, "root writes into a folder without write permission"))
  func anUnwritableFolderLeavesTheOldLock() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let old = try #require(project.lockBytes())
    try project.write("recipes/liba.yaml", LockProject.recipe("liba", "1.1", runtime: []))
    chmod(project.folder, 0o555)
    defer { chmod(project.folder, 0o755) }
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == "error: cannot write \(project.lockPath): cannot create a file beside it: "
        + "Permission denied; the old lock, if any, is untouched\n")
    #expect(project.lockBytes() == old)
  }

  @Test func anImmutableFolderLeavesTheOldLock() throws {
    let project = try LockProject()
    #expect(project.lock().code == 0)
    let old = try #require(project.lockBytes())
    try project.write("recipes/liba.yaml", LockProject.recipe("liba", "1.1", runtime: []))
    // As root, chmod does not stop a write; the immutable attribute does, where chattr works.
    guard geteuid() == 0, run("/usr/bin/chattr", "+i", project.folder) else { return }
    defer { _ = run("/usr/bin/chattr", "-i", project.folder) }
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == "error: cannot write \(project.lockPath): cannot create a file beside it: "
        + "Operation not permitted; the old lock, if any, is untouched\n")
    #expect(project.lockBytes() == old)
  }

  @Test func aLockPathInsideARegularFileIsAnError() throws {
    let project = try LockProject()
    try project.write("file", "not a folder\n")
    try project.write(
      "minisolve.yaml",
      "repositories: [repo/APKINDEX]\narchs: [x86_64]\nlock: file/x.lock\n"
        + "dev:\n  packages: [busybox]\n")
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == "error: cannot write \(project.folder)/file/x.lock: cannot create a file "
        + "beside it: Not a directory; the old lock, if any, is untouched\n")
    let file = FileManager.default.contents(atPath: project.folder + "/file")
    #expect(file == Data("not a folder\n".utf8))
  }

  /// A project that names no dev packages gets busybox and apk-tools; a universe without
  /// apk-tools must say so at the image and how to choose others (a new user met
  /// `minisolve.yaml:1:1` pointing at an unrelated line).
  @Test func aMissingDefaultDevPackageNamesTheDefaultAndTheFix() throws {
    let project = try LockProject()
    try project.write("minisolve.yaml", "repositories: [repo/APKINDEX]\narchs: [x86_64]\n")
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err.hasPrefix(
        "\(project.folder)/images/app.yaml:1:1: error: [no-package] image app (dev): no package "
          + "satisfies apk-tools, one of the default dev packages (busybox, apk-tools); name the "
          + "dev packages in the image's dev.packages or in minisolve.yaml's dev.packages\n"))
  }

  @Test func anUnknownProjectKeyIsPositionedWithASuggestion() throws {
    let project = try LockProject()
    try project.write("minisolve.yaml", "repositories: [repo/APKINDEX]\nlok: x.lock\n")
    let result = project.lock()
    #expect(result.code == 1)
    #expect(
      result.err == """
        \(project.folder)/minisolve.yaml:2:1: error: [unknown-key] unknown key 'lok' at the top level; \
        did you mean 'lock'?
          lok: x.lock
          ^
        error: nothing was written

        """)
    // --check never writes, so it does not say that nothing was written.
    let check = project.lock("--check")
    #expect(check.code == 1)
    #expect(check.err.hasSuffix("^\n"), "\(check.err)")
  }

  @Test func aTemporaryFileLeftByAKilledRunIsRemoved() throws {
    let project = try LockProject()
    let stale = project.folder + "/.minisolve.lock.tmp.AbC123"
    try project.write(".minisolve.lock.tmp.AbC123", "{\n  \"architectures\": [")
    var past = [
      timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, stale, &past, 0) == 0)
    let result = project.lock()
    #expect(result.code == 0)
    #expect(
      result.err
        == "warning: removed .minisolve.lock.tmp.AbC123, left by a run that was stopped\n")
    #expect(!FileManager.default.fileExists(atPath: stale))
  }

  private func run(_ tool: String, _ arguments: String...) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
