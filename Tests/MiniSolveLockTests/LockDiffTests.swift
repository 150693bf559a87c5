import MiniSolveYAML
import Testing

@testable import MiniSolveLock

@Suite struct LockDiffTests {
  /// The fixture with libz updated, musl gone from dev, curl new in dev, and another input.
  private func newer() -> Lock {
    var libz = LockFixture.libz
    libz.version = "1.3.2-r0"
    let curl = member("curl", "8.9.0-r0", requirement: "curl")
    var lock = LockFixture.lock(
      prod: LockedClosure(roots: ["app"], members: [LockFixture.app, libz, LockFixture.musl]),
      dev: LockedClosure(roots: ["app", "curl"], members: [LockFixture.app, curl, libz]))
    lock.inputs.files["images/web.yaml"] = String(repeating: "c", count: 64)
    lock.inputs.files["recipes/app.yaml"] = String(repeating: "d", count: 64)
    lock.recipes = [:]
    return lock
  }

  @Test func addedRemovedAndChangedPackagesPerClosure() {
    let diff = LockDiff(from: LockFixture.lock(), to: newer())
    #expect(!diff.isEmpty)
    #expect(
      diff.lines == [
        "inputs:",
        "  + recipes/app.yaml",
        "  ~ images/web.yaml",
        "image web x86_64 dev:",
        "  + curl 8.9.0-r0",
        "  - busybox 1.37.0-r0",
        "  - musl 1.2.5-r1",
        "  ~ libz 1.3.1-r0 -> 1.3.2-r0",
        "image web x86_64 prod:",
        "  ~ libz 1.3.1-r0 -> 1.3.2-r0",
        "recipe app x86_64 build (gone):",
        "  - busybox 1.37.0-r0",
        "  - make 4.4.1-r0",
      ])
  }

  @Test func theJSONHoldsTheSameChanges() {
    let diff = LockDiff(from: LockFixture.lock(), to: newer())
    let json = diff.json
    #expect(json["equal"] == .bool(false))
    #expect(
      json["inputs"]
        == .object([
          "added": .strings(["recipes/app.yaml"]), "removed": .strings([]),
          "changed": .strings(["images/web.yaml"]),
        ]))
    guard case .array(let closures) = json["closures"] else {
      Issue.record("closures is not a list")
      return
    }
    #expect(closures.count == 3)
    #expect(
      closures[1]
        == .object([
          "kind": .string("image"), "name": .string("web"), "architecture": .string("x86_64"),
          "variant": .string("prod"), "status": .string("changed"), "added": .array([]),
          "removed": .array([]),
          "changed": .array([
            .object([
              "name": .string("libz"), "old": .string("1.3.1-r0"), "new": .string("1.3.2-r0"),
            ])
          ]),
        ]))
    #expect(closures[2]["status"] == .string("gone"))
    #expect(closures[2]["variant"] == .string("build"))
  }

  @Test func equalLocksHaveNoChanges() {
    let diff = LockDiff(from: LockFixture.lock(), to: LockFixture.lock())
    #expect(diff.isEmpty)
    #expect(diff.lines == [])
    #expect(
      diff.json.rendered() == """
        {
          "closures": [],
          "equal": true,
          "inputs": {
            "added": [],
            "changed": [],
            "removed": []
          }
        }

        """)
  }

  @Test func aClosureOnlyTheNewLockHasIsNew() {
    let diff = LockDiff(from: newer(), to: LockFixture.lock())
    #expect(diff.changes.last?.subject == "recipe app x86_64 build (new)")
    #expect(diff.changes.last?.added.map(\.name) == ["busybox", "make"])
  }
}
