import MiniSolveUniverse

/// What an SBOM describes (one locked closure) and what names and dates its document. The
/// same lock gives the same document: its name is derived from the lock's SHA-256, and it
/// carries no clock time unless one is given.
public struct SBOMSubject: Sendable, Equatable {
  /// The date SPDX's required `created` holds when no time is given.
  public static let fixedCreated = "1970-01-01T00:00:00Z"

  public var selection: SelectedClosure
  /// The SHA-256 (hex) of the lock's text.
  public var lockDigest: String
  public var toolVersion: String
  /// When the document was made (`2025-01-31T12:00:00Z`); nil for none.
  public var created: String?

  public init(selection: SelectedClosure, lock: Lock, toolVersion: String, created: String?) {
    self.selection = selection
    lockDigest = SHA256.hash(Array(lock.rendered().utf8)).hex
    self.toolVersion = toolVersion
    self.created = created
  }

  /// A SHA-256 (hex) naming one document: of the lock, the closure, the format and the time.
  func documentDigest(format: String) -> String {
    let parts = [
      "minisolve-sbom", format, lockDigest, selection.kind, selection.name, selection.variant,
      selection.architecture, created ?? "",
    ]
    return SHA256.hash(Array(parts.joined(separator: "\u{0}").utf8)).hex
  }

  // TODO(limit): the lock keeps one edge per member, the one that pulled it in, so SBOM
  // dependencies form that tree: a dependency met by a member pulled in earlier is not listed.
  /// The members in the closure's order, each with the names of the members it pulled in.
  var children: [String: [String]] {
    var children: [String: [String]] = [:]
    for member in selection.closure.members where !selection.isTop(member) {
      if let parent = member.parent { children[parent, default: []].append(member.name) }
    }
    return children.mapValues { sortedNames($0) }
  }

  /// The members the image or recipe asked for itself.
  var tops: [LockedMember] { selection.closure.members.filter(selection.isTop) }

  /// The member's declared licence; nil when it has none or a blank one.
  static func license(of member: LockedMember) -> String? {
    guard let license = member.license, license.contains(where: { !$0.isWhitespace }) else {
      return nil
    }
    return license
  }

  /// The hex digest of a `sha256:` checksum, lower-cased; nil for any other kind (apk's `Q1`).
  static func sha256(of member: LockedMember) -> String? {
    guard let checksum = member.checksum, checksum.lowercased().hasPrefix("sha256:") else {
      return nil
    }
    let hex = checksum.dropFirst("sha256:".count).lowercased()
    let isHex = hex.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    return hex.utf8.count == 64 && isHex ? hex : nil
  }
}
