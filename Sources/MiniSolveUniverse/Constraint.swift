/// How a constraint bounds a version.
public enum VersionRelation: UInt8, Sendable, Hashable {
  case any = 0
  case less, lessEqual, equal, greaterEqual, greater
  /// apk's `~` and `=~`: the version starts with the given one, part by part.
  case prefix
}

/// A package name plus an optional version bound, as a dependency, provide or conflict names it.
public struct Constraint: Hashable, Sendable {
  public var name: String
  public var relation: VersionRelation = .any
  public var version: String = ""
  /// apk's `!name`: the named package must not be installed.
  public var isConflict = false
  /// apk's `@tag`: only packages of the repository tagged so.
  public var pin: String?
  /// Debian's `:any` or `:native`.
  public var qualifier: String?
  /// Debian's `[amd64 !i386]` restriction, each entry as written (with `!` when negated).
  public var architectures: [String] = []
  /// Debian's `<!nocheck> <stage1 cross>`: any one of the lists, all terms of it.
  public var profiles: [[String]] = []

  public init(name: String, relation: VersionRelation = .any, version: String = "") {
    self.name = name
    self.relation = relation
    self.version = version
  }

  /// The constraint as `scheme` writes it, e.g. `!name@tag>=1.2` or `name:any (>= 1.2) [amd64]`.
  public func rendered(_ scheme: VersionScheme) -> String {
    switch scheme {
    case .apk: renderedApk()
    case .debian: renderedDebian()
    }
  }
}

extension Constraint {
  /// The constraint restricted to the given architectures (`[amd64 !i386]` entries).
  public func with(architectures: [String]) -> Constraint {
    var restricted = self
    restricted.architectures = architectures
    return restricted
  }
}
