import Testing

@testable import MiniSolveRecipe

@Suite struct ArchitectureTests {
  @Test func findsByApkName() throws {
    let x86 = try #require(Architecture.named("x86_64"))
    #expect(
      x86.name == "x86_64" && x86.goName == "amd64"
        && x86.gnuTriplet("gnu") == "x86_64-pc-linux-gnu")
    let arm = try #require(Architecture.named("aarch64"))
    #expect(
      arm.name == "aarch64" && arm.goName == "arm64"
        && arm.gnuTriplet("gnu") == "aarch64-unknown-linux-gnu")
  }

  @Test func findsByGoName() {
    #expect(Architecture.named("amd64")?.name == "x86_64")
    #expect(Architecture.named("arm64")?.name == "aarch64")
    #expect(Architecture.named("386")?.name == "x86")
    #expect(Architecture.named("loong64")?.name == "loongarch64")
  }

  @Test func unknownNamesAreNil() {
    #expect(Architecture.named("sparc") == nil)
    #expect(Architecture.named("") == nil)
    #expect(Architecture.named("X86_64") == nil)
  }

  @Test func knownNamesAreUniqueAndX86_64IsFirst() {
    let names = Architecture.known.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(Set(Architecture.known.map(\.goName)).count == names.count)
    #expect(names.first == "x86_64")
  }

  @Test func x86_64Substitutions() throws {
    let names = try #require(Architecture.named("x86_64")).substitutions
    #expect(
      names == [
        "build.arch": "x86_64",
        "build.goarch": "amd64",
        "host.triplet.gnu": "x86_64-pc-linux-gnu",
        "host.triplet.rust": "x86_64-unknown-linux-gnu",
        "cross.triplet.gnu.glibc": "x86_64-pc-linux-gnu",
        "cross.triplet.gnu.musl": "x86_64-pc-linux-musl",
        "cross.triplet.rust.glibc": "x86_64-unknown-linux-gnu",
        "cross.triplet.rust.musl": "x86_64-unknown-linux-musl",
      ])
  }

  @Test func aarch64Substitutions() throws {
    // melange takes these from apko's ToTriplet and ToRustTriplet: aarch64 is "unknown".
    let names = try #require(Architecture.named("aarch64")).substitutions
    #expect(
      names == [
        "build.arch": "aarch64",
        "build.goarch": "arm64",
        "host.triplet.gnu": "aarch64-unknown-linux-gnu",
        "host.triplet.rust": "aarch64-unknown-linux-gnu",
        "cross.triplet.gnu.glibc": "aarch64-unknown-linux-gnu",
        "cross.triplet.gnu.musl": "aarch64-unknown-linux-musl",
        "cross.triplet.rust.glibc": "aarch64-unknown-linux-gnu",
        "cross.triplet.rust.musl": "aarch64-unknown-linux-musl",
      ])
  }

  @Test func hostOptionsUseAKnownArchitecture() {
    let host = CompileOptions.host
    #expect(["x86_64", "aarch64"].contains(host.architecture.name))
    #expect(host.buildOptions.isEmpty)
  }
}
