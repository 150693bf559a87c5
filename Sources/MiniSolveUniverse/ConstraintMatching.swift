/// Which versions, architectures and build profiles a constraint lets through.
extension Constraint {
  /// Whether `version` (nil: an unversioned provide) is within the bound, `isConflict` aside.
  public func matches(_ version: String?, scheme: VersionScheme) -> Bool {
    if relation == .any { return true }
    guard let version else { return false }
    if relation == .prefix {
      switch scheme {
      case .apk: return ApkVersion.hasPrefix(version, self.version)
      case .debian: return Self.debianHasPrefix(version, self.version)
      }
    }

    let order = scheme.compare(version, self.version)
    switch relation {
    case .less: return order < 0
    case .lessEqual: return order <= 0
    case .equal: return order == 0
    case .greaterEqual: return order >= 0
    case .greater: return order > 0
    case .any, .prefix: return true
    }
  }

  /// Whether the `[...]` restriction lets the relation count on `architecture` (Dpkg::Arch rules).
  public func appliesTo(architecture: String) -> Bool {
    guard !architectures.isEmpty else { return true }
    // A negated entry that does not match lets every other architecture through.
    var included = false
    for entry in architectures {
      let pattern = entry.lowercased()
      if pattern.hasPrefix("!") {
        if DebianArchitecture.matches(architecture, pattern: String(pattern.dropFirst())) {
          return false
        }
        included = true
      } else if DebianArchitecture.matches(architecture, pattern: pattern) {
        return true
      }
    }
    return included
  }

  /// Whether the `<...>` restriction lets the relation count with the `active` build profiles.
  public func appliesTo(profiles active: Set<String>) -> Bool {
    guard !profiles.isEmpty else { return true }
    return profiles.contains { terms in
      terms.allSatisfy { term in
        term.hasPrefix("!") ? !active.contains(String(term.dropFirst())) : active.contains(term)
      }
    }
  }

  /// Debian has no `~` relation; this one reads it as apk does: equal, or going on with a new part.
  private static func debianHasPrefix(_ version: String, _ prefix: String) -> Bool {
    if DebianVersion.compare(version, prefix) == 0 { return true }
    return ApkVersion.withBytes(version) { text in
      ApkVersion.withBytes(prefix) { start in
        guard let last = start.last, text.count > start.count,
          text.prefix(start.count).elementsEqual(start)
        else { return false }
        let next = text[start.count]
        if DebianVersion.isDigit(last) { return !DebianVersion.isDigit(next) }
        return !(isLetter(last) && isLetter(next))
      }
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    DebianVersionParts.isAlphanumeric(byte) && !DebianVersion.isDigit(byte)
  }
}
