import MiniSolveUniverse
import Testing

@testable import MiniSolveAssemble

@Suite struct ApkPackageTests {
  private let limits = ArtifactLimits()
  private let tree: [RawEntry] = [
    .folder("usr/"), .folder("usr/bin/"), .file("usr/bin/hello", "hello\n", mode: 0o755),
  ]

  @Test(arguments: [true, false])
  func segmentsAreFoundSignedOrNot(_ signed: Bool) throws {
    let apk = try Fixture.apk(tree, signed: signed, scripts: [".post-install", ".trigger"])
    let package = try ApkPackage(apk.bytes, file: "hello.apk", limits: limits)
    let contents = try package.contents(limits: limits)

    #expect(contents.entries.map(\.path) == ["usr", "usr/bin", "usr/bin/hello"])
    #expect(contents.entries[2].mode == 0o755)
    #expect(contents.maintainerScripts == [".post-install", ".trigger"])
    #expect(try package.packageInfo()["pkgname"] == "fixture")
    #expect(package.dataBytes.last == apk.bytes.last)
  }

  @Test func dataSpanningSeveralStreamsIsJoined() throws {
    let control = try Zlib.gzip(Fixture.tar([.file(".PKGINFO", "pkgname = split\n")], cut: true))
    let data = Fixture.tar(tree)
    let bytes =
      try control + Zlib.gzip(Array(data.prefix(700))) + Zlib.gzip(Array(data.dropFirst(700)))
    let package = try ApkPackage(bytes, file: "split.apk", limits: limits)

    #expect(try package.contents(limits: limits).entries.count == 3)
    #expect(package.dataBytes.count == bytes.count - control.count)
  }

  @Test func notAnApk() throws {
    let stream = try Zlib.gzip(Fixture.tar([.file("README", "x")]))
    #expect(
      throws: AssembleError(
        "x.apk: not an apk package (no gzip stream with .PKGINFO after the signature)")
    ) {
      try ApkPackage(stream, file: "x.apk", limits: limits)
    }
  }
}
