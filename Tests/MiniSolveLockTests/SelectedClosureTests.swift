import Testing

@testable import MiniSolveLock

@Suite struct SelectedClosureTests {
  @Test func anImageVariantIsChosenByNameVariantAndArchitecture() throws {
    let lock = LockFixture.lock()
    let prod = try lock.closure(image: "web")
    #expect(prod.title == "image web (prod, x86_64)")
    #expect(prod.closure == LockFixture.prod)
    #expect(prod.file == "images/web.yaml")
    let dev = try lock.closure(image: "web", variant: "dev", architecture: "amd64")
    #expect(dev.title == "image web (dev, x86_64)")
    #expect(dev.closure == LockFixture.dev)
  }

  @Test func unknownNamesAreErrorsWithTheNearestName() {
    let lock = LockFixture.lock()
    #expect(throws: LockQueryError("no image 'wbe'; did you mean 'web'?")) {
      try lock.closure(image: "wbe")
    }
    #expect(throws: LockQueryError("no image 'database' (there are: web)")) {
      try lock.closure(image: "database")
    }
    #expect(throws: LockQueryError("no variant 'prd'; did you mean 'prod'?")) {
      try lock.closure(image: "web", variant: "prd")
    }
    #expect(throws: LockQueryError("image web is not locked for aarch64 (locked: x86_64)")) {
      try lock.closure(image: "web", architecture: "aarch64")
    }
    // A misspelt architecture is told apart from one not locked (a new user met the latter).
    #expect(
      throws: LockQueryError("unknown architecture 'x86-64'; did you mean 'x86_64'?")
    ) {
      try lock.closure(image: "web", architecture: "x86-64")
    }
    #expect(throws: LockQueryError("no recipe 'ap'; did you mean 'app'?")) {
      try lock.buildClosure(recipe: "ap")
    }
  }

  @Test func theDefaultArchitectureIsTheOnlyOneElseX86() throws {
    #expect(try Lock.architecture(nil, among: ["aarch64"], of: "image a") == "aarch64")
    #expect(try Lock.architecture(nil, among: ["aarch64", "x86_64"], of: "image a") == "x86_64")
    #expect(
      throws: LockQueryError("image a is locked for aarch64, riscv64; choose one with --arch")
    ) {
      try Lock.architecture(nil, among: ["riscv64", "aarch64"], of: "image a")
    }
  }

  @Test func theTopOfABuildClosureIsTheRecipe() throws {
    let build = try LockFixture.lock().buildClosure(recipe: "app")
    #expect(build.title == "recipe app (build, x86_64)")
    #expect(build.closure.members.allSatisfy(build.isTop))
    let prod = try LockFixture.lock().closure(image: "web")
    #expect(prod.closure.members.map(prod.isTop) == [true, false, false])
  }
}
