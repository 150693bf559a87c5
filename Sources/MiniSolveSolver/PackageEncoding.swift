import MiniSolveUniverse

// TODO(compat): Debian's Multi-Arch same across architectures is not encoded (one
// architecture plus `all` at a time); an install_if with more than 64 combinations of
// candidates is ignored.
/// A universe as clauses: one variable per binary package installable on the architecture, a
/// clause per dependency group (alternatives in order of preference), per conflict or break,
/// and per pair of packages of one name. Each clause records its cause.
public struct PackageEncoding: Sendable {
  public let universe: PackageSet
  /// The package of each variable, and the variable of each package (-1 when not encoded).
  public private(set) var packageOfVariable: [Int32] = []
  public private(set) var variableOfPackage: [Int32]
  public internal(set) var solver: Solver
  /// Architectures a package may have: the requested one and the architecture-free ones.
  let architectures: Set<String>
  /// The Debian name of the requested architecture, for `[arch]` restrictions.
  let nativeArchitecture: String
  /// Whether Essential packages are held installed (dose-debcheck's meaning of installable).
  public let holdsEssential: Bool

  /// Encodes the binary packages of `universe` for an architecture, given in apk and Debian
  /// spellings (`x86_64`, `amd64`); `noarch` and `all` packages are always in. With `roots`,
  /// only the packages their dependencies can reach are encoded: no other package can be
  /// needed, and leaving one out only forbids what no answer wants. With `holdingEssential`,
  /// for every name that has Essential packages one of those is always installed, as
  /// dose-debcheck holds them by default (libsolv and apt's solver do not).
  public init(
    _ universe: PackageSet, architectures requested: [String],
    reachableFrom roots: [Constraint]? = nil, seeds: [Int32] = [],
    scheme: VersionScheme = .apk, sources: Bool = false, holdingEssential: Bool = false
  ) {
    self.universe = universe
    holdsEssential = holdingEssential
    architectures = Set(requested + ["noarch", "all"])
    nativeArchitecture = requested.last ?? ""
    variableOfPackage = Array(repeating: -1, count: universe.packages.count)
    solver = Solver(variableCount: 0)
    let native = requested.last ?? ""
    // Compared by string id: making a String per package cost more than the rest of the scan.
    let allowed = Set(architectures.compactMap { universe.strings.id(of: $0) })
    var included = universe.packages.map { record in
      if record.kind == .source {
        // A recipe's source carries the architecture it was compiled for.
        return sources
          && (allowed.contains(record.architecture)
            || Self.builds(universe.strings[record.architecture], on: native))
      }
      return allowed.contains(record.architecture)
    }
    let essential =
      holdingEssential
      ? included.indices.filter { included[$0] && universe.packages[$0].essential }.map(Int32.init)
      : []
    if roots != nil || !seeds.isEmpty {
      included = cone(
        of: roots ?? [], seeds: seeds + essential, scheme: scheme, eligible: included)
    }
    for index in included.indices where included[index] {
      variableOfPackage[index] = Int32(packageOfVariable.count)
      packageOfVariable.append(Int32(index))
    }
    solver = Solver(variableCount: packageOfVariable.count)
    for variable in packageOfVariable.indices { encodeRelations(of: Int32(variable)) }
    encodeOneVersionPerName()
    encodeEssential(essential)
  }

  /// For each name with Essential packages, one of them is installed.
  private mutating func encodeEssential(_ essential: [Int32]) {
    var byName: [Int32: [Literal]] = [:]
    var names: [Int32] = []
    for package in essential where universe.packages[Int(package)].kind == .binary {
      let name = universe.packages[Int(package)].name
      if byName[name] == nil { names.append(name) }
      byName[name, default: []].append(Literal(variableOfPackage[Int(package)]))
    }
    for name in names {
      solver.addClause(byName[name] ?? [], cause: .essential(name: universe.strings[name]))
    }
  }

  /// Told the solver's statistics after every search on this encoding and its copies.
  public var observer: (any SolverObserver)? {
    get { solver.observer }
    set { solver.observer = newValue }
  }

  /// Adds a request that one of the packages satisfying `constraint` be installed; false when
  /// none does.
  @discardableResult
  public mutating func require(_ constraint: Constraint, scheme: VersionScheme) -> Bool {
    let candidates = self.candidates(for: constraint, scheme: scheme)
    solver.addClause(
      candidates.map { Literal(variableOfPackage[Int($0)]) },
      cause: .root(name: constraint.rendered(scheme)))
    return !candidates.isEmpty
  }

  /// The packages that satisfy a constraint, best first: those named so (newest first), then
  /// those providing the name (highest priority, then newest, then by name).
  public func candidates(for constraint: Constraint, scheme: VersionScheme) -> [Int32] {
    Self.candidates(for: constraint, in: universe, encoded: variableOfPackage)
  }

