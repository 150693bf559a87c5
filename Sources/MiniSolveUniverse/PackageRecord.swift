/// Whether a record is an installable binary package or a source package that builds some.
public enum PackageKind: UInt8, Sendable, BitwiseCopyable {
  case binary = 0
  case source = 1
}

/// Debian's Multi-Arch field.
public enum MultiArch: UInt8, Sendable, BitwiseCopyable {
  case none = 0
  case same, foreign, allowed

  /// The field's value as Debian spells it, or nil for `none`.
  public var fieldValue: String? {
    switch self {
    case .none: nil
    case .same: "same"
    case .foreign: "foreign"
    case .allowed: "allowed"
    }
  }
}

/// One package, flat: every string is an id in its set's `StringTable`, -1 where absent.
public struct PackageRecord: Sendable, BitwiseCopyable {
  public var name: Int32
  public var version: Int32
  public var architecture: Int32
  /// The source package: Debian's `Source:`, apk's origin, or the recipe's name.
  public var source: Int32 = -1
  /// The file the package was read from, and where in it (the stanza, or the package's name).
  public var file: Int32
  public var line: Int32
  public var column: Int32 = 0
  /// apk's `provider_priority`, or a recipe's `provider-priority`; 0 when unset.
  public var providerPriority: Int32 = 0
  /// apk's `replaces_priority`: which of two packages replacing each other's files wins.
  public var replacesPriority: Int32 = 0
  /// The artifact's checksum as the index gives it (`sha256:…`, or apk's `Q1…`).
  public var checksum: Int32 = -1
  /// The artifact's path relative to the repository (`Filename:`), when the index gives one.
  public var location: Int32 = -1
  /// The licence expression (apk's `L:`, a recipe's copyright licences joined by AND).
  public var license: Int32 = -1
  public var size: Int64 = -1
  /// The package's relation groups: `groups[firstGroup ..< firstGroup + groupCount]`.
  public var firstGroup: Int32 = 0
  public var groupCount: Int32 = 0
  public var scheme: VersionScheme
  public var kind: PackageKind = .binary
  public var essential = false
  public var multiArch: MultiArch = .none
}

/// One relation of a package: a list of alternatives, any one of which satisfies it (a single
/// constraint for provides, conflicts, breaks and replaces).
public struct RelationGroup: Sendable, BitwiseCopyable {
  public var firstAlternative: Int32
  public var alternativeCount: Int32
  public var kind: RelationKind
}

/// A constraint, flat; see `Constraint` for the meaning of each part.
public struct ConstraintRecord: Sendable, BitwiseCopyable {
  public var name: Int32
  public var version: Int32 = -1
  /// apk's `@tag` pin, or Debian's `:any`/`:native` qualifier.
  public var tag: Int32 = -1
  /// Debian's architecture and profile restrictions as written, e.g. `[amd64] <!nocheck>`.
  public var restrictions: Int32 = -1
  /// Where the constraint was declared: a file when not the package's own, line and column.
  public var file: Int32 = -1
  public var line: Int32 = 0
  public var column: Int32 = 0
  public var relation: VersionRelation = .any
  public var isConflict = false
}

extension VersionRelation: BitwiseCopyable {}
