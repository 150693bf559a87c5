@testable import MiniSolveLock

/// An image closure for the SBOM tests: app (a recipe, MIT) pulls in libz (a SHA-256,
/// a licence that is not an SPDX expression), which pulls in musl (an apk checksum only).
enum SBOMFixture {
  static let digest = String(repeating: "AB", count: 32)

  static func subject(created: String? = nil) throws -> SBOMSubject {
    var libz = LockFixture.libz
    libz.checksum = "sha256:\(digest)"
    libz.license = "MIT AND custom"
    var musl = LockFixture.musl
    musl.license = nil
    let lock = LockFixture.lock(
      prod: LockedClosure(roots: ["app"], members: [LockFixture.app, libz, musl]))
    return SBOMSubject(
      selection: try lock.closure(image: "web"), lock: lock, toolVersion: "9.9.9",
      created: created)
  }
}