  /// `candidates(for:scheme:)` without `self`: closures over `self` copied the whole encoding.
  static func candidates(
    for constraint: Constraint, in universe: PackageSet, encoded variableOfPackage: [Int32]
  ) -> [Int32] {
    guard let name = universe.strings.id(of: constraint.name) else { return [] }
    let isBinary = { (package: Int32) in universe.packages[Int(package)].kind == .binary }
    let isEncoded = { (package: Int32) in variableOfPackage[Int(package)] >= 0 }
    // `name:arch` names one architecture; `:any` asks for Multi-Arch: allowed; `:native` is plain.
    let qualifier = constraint.qualifier == "native" ? nil : constraint.qualifier
    var named: [Int32] = []
    for package in universe.packages(namedID: name) where isEncoded(package) && isBinary(package) {
      let record = universe.packages[Int(package)]
      if qualifier == "any" && record.multiArch != .allowed { continue }
      if let qualifier, qualifier != "any", universe.strings[record.architecture] != qualifier {
        continue
      }
      if constraint.matches(universe.strings[record.version], scheme: record.scheme) {
        named.append(package)
      }
    }
    var provided: [Int32] = []
    for package in universe.providers(ofID: name) where isEncoded(package) && qualifier == nil {
      let record = universe.packages[Int(package)]
      for group in universe.groups(of: package) where group.kind == .provides {
        for offer in universe.alternatives(of: group) where offer.name == name {
          let version = universe.string(offer.version)
          if constraint.matches(version, scheme: record.scheme), !provided.contains(package) {
            provided.append(package)
          }
        }
      }
    }
    return sortedByPreference(named, byPriority: false, in: universe)
      + sortedByPreference(provided.filter { !named.contains($0) }, byPriority: true, in: universe)
  }

  private func isEncoded(_ package: Int32) -> Bool { variableOfPackage[Int(package)] >= 0 }

  /// Whether a source whose `Architecture` lists `list` is built on `native`: the list names
  /// it, a wildcard (`any`, `linux-any`) matches it, or it builds architecture-free (`all`).
  static func builds(_ list: String, on native: String) -> Bool {
    list.split(separator: " ").contains { entry in
      entry == "all"
        || Constraint(name: "x").with(architectures: [String(entry)]).appliesTo(
          architecture: native)
    }
  }

  /// The eligible packages that the roots' candidates and their dependencies reach.
  private mutating func cone(
    of roots: [Constraint], seeds: [Int32], scheme: VersionScheme, eligible: [Bool]
  ) -> [Bool] {
    // Candidates are found through `variableOfPackage`: mark every eligible package first.
    for index in eligible.indices where eligible[index] { variableOfPackage[index] = 0 }
    defer { variableOfPackage = Array(repeating: -1, count: variableOfPackage.count) }
    var reached = Array(repeating: false, count: eligible.count)
    var queue: [Int32] = []
    for seed in seeds where eligible[Int(seed)] && !reached[Int(seed)] {
      reached[Int(seed)] = true
      queue.append(seed)
    }
    for root in roots {
      for package in candidates(for: root, scheme: scheme) where !reached[Int(package)] {
        reached[Int(package)] = true
        queue.append(package)
      }
    }
    // Packages that `install_if` would add once their conditions are reached join the cone.
    let anyInstallIf = universe.groups.contains { $0.kind == .installIf }
    let triggered =
      anyInstallIf
      ? eligible.indices.filter { index in
        eligible[index] && universe.groups(of: Int32(index)).contains { $0.kind == .installIf }
      }.map { Int32($0) } : []
    var index = 0
    while true {
      while index < queue.count {
        let package = queue[index]
        index += 1
        let record = universe.packages[Int(package)]
        for group in universe.groups(of: package)
        where group.kind.isRequirement {
          for alternative in universe.alternatives(of: group) {
            let constraint = universe.constraint(alternative, scheme: record.scheme)
            for next in candidates(for: constraint, scheme: record.scheme)
            where !reached[Int(next)] {
              reached[Int(next)] = true
              queue.append(next)
            }
          }
        }
      }
      let added = triggered.filter { package in
        !reached[Int(package)]
          && universe.groups(of: package).filter { $0.kind == .installIf }.allSatisfy { group in
            universe.alternatives(of: group).contains { alternative in
              let record = universe.packages[Int(package)]
              let constraint = universe.constraint(alternative, scheme: record.scheme)
              return candidates(for: constraint, scheme: record.scheme).contains {
                reached[Int($0)]
              }
            }
          }
      }
      if added.isEmpty { break }
      for package in added {
        reached[Int(package)] = true
        queue.append(package)
      }
    }
    return reached
  }

