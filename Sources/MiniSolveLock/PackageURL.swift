/// Package URLs (purl) of locked members: `pkg:apk/NAME@VERSION?arch=ARCH` for apk packages
/// (built from recipes, or read from an `APKINDEX`), `pkg:deb/debian/NAME@VERSION?arch=ARCH`
/// for Debian ones (read from a `Packages` index).
public enum PackageURL {
  public enum Ecosystem: String, Sendable {
    case apk, deb
  }

  /// The member's purl, its parts percent-encoded as the purl specification asks.
  public static func of(_ member: LockedMember) -> String {
    let coordinates = "\(encoded(member.name))@\(encoded(member.version))"
    let arch = "?arch=\(encoded(member.architecture))"
    switch ecosystem(of: member) {
    case .apk: return "pkg:apk/\(coordinates)\(arch)"
    case .deb: return "pkg:deb/debian/\(coordinates)\(arch)"
    }
  }

  /// apk or Debian: recipes yield apk packages; a repository member is told by its index's
  /// file name, else by its architecture's spelling, else by apk's `-rN` release suffix.
  public static func ecosystem(of member: LockedMember) -> Ecosystem {
    if member.originKind == "recipe" { return .apk }
    let file = member.origin.split(separator: "/").last.map(String.init) ?? member.origin
    if file.hasPrefix("APKINDEX") { return .apk }
    if file.hasPrefix("Packages") || file.hasPrefix("Sources") { return .deb }
    if debianOnlyArchitectures.contains(member.architecture) { return .deb }
    if apkOnlyArchitectures.contains(member.architecture) { return .apk }
    return hasApkRelease(member.version) ? .apk : .deb
  }

  private static let debianOnlyArchitectures: Set<String> = [
    "all", "amd64", "arm64", "armel", "i386", "mips64el", "mipsel", "ppc64el",
  ]
  private static let apkOnlyArchitectures: Set<String> = [
    "noarch", "x86_64", "aarch64", "x86", "armv7", "ppc64le",
  ]

  /// Whether a version ends in apk's `-r` and a number (`1.2.3-r4`).
  private static func hasApkRelease(_ version: String) -> Bool {
    let parts = version.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count > 1, let last = parts.last, last.first == "r" else { return false }
    let release = last.dropFirst()
    return !release.isEmpty && release.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// Percent-encodes all but letters, digits, `-._~` and `:`, as packageurl-python does.
  static func encoded(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }
}
