/// The order in which source packages (recipes) must be built: a source after every source that
/// yields a binary package of its build closure. Sources that need each other form strongly
/// connected components, which are reported as cycles with the edges that close them.
public struct BuildOrder: Sendable {
  /// Why one source must be built before another.
  public struct Edge: Sendable, Equatable {
    /// The source that needs the other one built first.
    public var from: String
    public var to: String
    /// The build requirement that starts the chain, as declared.
    public var requirement: String
    /// Where that requirement is declared: `file:line[:column]`.
    public var site: String
    /// The binary package of `to` that the build closure of `from` reaches.
    public var reaches: String
  }

  /// Sources to build, in order; a step of several sources is a cycle.
  public var steps: [[String]]
  /// For each cycle (step of several sources), the edges between its members.
  public var cycles: [[Edge]]
  /// For each cycle, a shortest loop through its first member: the edges to break first.
  public var loops: [[Edge]]

  /// Computes the order of every source package in `universe` for `architecture` (used for
  /// Debian `[arch]` restrictions; build profiles are taken as all inactive).
  public init(_ universe: PackageSet, architecture: String) {
    var graph = BuildGraph(universe: universe, architecture: architecture)
    let sources = universe.packages.indices.filter { universe.packages[$0].kind == .source }
      .map { Int32($0) }
    var names = sources.map { universe.strings[universe.packages[Int($0)].name] }
    // One node per source name: several versions of a source build as one.
    let unique = Array(Set(names)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var node: [String: Int] = [:]
    for (index, name) in unique.enumerated() { node[name] = index }
    names = unique

    var edges = [[Int: Edge]](repeating: [:], count: names.count)
    for source in sources {
      let from = node[universe.strings[universe.packages[Int(source)].name]] ?? 0
      for edge in graph.edges(from: source) {
        guard let to = node[edge.to], to != from, edges[from][to] == nil else { continue }
        edges[from][to] = edge
      }
    }
    let adjacency = edges.map { $0.keys.sorted() }
    let components = StronglyConnected.components(adjacency)
    steps = []
    cycles = []
    loops = []
    for component in components {
      steps.append(component.map { names[$0] })
      guard component.count > 1 else { continue }
      let members = Set(component)
      cycles.append(
        component.flatMap { from in
          adjacency[from].filter(members.contains).compactMap { edges[from][$0] }
        })
      let loop = Self.shortestLoop(through: component[0], within: members, adjacency)
      loops.append(zip(loop, loop.dropFirst() + [loop[0]]).compactMap { edges[$0][$1] })
    }
  }

  /// The nodes of a shortest cycle from `start` back to itself, breadth first inside `members`.
  static func shortestLoop(through start: Int, within members: Set<Int>, _ adjacency: [[Int]])
    -> [Int]
  {
    var parent: [Int: Int] = [:]
    var queue = [start]
    var index = 0
    while index < queue.count {
      let node = queue[index]
      index += 1
      for next in adjacency[node] where members.contains(next) {
        if next == start {
          var loop = [node]
          while let previous = parent[loop[loop.count - 1]] { loop.append(previous) }
          return loop.reversed()
        }
        if parent[next] == nil && next != start {
          parent[next] = node
          queue.append(next)
        }
      }
    }
    return [start]
  }
}

/// Build closures by name: each requirement resolves to one binary package, and the closure
/// follows runtime requirements of what it reaches.
private struct BuildGraph {
  let universe: PackageSet
  let architecture: String
  private var resolved: [Int32: Int32] = [:]

  init(universe: PackageSet, architecture: String) {
    self.universe = universe
    self.architecture = architecture
  }

  /// The sources that build binaries of the build closure of `source`, each with its cause.
  mutating func edges(from source: Int32) -> [BuildOrder.Edge] {
    let record = universe.packages[Int(source)]
    let fromName = universe.strings[record.name]
    var seen = Set<Int32>()
    var queue: [(package: Int32, cause: ConstraintRecord)] = []
    for group in universe.groups(of: source) where group.kind.isRequirement {
      if let (package, alternative) = choose(group), seen.insert(package).inserted {
        queue.append((package, alternative))
      }
    }

    var result: [BuildOrder.Edge] = []
    var index = 0
    while index < queue.count {
      let (package, cause) = queue[index]
      index += 1
      let binary = universe.packages[Int(package)]
      let builtBy = binary.source >= 0 ? binary.source : binary.name
      result.append(
        BuildOrder.Edge(
          from: fromName, to: universe.strings[builtBy], requirement: render(cause, record.scheme),
          site: site(cause, file: record.file), reaches: universe.strings[binary.name]))
      for group in universe.groups(of: package)
      where group.kind == .depends || group.kind == .preDepends {
        if let (next, _) = choose(group), seen.insert(next).inserted {
          queue.append((next, cause))
        }
      }
    }
    return result
  }

  /// The first alternative of a group that applies here and names an available package.
  private mutating func choose(_ group: RelationGroup) -> (Int32, ConstraintRecord)? {
    for alternative in universe.alternatives(of: group) where applies(alternative) {
      if let package = resolve(alternative.name) { return (package, alternative) }
    }
    return nil
  }

  private func applies(_ alternative: ConstraintRecord) -> Bool {
    guard alternative.restrictions >= 0 else { return true }
    let constraint = universe.constraint(alternative, scheme: .debian)
    return constraint.appliesTo(architecture: architecture) && constraint.appliesTo(profiles: [])
  }

  // TODO(compat): names resolve without version bounds, and prebuilt packages do not break
  // cycles; the solver's closures will make this exact.
  /// One binary package for a name: one so named (newest first), else the provider with the
  /// highest priority, then the newest, then the first added.
  private mutating func resolve(_ name: Int32) -> Int32? {
    if let known = resolved[name] { return known >= 0 ? known : nil }
    let own = universe.packages(namedID: name).filter { universe.packages[Int($0)].kind == .binary }
    let candidates = own.isEmpty ? Array(universe.providers(ofID: name)) : own
    let best = candidates.min { lhs, rhs in
      let left = universe.packages[Int(lhs)]
      let right = universe.packages[Int(rhs)]
      if left.providerPriority != right.providerPriority {
        return left.providerPriority > right.providerPriority
      }
      let order = left.scheme.compare(
        universe.strings[left.version], universe.strings[right.version])
      return order != 0 ? order > 0 : lhs < rhs
    }
    resolved[name] = best ?? -1
    return best
  }

  private func render(_ constraint: ConstraintRecord, _ scheme: VersionScheme) -> String {
    universe.constraint(constraint, scheme: scheme).rendered(scheme)
  }

  private func site(_ constraint: ConstraintRecord, file: Int32) -> String {
    let declaredIn = constraint.file >= 0 ? constraint.file : file
    let place = "\(universe.strings[declaredIn]):\(constraint.line)"
    return constraint.column > 0 ? place + ":\(constraint.column)" : place
  }
}
