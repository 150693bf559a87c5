/// Collects packages into a `PackageSet`, interning every string once.
public struct PackageSetBuilder: Sendable {
  private var building = PackageSet()

  public init() {}

  /// How many packages have been added.
  public var count: Int { building.packages.count }

  /// Adds a package with its relations; returns its id.
  @discardableResult
  public mutating func add(_ draft: PackageDraft) -> Int32 {
    var record = PackageRecord(
      name: building.strings.intern(draft.name), version: building.strings.intern(draft.version),
      architecture: building.strings.intern(draft.architecture),
      file: building.strings.intern(draft.file),
      line: Int32(clamping: draft.line), scheme: draft.scheme)
    record.column = Int32(clamping: draft.column)
    record.kind = draft.kind
    record.source = internOptional(draft.source)
    record.providerPriority = Int32(clamping: draft.providerPriority)
    record.replacesPriority = Int32(clamping: draft.replacesPriority)
    record.checksum = internOptional(draft.checksum)
    record.location = internOptional(draft.location)
    record.license = internOptional(draft.license)
    record.size = draft.size
    record.essential = draft.essential
    record.multiArch = draft.multiArch
    record.firstGroup = Int32(building.groups.count)
    record.groupCount = Int32(draft.relations.count)

    for relation in draft.relations {
      building.groups.append(
        RelationGroup(
          firstAlternative: Int32(building.alternatives.count),
          alternativeCount: Int32(relation.alternatives.count), kind: relation.kind))
      for constraint in relation.alternatives {
        building.alternatives.append(
          constraintRecord(constraint, relation: relation, of: draft))
      }
    }
    building.packages.append(record)
    return Int32(building.packages.count - 1)
  }

  /// Adds every package of another set (a cached file's packages, when merging a universe).
  public mutating func add(contentsOf other: PackageSet) {
    var map = [Int32](repeating: -1, count: other.strings.count)
    func remap(_ id: Int32) -> Int32 {
      guard id >= 0 else { return -1 }
      if map[Int(id)] < 0 { map[Int(id)] = building.strings.intern(other.strings[id]) }
      return map[Int(id)]
    }

    let groupBase = Int32(building.groups.count)
    let alternativeBase = Int32(building.alternatives.count)
    for var record in other.packages {
      record.name = remap(record.name)
      record.version = remap(record.version)
      record.architecture = remap(record.architecture)
      record.source = remap(record.source)
      record.file = remap(record.file)
      record.checksum = remap(record.checksum)
      record.location = remap(record.location)
      record.license = remap(record.license)
      record.firstGroup += groupBase
      building.packages.append(record)
    }
    for var group in other.groups {
      group.firstAlternative += alternativeBase
      building.groups.append(group)
    }
    for var alternative in other.alternatives {
      alternative.name = remap(alternative.name)
      alternative.version = remap(alternative.version)
      alternative.tag = remap(alternative.tag)
      alternative.restrictions = remap(alternative.restrictions)
      alternative.file = remap(alternative.file)
      building.alternatives.append(alternative)
    }
  }

  /// The finished set, with its indexes.
  public consuming func finish() -> PackageSet {
    building.buildIndexes()
    return building
  }

  private mutating func internOptional(_ text: String?) -> Int32 {
    guard let text else { return -1 }
    return building.strings.intern(text)
  }

  private mutating func constraintRecord(
    _ constraint: Constraint, relation: PackageDraft.Relation, of draft: PackageDraft
  ) -> ConstraintRecord {
    let scheme = draft.scheme
    var record = ConstraintRecord(name: building.strings.intern(constraint.name))
    if constraint.relation != .any { record.version = building.strings.intern(constraint.version) }
    record.relation = constraint.relation
    record.isConflict = constraint.isConflict
    record.tag = internOptional(scheme == .apk ? constraint.pin : constraint.qualifier)
    if !constraint.architectures.isEmpty || !constraint.profiles.isEmpty {
      record.restrictions = building.strings.intern(Self.restrictions(of: constraint))
    }
    if let file = relation.file, file != draft.file { record.file = building.strings.intern(file) }
    record.line = Int32(clamping: relation.line)
    record.column = Int32(clamping: relation.column)
    return record
  }

  /// Debian's restriction suffix as written: `[amd64 !i386] <!nocheck> <stage1>`.
  static func restrictions(of constraint: Constraint) -> String {
    var parts: [String] = []
    if !constraint.architectures.isEmpty {
      parts.append("[" + constraint.architectures.joined(separator: " ") + "]")
    }
    for list in constraint.profiles { parts.append("<" + list.joined(separator: " ") + ">") }
    return parts.joined(separator: " ")
  }
}
