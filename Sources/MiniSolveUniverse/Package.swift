/// A package of a set with its strings and relations spelled out: for `show`, tests and reports.
/// The solver works on `PackageRecord` ids instead.
public struct Package: Sendable {
  public var id: Int32
  public var draft: PackageDraft

  public var name: String { draft.name }
  public var version: String { draft.version }
  public var architecture: String { draft.architecture }
  /// `file:line` (and `:column` when known) where the package was read.
  public var site: String {
    draft.column > 0 ? "\(draft.file):\(draft.line):\(draft.column)" : "\(draft.file):\(draft.line)"
  }

  /// Where a relation was declared: `file:line[:column]`.
  public func site(of relation: PackageDraft.Relation) -> String {
    let place = "\(relation.file ?? draft.file):\(relation.line)"
    return relation.column > 0 ? place + ":\(relation.column)" : place
  }

  /// The relations of one kind, each a list of alternatives.
  public func relations(_ kind: RelationKind) -> [[Constraint]] {
    draft.relations.filter { $0.kind == kind }.map(\.alternatives)
  }
}

extension PackageSet {
  /// The package with the given id, spelled out.
  public func package(_ id: Int32) -> Package {
    let record = packages[Int(id)]
    var draft = PackageDraft(
      name: strings[record.name], version: strings[record.version],
      architecture: strings[record.architecture], scheme: record.scheme,
      file: strings[record.file], line: Int(record.line))
    draft.column = Int(record.column)
    draft.kind = record.kind
    draft.source = string(record.source)
    draft.providerPriority = Int(record.providerPriority)
    draft.replacesPriority = Int(record.replacesPriority)
    draft.checksum = string(record.checksum)
    draft.location = string(record.location)
    draft.license = string(record.license)
    draft.size = record.size
    draft.essential = record.essential
    draft.multiArch = record.multiArch
    for group in groups(of: id) {
      let first = alternatives(of: group).first
      draft.relations.append(
        PackageDraft.Relation(
          group.kind, alternatives(of: group).map { constraint($0, scheme: record.scheme) },
          line: Int(first?.line ?? 0), column: Int(first?.column ?? 0),
          file: first.flatMap { string($0.file) }))
    }
    return Package(id: id, draft: draft)
  }

  /// A stored constraint as a `Constraint`.
  public func constraint(_ record: ConstraintRecord, scheme: VersionScheme) -> Constraint {
    var constraint = Constraint(
      name: strings[record.name], relation: record.relation, version: string(record.version) ?? "")
    constraint.isConflict = record.isConflict
    switch scheme {
    case .apk: constraint.pin = string(record.tag)
    case .debian: constraint.qualifier = string(record.tag)
    }
    if let text = string(record.restrictions),
      let parsed = try? Constraint.debianRelations("x " + text).first?.first
    {
      constraint.architectures = parsed.architectures
      constraint.profiles = parsed.profiles
    }
    return constraint
  }
}