  private static func sortedByPreference(
    _ packages: [Int32], byPriority: Bool, in universe: PackageSet
  ) -> [Int32] {
    guard packages.count > 1 else { return packages }
    return packages.sorted { lhs, rhs in
      let left = universe.packages[Int(lhs)]
      let right = universe.packages[Int(rhs)]
      if byPriority && left.providerPriority != right.providerPriority {
        return left.providerPriority > right.providerPriority
      }
      let order = left.scheme.compare(
        universe.strings[left.version], universe.strings[right.version])
      if order != 0 { return order > 0 }
      let names = (universe.strings[left.name], universe.strings[right.name])
      return names.0 != names.1 ? names.0.utf8.lexicographicallyPrecedes(names.1.utf8) : lhs < rhs
    }
  }

  /// The clauses of one package's runtime relations.
  private mutating func encodeRelations(of variable: Int32) {
    let package = packageOfVariable[Int(variable)]
    let record = universe.packages[Int(package)]
    let own = Literal(variable, negated: true)
    let groups = universe.groups(of: package)
    for (offset, group) in groups.enumerated() {
      let groupID = Int32(Int(record.firstGroup) + offset)
      switch group.kind {
      case .depends, .preDepends, .buildDepends, .buildDependsArch, .buildDependsIndep:
        var alternatives: [Literal] = [own]
        var applies = false
        for alternative in universe.alternatives(of: group) {
          let constraint = universe.constraint(alternative, scheme: record.scheme)
          // Debian build relations: `[arch]` and `<profile>` (no profile is active).
          guard constraint.appliesTo(architecture: nativeArchitecture),
            constraint.appliesTo(profiles: [])
          else { continue }
          applies = true
          for candidate in candidates(for: constraint, scheme: record.scheme) {
            let literal = Literal(variableOfPackage[Int(candidate)])
            if !alternatives.contains(literal) { alternatives.append(literal) }
          }
        }
        if applies {
          solver.addClause(alternatives, cause: .dependency(package: package, group: groupID))
        }
      case .conflicts, .breaks, .buildConflicts, .buildConflictsArch, .buildConflictsIndep:
        for alternative in universe.alternatives(of: group) {
          var constraint = universe.constraint(alternative, scheme: record.scheme)
          guard constraint.appliesTo(architecture: nativeArchitecture),
            constraint.appliesTo(profiles: [])
          else { continue }
          constraint.isConflict = false
          for other in candidates(for: constraint, scheme: record.scheme) where other != package {
            solver.addClause(
              [own, Literal(variableOfPackage[Int(other)], negated: true)],
              cause: .conflict(package: package, other: other, group: groupID))
          }
        }
      default:
        continue
      }
    }
    encodeInstallIf(of: variable)
  }

  /// apk's `install_if`: once a package for every condition is installed, this one is too.
  /// One clause per choice of those packages (`p ∨ ¬a ∨ ¬b`), at most 64 of them.
  private mutating func encodeInstallIf(of variable: Int32) {
    let package = packageOfVariable[Int(variable)]
    let record = universe.packages[Int(package)]
    let conditions = universe.groups(of: package).filter { $0.kind == .installIf }
    guard !conditions.isEmpty else { return }
    var choices: [[Literal]] = [[Literal(variable)]]
    for group in conditions {
      var options: [Literal] = []
      for alternative in universe.alternatives(of: group) {
        let constraint = universe.constraint(alternative, scheme: record.scheme)
        for candidate in candidates(for: constraint, scheme: record.scheme) {
          options.append(Literal(variableOfPackage[Int(candidate)], negated: true))
        }
      }
      // A condition nothing can meet never triggers the package.
      guard !options.isEmpty else { return }
      choices = choices.flatMap { choice in options.map { choice + [$0] } }
      guard choices.count <= 64 else { return }
    }
    for clause in choices { solver.addClause(clause, cause: .installIf(package: package)) }
  }

  /// At most one package of each name and architecture.
  private mutating func encodeOneVersionPerName() {
    var byName: [Int32: [Int32]] = [:]
    for package in packageOfVariable where universe.packages[Int(package)].kind == .binary {
      let record = universe.packages[Int(package)]
      // Debian's `all` packages share the name space of the native architecture.
      byName[record.name, default: []].append(package)
    }
    // apk: two packages that provide one name with a version cannot both be installed
    // (`cmd:sh=1.36` from busybox and from dash-binsh), as apk enforces.
    for package in packageOfVariable {
      let record = universe.packages[Int(package)]
      guard record.kind == .binary, record.scheme == .apk else { continue }
      for group in universe.groups(of: package) where group.kind == .provides {
        for offer in universe.alternatives(of: group)
        where offer.version >= 0 && offer.name != record.name {
          if !(byName[offer.name]?.contains(package) ?? false) {
            byName[offer.name, default: []].append(package)
          }
        }
      }
    }
    for (name, packages) in byName.sorted(by: { $0.key < $1.key }) where packages.count > 1 {
      for (index, first) in packages.enumerated() {
        for second in packages[(index + 1)...] {
          solver.addClause(
            [
              Literal(variableOfPackage[Int(first)], negated: true),
              Literal(variableOfPackage[Int(second)], negated: true),
            ], cause: .oneVersion(name: universe.strings[name]))
        }
      }
    }
  }
}
