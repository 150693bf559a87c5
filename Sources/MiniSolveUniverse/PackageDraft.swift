/// A package as a reader or the recipe layer describes it, before it is added to a set.
public struct PackageDraft: Sendable {
  /// One relation with the place it was declared.
  public struct Relation: Sendable {
    public var kind: RelationKind
    /// Alternatives, any one of which satisfies the relation.
    public var alternatives: [Constraint]
    public var line: Int
    public var column: Int
    /// The file it was declared in when not the package's own (a pipeline's `needs`).
    public var file: String?

    public init(
      _ kind: RelationKind, _ alternatives: [Constraint], line: Int, column: Int = 0,
      file: String? = nil
    ) {
      self.kind = kind
      self.alternatives = alternatives
      self.line = line
      self.column = column
      self.file = file
    }
  }

  public var name: String
  public var version: String
  public var architecture: String
  public var scheme: VersionScheme
  public var kind: PackageKind = .binary
  public var source: String?
  public var file: String
  public var line: Int
  public var column: Int = 0
  public var providerPriority = 0
  public var replacesPriority = 0
  public var checksum: String?
  public var location: String?
  public var license: String?
  public var size: Int64 = -1
  public var essential = false
  public var multiArch: MultiArch = .none
  public var relations: [Relation] = []

  public init(
    name: String, version: String, architecture: String, scheme: VersionScheme,
    file: String, line: Int
  ) {
    self.name = name
    self.version = version
    self.architecture = architecture
    self.scheme = scheme
    self.file = file
    self.line = line
  }
}
