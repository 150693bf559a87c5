/// What depends on a package, directly and transitively, by name: a dependency on a name is
/// taken to reach every package that has or provides it, whatever the version bound, as
/// `apt-cache rdepends` does.
public struct ReverseDependencies: Sendable {
  /// A package that depends on the target, with the dependency that reaches it.
  public struct Dependent: Sendable {
    public var package: Int32
    /// The name it depends on (the target's or a name the chain provides).
    public var name: String
    public var kind: RelationKind
    /// Where the dependency is declared: `file:line[:column]`.
    public var site: String
    /// How many steps from the target: 1 for a direct dependent.
    public var depth: Int
    /// For a dependent beyond the first step, the dependent it reaches the target through.
    public var through: Int32?
  }

  let universe: PackageSet
  /// For each name id, the packages with a requirement naming it: runtime, then build.
  private var runtimeUsers: [Int32: [(package: Int32, group: RelationGroup)]] = [:]
  private var buildUsers: [Int32: [(package: Int32, group: RelationGroup)]] = [:]

  public init(_ universe: PackageSet) {
    self.universe = universe
    for index in universe.packages.indices {
      let id = Int32(index)
      for group in universe.groups(of: id) where group.kind.isRequirement {
        for alternative in universe.alternatives(of: group) {
          if group.kind.isBuild {
            buildUsers[alternative.name, default: []].append((id, group))
          } else {
            runtimeUsers[alternative.name, default: []].append((id, group))
          }
        }
      }
    }
  }

  /// The dependents of the packages named `name` (and of `name` itself as a provided name),
  /// breadth first, each once at its smallest depth; build dependents when `build` is set.
  /// Each binary dependent is followed further when `transitive` is set.
  public func dependents(of name: String, build: Bool, transitive: Bool) -> [Dependent] {
    var result: [Dependent] = []
    var seenPackages = Set<Int32>()
    var seenNames = Set<Int32>()
    var frontier: [Int32] = []
    // The dependent whose name or provide put a name into the frontier.
    var introducedBy: [Int32: Int32] = [:]
    if let id = universe.strings.id(of: name) { frontier.append(id) }
    for package in universe.packages(named: name) {
      seenPackages.insert(package)
      frontier += providedNames(of: package)
    }

    var depth = 1
    while !frontier.isEmpty {
      var next: [Int32] = []
      for nameID in frontier where seenNames.insert(nameID).inserted {
        var users = runtimeUsers[nameID] ?? []
        if build { users += buildUsers[nameID] ?? [] }
        for (package, group) in users where seenPackages.insert(package).inserted {
          var found = dependent(package, group: group, nameID: nameID, depth: depth)
          found.through = introducedBy[nameID]
          result.append(found)
          guard transitive, universe.packages[Int(package)].kind == .binary else { continue }
          for name in [universe.packages[Int(package)].name] + providedNames(of: package)
          where introducedBy[name] == nil && !seenNames.contains(name) {
            introducedBy[name] = package
            next.append(name)
          }
        }
      }
      frontier = next
      depth += 1
    }
    return result
  }

  private func providedNames(of package: Int32) -> [Int32] {
    universe.groups(of: package).filter { $0.kind == .provides }
      .flatMap { universe.alternatives(of: $0).map(\.name) }
  }

  private func dependent(
    _ package: Int32, group: RelationGroup, nameID: Int32, depth: Int
  ) -> Dependent {
    let record = universe.packages[Int(package)]
    let declared = universe.alternatives(of: group).first { $0.name == nameID }
    let file = declared.map { $0.file >= 0 ? $0.file : record.file } ?? record.file
    var site = "\(universe.strings[file]):\(declared?.line ?? record.line)"
    if let column = declared?.column, column > 0 { site += ":\(column)" }
    return Dependent(
      package: package, name: universe.strings[nameID], kind: group.kind, site: site,
      depth: depth)
  }
}
