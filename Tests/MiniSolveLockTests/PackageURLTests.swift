import Testing

@testable import MiniSolveLock

@Suite struct PackageURLTests {
  @Test func apkPackagesFromRecipesAndAPKINDEX() {
    #expect(PackageURL.of(LockFixture.app) == "pkg:apk/app@1.0-r0?arch=x86_64")
    #expect(
      PackageURL.of(member("py3.12-foo_bar", "1.0_rc1-r0", origin: "../repo/APKINDEX.tar.gz:7"))
        == "pkg:apk/py3.12-foo_bar@1.0_rc1-r0?arch=x86_64")
  }

  @Test func debianPackagesEncodedAsPackageurlPythonEncodesThem() {
    let stdcxx = member(
      "libstdc++6", "1:12.2.0+dfsg-14~bpo1", origin: "debian/Packages.xz:1200",
      architecture: "amd64")
    #expect(
      PackageURL.of(stdcxx) == "pkg:deb/debian/libstdc%2B%2B6@1:12.2.0%2Bdfsg-14~bpo1?arch=amd64")
  }

  @Test func withoutAKnownFileTheArchitectureThenTheVersionDecides() {
    #expect(PackageURL.ecosystem(of: member("a", "1", origin: "x:1", architecture: "all")) == .deb)
    #expect(
      PackageURL.ecosystem(of: member("a", "1", origin: "x:1", architecture: "aarch64")) == .apk)
    #expect(
      PackageURL.ecosystem(of: member("a", "1.0-r3", origin: "x:1", architecture: "s390x"))
        == .apk)
    #expect(
      PackageURL.ecosystem(of: member("a", "1.0-3", origin: "x:1", architecture: "s390x"))
        == .deb)
  }

  @Test func encodingKeepsUnreservedCharactersAndColons() {
    #expect(PackageURL.encoded("a-b.c_d~e:f") == "a-b.c_d~e:f")
    #expect(PackageURL.encoded("a+b c/d@é") == "a%2Bb%20c%2Fd%40%C3%A9")
  }
}
