/// Packages in flat arrays with their relations and indexes by name and by provided name: what a
/// reader yields for one file, and, merged, the universe the solver chooses from.
public struct PackageSet: Sendable {
  public internal(set) var strings = StringTable()
  public internal(set) var packages: [PackageRecord] = []
  public internal(set) var groups: [RelationGroup] = []
  public internal(set) var alternatives: [ConstraintRecord] = []
  /// Packages by name id: `nameMembers[nameStarts[id] ..< nameStarts[id + 1]]`.
  var nameStarts: [Int32] = [0]
  var nameMembers: [Int32] = []
  /// Binary packages that provide a name id (not counting their own name), likewise.
  var providerStarts: [Int32] = [0]
  var providerMembers: [Int32] = []

  public init() {}

  /// The packages whose own name is `name`, in the order they were added.
  public func packages(named name: String) -> ArraySlice<Int32> {
    guard let id = strings.id(of: name) else { return [] }
    return packages(namedID: id)
  }

  /// The packages whose own name has the given string id.
  public func packages(namedID id: Int32) -> ArraySlice<Int32> {
    guard Int(id) + 1 < nameStarts.count else { return [] }
    return nameMembers[Int(nameStarts[Int(id)])..<Int(nameStarts[Int(id) + 1])]
  }

  /// The binary packages that provide `name` besides their own name.
  public func providers(of name: String) -> ArraySlice<Int32> {
    guard let id = strings.id(of: name) else { return [] }
    return providers(ofID: id)
  }

  /// The binary packages that provide the name with the given string id.
  public func providers(ofID id: Int32) -> ArraySlice<Int32> {
    guard Int(id) + 1 < providerStarts.count else { return [] }
    return providerMembers[Int(providerStarts[Int(id)])..<Int(providerStarts[Int(id) + 1])]
  }

  /// The relation groups of a package.
  public func groups(of package: Int32) -> ArraySlice<RelationGroup> {
    let record = packages[Int(package)]
    return groups[Int(record.firstGroup)..<Int(record.firstGroup + record.groupCount)]
  }

  /// The alternatives of a relation group.
  public func alternatives(of group: RelationGroup) -> ArraySlice<ConstraintRecord> {
    alternatives[
      Int(group.firstAlternative)..<Int(group.firstAlternative + group.alternativeCount)]
  }

  /// The string with the given id, or nil for -1.
  public func string(_ id: Int32) -> String? {
    id < 0 ? nil : strings[id]
  }

  /// Builds the by-name and by-provide indexes; readers call it once all packages are in.
  mutating func buildIndexes() {
    var names: [(key: Int32, package: Int32)] = []
    var provided: [(key: Int32, package: Int32)] = []
    names.reserveCapacity(packages.count)
    for (index, record) in packages.enumerated() {
      names.append((record.name, Int32(index)))
      guard record.kind == .binary else { continue }
      for group in groups(of: Int32(index)) where group.kind == .provides {
        for alternative in alternatives(of: group) where alternative.name != record.name {
          provided.append((alternative.name, Int32(index)))
        }
      }
    }
    (nameStarts, nameMembers) = Self.compressedRows(names, keys: strings.count)
    (providerStarts, providerMembers) = Self.compressedRows(provided, keys: strings.count)
  }

  /// Groups (key, value) pairs into rows by key, keeping each row's values in order and unique.
  private static func compressedRows(
    _ pairs: [(key: Int32, package: Int32)], keys: Int
  ) -> (starts: [Int32], members: [Int32]) {
    var counts = [Int32](repeating: 0, count: keys + 1)
    for pair in pairs { counts[Int(pair.key) + 1] += 1 }
    for index in 0..<keys { counts[index + 1] += counts[index] }
    var members = [Int32](repeating: -1, count: pairs.count)
    var next = counts
    for pair in pairs {
      let slot = Int(next[Int(pair.key)])
      // A package providing one name twice is listed once.
      if slot > Int(counts[Int(pair.key)]) && members[slot - 1] == pair.package { continue }
      members[slot] = pair.package
      next[Int(pair.key)] += 1
    }
    // Close the gaps that duplicates left.
    var starts = [Int32](repeating: 0, count: keys + 1)
    var compact: [Int32] = []
    compact.reserveCapacity(pairs.count)
    for key in 0..<keys {
      compact.append(contentsOf: members[Int(counts[key])..<Int(next[key])])
      starts[key + 1] = Int32(compact.count)
    }
    return (starts, compact)
  }
}
