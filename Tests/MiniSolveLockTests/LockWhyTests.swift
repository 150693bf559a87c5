import MiniSolveYAML
import Testing

@testable import MiniSolveLock

@Suite struct LockWhyTests {
  @Test func theChainRunsFromTheRootToThePackage() throws {
    let lock = LockFixture.lock()
    let why = try LockWhy(package: "musl", in: try lock.closure(image: "web"), lock: lock)
    #expect(
      why.lines == [
        "app (root, images/web.yaml:3:7)",
        "libz  <- app needs so:libz.so.1 (recipes/app.yaml:10:9)",
        "musl  <- libz needs so:libc.musl-x86_64.so.1 (repo/APKINDEX:12:3)",
      ])
    #expect(
      why.json.rendered() == """
        {
          "architecture": "x86_64",
          "chain": [
            {
              "declared_at": "images/web.yaml:3:7",
              "name": "app",
              "parent": null,
              "requirement": "app",
              "version": "1.0-r0"
            },
            {
              "declared_at": "recipes/app.yaml:10:9",
              "name": "libz",
              "parent": "app",
              "requirement": "so:libz.so.1",
              "version": "1.3.1-r0"
            },
            {
              "declared_at": "repo/APKINDEX:12:3",
              "name": "musl",
              "parent": "libz",
              "requirement": "so:libc.musl-x86_64.so.1",
              "version": "1.2.5-r1"
            }
          ],
          "image": "web",
          "package": "musl",
          "variant": "prod"
        }

        """)
  }

  @Test func aRootIsItsOwnChainAndNamesARequirementThatIsNotItsName() throws {
    var root = LockFixture.app
    root.requirement = "app>=1.0"
    root.declaredAt = nil
    let closure = LockedClosure(roots: ["app>=1.0"], members: [root])
    let lock = LockFixture.lock(prod: closure)
    let why = try LockWhy(package: "app", in: try lock.closure(image: "web"), lock: lock)
    #expect(why.lines == ["app (root app>=1.0)"])
  }

  @Test func aBuildChainStartsAtTheRecipe() throws {
    let lock = LockFixture.lock()
    let why = try LockWhy(package: "make", in: try lock.buildClosure(recipe: "app"), lock: lock)
    #expect(
      why.lines == [
        "app (recipe, recipes/app.yaml)",
        "make  <- app needs make (recipes/app.yaml:15:9)",
      ])
    #expect(why.json["recipe"] == .string("app"))
    #expect(why.json["variant"] == .string("build"))
  }

  @Test func anUnknownPackageIsAnErrorNamingWhereItIs() throws {
    let lock = LockFixture.lock()
    let prod = try lock.closure(image: "web")
    #expect(
      throws: LockQueryError(
        "image web (prod, x86_64): no package 'busybox' (there are: app, libz, musl); it is in "
          + "image web (dev, x86_64), recipe app (build, x86_64)")
    ) {
      try LockWhy(package: "busybox", in: prod, lock: lock)
    }
    #expect(
      throws: LockQueryError("image web (prod, x86_64): no package 'muls'; did you mean 'musl'?")
    ) {
      try LockWhy(package: "muls", in: prod, lock: lock)
    }
  }

  @Test func brokenEdgesAreReportedNotFollowedForever() throws {
    var orphan = LockFixture.libz
    orphan.parent = "ghost"
    let lock = LockFixture.lock(prod: LockedClosure(roots: ["app"], members: [orphan]))
    #expect(
      throws: LockQueryError(
        "image web (prod, x86_64): libz was pulled in by 'ghost', which is not a member: the "
          + "lock is inconsistent; run minisolve lock")
    ) {
      try LockWhy(package: "libz", in: try lock.closure(image: "web"), lock: lock)
    }
    var first = LockFixture.libz
    first.parent = "musl"
    let looped = LockFixture.lock(
      prod: LockedClosure(roots: ["app"], members: [first, LockFixture.musl]))
    #expect(
      throws: LockQueryError(
        "image web (prod, x86_64): the edges above musl form a loop through musl: the lock is "
          + "inconsistent; run minisolve lock")
    ) {
      try LockWhy(package: "musl", in: try looped.closure(image: "web"), lock: looped)
    }
  }
}
