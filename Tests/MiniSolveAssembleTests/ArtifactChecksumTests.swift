import MiniSolveUniverse
import Testing

@testable import MiniSolveAssemble

@Suite struct ArtifactChecksumTests {
  private let limits = ArtifactLimits()

  @Test func forms() throws {
    let hex = String(repeating: "ab", count: 32)
    #expect(try ArtifactChecksum("sha256:" + hex, package: "p") == .sha256(SHA256Digest(hex: hex)!))
    let q1 = try ArtifactChecksum("Q1" + "AAECAwQFBgcICQoLDA0ODxAREhM=", package: "p")
    #expect(q1 == .apkControlSHA1(Array(0..<20)))
    for bad in ["sha256:abc", "md5:00", "Q1AAAA", "Q2!!", ""] {
      #expect(throws: AssembleError.self) { try ArtifactChecksum(bad, package: "p") }
    }
  }

  @Test func wholeFileSHA256() throws {
    let bytes = Array("package bytes".utf8)
    let right = try ArtifactChecksum(Fixture.sha256(bytes), package: "p 1")
    try right.verify(file: bytes, package: "p 1", path: "p.deb")

    let wrong = try ArtifactChecksum(Fixture.sha256([]), package: "p 1")
    #expect(
      throws: AssembleError(
        "p 1: p.deb has SHA-256 \(SHA256.hash(bytes).hex), but the lock expects "
          + SHA256.hash([]).hex)
    ) {
      try wrong.verify(file: bytes, package: "p 1", path: "p.deb")
    }
  }

  @Test func apkControlThenDataHash() throws {
    let apk = try Fixture.apk([.file("etc/motd", "hi\n")])
    let package = try ApkPackage(apk.bytes, file: "m.apk", limits: limits)
    try ArtifactChecksum(apk.q1, package: "m").verify(apk: package, package: "m")

    let other = try Fixture.apk([.file("etc/motd", "bye\n")])
    #expect(
      throws: AssembleError("m: m.apk: the control segment does not match the lock's checksum")
    ) {
      try ArtifactChecksum(other.q1, package: "m").verify(apk: package, package: "m")
    }

    // The same control segment in front of other data: the data hash catches it.
    var tampered = apk.bytes
    tampered.replaceSubrange(
      package.dataBytes.startIndex..<tampered.endIndex,
      with: try Zlib.gzip(Fixture.tar([.file("etc/motd", "evil\n")])))
    let swapped = try ApkPackage(tampered, file: "m.apk", limits: limits)
    let error = #expect(throws: AssembleError.self) {
      try ArtifactChecksum(apk.q1, package: "m").verify(apk: swapped, package: "m")
    }
    #expect(error?.message.hasPrefix("m: m.apk: the data has SHA-256 ") == true)
  }

  @Test func apkWithoutDataHashCannotBeVerified() throws {
    let apk = try Fixture.apk([.file("etc/motd", "hi\n")], datahash: false)
    let package = try ApkPackage(apk.bytes, file: "m.apk", limits: limits)
    #expect(
      throws: AssembleError("m: m.apk: .PKGINFO has no datahash, so the data cannot be verified")
    ) {
      try ArtifactChecksum(apk.q1, package: "m").verify(apk: package, package: "m")
    }
  }
}
