import Testing

@testable import MiniSolveLock

@Suite struct LockDiffLinesTests {
  @Test func sameLocksDifferInNothing() {
    let diff = LockDiff(from: sampleLock(), to: sampleLock())
    #expect(diff.isEmpty)
    #expect(diff.lines.isEmpty)
  }

  @Test func versionsInputsAndClosuresAreListedInOrder() {
    let hash = String(repeating: "a", count: 64)
    let old = sampleLock(files: ["recipes/app.yaml": hash, "images/old.yaml": hash])
    var new = sampleLock(
      appVersion: "2.1-r0",
      files: ["recipes/app.yaml": String(repeating: "c", count: 64), "images/new.yaml": hash])
    new.inputs.builtinPipelines = String(repeating: "d", count: 64)
    var extra = LockedMember(
      name: "busybox", version: "1.37.0-r0", architecture: "x86_64", originKind: "repository",
      origin: "repo/APKINDEX:1", requirement: "busybox")
    extra.parent = nil
    new.images["app"]?.closures["x86_64"]?["dev"]?.members.insert(extra, at: 0)
    new.recipes["app"]?.build["x86_64"]?.members = []
    new.recipes["lib"] = LockedRecipe(
      name: "lib", file: "recipes/lib.yaml",
      build: ["x86_64": LockedClosure(roots: [], members: [])])

    #expect(
      LockDiff(from: old, to: new).lines == [
        "inputs:",
        "  + images/new.yaml",
        "  - images/old.yaml",
        "  ~ recipes/app.yaml",
        "  ~ <minisolve's built-in pipelines>",
        "image app x86_64 dev:",
        "  + busybox 1.37.0-r0",
        "  ~ app 2.0-r0 -> 2.1-r0",
        "image app x86_64 prod:",
        "  ~ app 2.0-r0 -> 2.1-r0",
        "recipe app x86_64 build:",
        "  - zlib 1.3-r0",
        "recipe lib x86_64 build (new):",
      ])
    #expect(
      LockDiff(from: new, to: old).lines.suffix(1) == ["recipe lib x86_64 build (gone):"])
  }
}
