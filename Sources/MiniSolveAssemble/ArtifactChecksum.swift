import Foundation
import MiniSolveUniverse

/// An artifact's expected checksum as a lock records it, and checking bytes against it.
///
/// `sha256:HEX` covers the whole file. apk's `Q1…` (base64 SHA-1) and `Q2…` (base64 SHA-256)
/// cover only the package's control segment; that segment's `.PKGINFO` records `datahash`, the
/// SHA-256 of the data streams, so both are checked and together they cover every byte but
/// the signature, which is not verified.
public enum ArtifactChecksum: Sendable, Equatable {
  case sha256(SHA256Digest)
  case apkControlSHA1([UInt8])
  case apkControlSHA256([UInt8])

  /// The checksum written `text`; the error names the package.
  public init(_ text: String, package: String) throws(AssembleError) {
    if text.hasPrefix("sha256:"), let digest = SHA256Digest(hex: String(text.dropFirst(7))) {
      self = .sha256(digest)
      return
    }
    let base64 = Data(base64Encoded: String(text.dropFirst(2))).map { [UInt8]($0) }
    switch (text.prefix(2), base64?.count) {
    case ("Q1", 20): self = .apkControlSHA1(base64 ?? [])
    case ("Q2", 32): self = .apkControlSHA256(base64 ?? [])
    default:
      throw AssembleError(
        "\(package): checksum '\(text)' is neither sha256:HEX nor an apk Q1/Q2 checksum")
    }
  }

  /// Whether the checksum covers the whole file, so it can be checked before anything is read.
  var coversWholeFile: Bool {
    if case .sha256 = self { return true }
    return false
  }

  /// Checks a whole file's bytes against a `sha256:` checksum.
  func verify(file bytes: [UInt8], package: String, path: String) throws(AssembleError) {
    guard case .sha256(let expected) = self else { return }
    let actual = SHA256.hash(bytes)
    guard actual == expected else {
      throw AssembleError(
        "\(package): \(path) has SHA-256 \(actual.hex), but the lock expects \(expected.hex)")
    }
  }

  /// Checks an apk's control segment against a `Q1`/`Q2` checksum and its data streams
  /// against the control segment's `datahash`.
  func verify(apk: ApkPackage, package: String) throws(AssembleError) {
    let control = Array(apk.controlBytes)
    let matches: Bool
    switch self {
    case .sha256: return
    case .apkControlSHA1(let expected): matches = SHA1.hash(control) == expected
    case .apkControlSHA256(let expected): matches = SHA256.hash(control).bytes == expected
    }
    guard matches else {
      throw AssembleError(
        "\(package): \(apk.file): the control segment does not match the lock's checksum")
    }

    guard let recorded = try apk.packageInfo()["datahash"],
      let expected = SHA256Digest(hex: recorded)
    else {
      throw AssembleError(
        "\(package): \(apk.file): .PKGINFO has no datahash, so the data cannot be verified")
    }
    let actual = apk.dataBytes.withUnsafeBytes { SHA256.hash($0) }
    guard actual == expected else {
      throw AssembleError(
        "\(package): \(apk.file): the data has SHA-256 \(actual.hex), but .PKGINFO's datahash "
          + "is \(expected.hex)")
    }
  }
}
