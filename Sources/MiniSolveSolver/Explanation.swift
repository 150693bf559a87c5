import MiniSolveUniverse

/// Why a request has no answer, as numbered sentences a person can act on: the smallest set of
/// clauses (each removal would make the request possible) that together rule it out, told from
/// the request outwards, each naming the package, the relation and where it was declared.
public enum Explanation {
  /// The sentences for one package that cannot be installed (or, for a source package, built).
  public static func sentences(
    for package: Int32, universe: PackageSet, architectures: [String],
    holdingEssential: Bool = false
  ) -> [String] {
    let record = universe.packages[Int(package)]
    var encoding = PackageEncoding(
      universe, architectures: architectures, seeds: [package], scheme: record.scheme,
      sources: record.kind == .source, holdingEssential: holdingEssential)
    let request = "\(universe.strings[record.name]) \(universe.strings[record.version])"
    encoding.solver.addClause(
      [Literal(encoding.variableOfPackage[Int(package)])], cause: .root(name: request))
    let outcome = record.kind == .source ? "cannot be built" : "cannot be installed"
    return explain(encoding, request: request, outcome: outcome)
  }

  /// The sentences for an unsatisfiable request of `roots` over the universe of `encoding`.
  public static func sentences(
    roots: [Constraint], scheme: VersionScheme, universe: PackageSet, architectures: [String],
    sources: Bool = false
  ) -> [String] {
    var encoding = PackageEncoding(
      universe, architectures: architectures, reachableFrom: roots, scheme: scheme,
      sources: sources)
    for root in roots { encoding.require(root, scheme: scheme) }
    let request = roots.map { $0.rendered(scheme) }.joined(separator: ", ")
    return explain(
      encoding, request: request,
      outcome: roots.count == 1 ? "cannot be installed" : "cannot be installed together")
  }

  /// The sentences for an encoding, with its root clauses, that has no model.
  static func explain(_ encoding: PackageEncoding, request: String, outcome: String)
    -> [String]
  {
    var encoding = encoding
    let all = (0..<Int32(encoding.solver.clauses.count)).filter {
      !encoding.solver.clauses.isLearnt[Int($0)]
    }
    var start = all
    if case .unsatisfiable(let used) = encoding.solver.solve(), !used.isEmpty,
      used.allSatisfy({ !encoding.solver.clauses.isLearnt[Int($0)] })
    {
      // The refutation's clauses, plus the root requests they start from.
      start = Array(Set(used + all.filter { isRoot(encoding.solver.cause(of: $0)) })).sorted()
    }
    let solver = encoding.solver
    let items = { (ids: [Int32]) in
      ids.map { CoreClause(literals: solver.literals(of: $0), cause: solver.cause(of: $0)) }
    }
    let core = minimalCore(items(start)) ?? minimalCore(items(all)) ?? []
    return render(core, request: request, outcome: outcome, encoding: encoding)
  }

  /// The sentences for a package found uninstallable by `Installability`, from the clauses its
  /// query's refutation used in `encoding`; falls back to a fresh encoding of its cone when
  /// the refutation leans on learnt clauses.
  public static func sentences(
    for package: Int32, refutation used: [Int32], in encoding: PackageEncoding,
    architectures: [String]
  ) -> [String] {
    let universe = encoding.universe
    let record = universe.packages[Int(package)]
    let request = "\(universe.strings[record.name]) \(universe.strings[record.version])"
    let outcome = record.kind == .source ? "cannot be built" : "cannot be installed"
    let solver = encoding.solver
    if !used.isEmpty, used.allSatisfy({ !solver.clauses.isLearnt[Int($0)] }) {
      var items = used.map {
        CoreClause(literals: solver.literals(of: $0), cause: solver.cause(of: $0))
      }
      items.append(
        CoreClause(
          literals: [Literal(encoding.variableOfPackage[Int(package)])],
          cause: .root(name: request)))
      if let core = minimalCore(items) {
        return render(core, request: request, outcome: outcome, encoding: encoding)
      }
    }
    return sentences(
      for: package, universe: universe, architectures: architectures,
      holdingEssential: encoding.holdsEssential)
  }

  /// A clause taken out of a solver for explaining: its literals and cause.
  struct CoreClause {
    var literals: [Literal]
    var cause: ClauseCause
  }

  /// Deletion-based minimal unsatisfiable subset, on one solver: each clause gets a selector
  /// variable, and a clause is dropped when assuming every other selector stays refuted. Returns
  /// nil when the clauses are not unsatisfiable to begin with.
  static func minimalCore(_ clauses: [CoreClause]) -> [CoreClause]? {
    var variables: [Int32: Int32] = [:]
    for clause in clauses {
      for literal in clause.literals where variables[literal.variable] == nil {
        variables[literal.variable] = Int32(variables.count)
      }
    }
    let selectorBase = Int32(variables.count)
    var trial = Solver(variableCount: variables.count + clauses.count)
    for (position, clause) in clauses.enumerated() {
      let literals = clause.literals.map {
        Literal(variables[$0.variable] ?? 0, negated: $0.isNegated)
      }
      trial.addClause(
        literals + [Literal(selectorBase + Int32(position), negated: true)], cause: clause.cause)
    }
    var core = Array(clauses.indices)
    func selectors(except skipped: Int?) -> [Literal] {
      core.indices.filter { $0 != skipped }.map { Literal(selectorBase + Int32(core[$0])) }
    }
    guard trial.solve(assuming: selectors(except: nil)) != .satisfiable else { return nil }
    var index = 0
    while index < core.count {
      if trial.solve(assuming: selectors(except: index)) == .satisfiable {
        index += 1
      } else {
        core.remove(at: index)
      }
    }
    return core.map { clauses[$0] }
  }

  private static func isRoot(_ cause: ClauseCause) -> Bool {
    if case .root = cause { return true }
    return false
  }

  /// The core's clauses as sentences, roots first, then breadth first through the packages.
  private static func render(
    _ core: [CoreClause], request: String, outcome: String, encoding: PackageEncoding
  ) -> [String] {
    let universe = encoding.universe
    func name(_ package: Int32) -> String {
      let record = universe.packages[Int(package)]
      return "\(universe.strings[record.name]) \(universe.strings[record.version])"
    }
    func site(_ package: Int32, group: Int32) -> String {
      let record = universe.packages[Int(package)]
      let first = universe.alternatives(of: universe.groups[Int(group)]).first
      let file = first.map { $0.file >= 0 ? $0.file : record.file } ?? record.file
      var place = "\(universe.strings[file]):\(first?.line ?? record.line)"
      if let column = first?.column, column > 0 { place += ":\(column)" }
      return place
    }
    func relation(_ package: Int32, group: Int32) -> String {
      let record = universe.packages[Int(package)]
      return universe.alternatives(of: universe.groups[Int(group)])
        .map { universe.constraint($0, scheme: record.scheme).rendered(record.scheme) }
        .joined(separator: " | ")
    }

    // Distance of each package from the request, through the core's dependencies.
    var distance: [Int32: Int] = [:]
    var frontier: [Int32] = []
    for clause in core {
      guard case .root = clause.cause else { continue }
      for literal in clause.literals {
        let package = encoding.packageOfVariable[Int(literal.variable)]
        if distance[package] == nil {
          distance[package] = 0
          frontier.append(package)
        }
      }
    }
    while !frontier.isEmpty {
      var next: [Int32] = []
      for clause in core {
        guard case .dependency(let package, _) = clause.cause,
          let here = distance[package], frontier.contains(package)
        else { continue }
        for literal in clause.literals where !literal.isNegated {
          let target = encoding.packageOfVariable[Int(literal.variable)]
          if distance[target] == nil {
            distance[target] = here + 1
            next.append(target)
          }
        }
      }
      frontier = next
    }
    func order(_ category: Int, _ package: Int32) -> Int {
      category * 1_000_000 + (distance[package] ?? 999_999)
    }

    var sentences: [(order: Int, text: String)] = []
    for clause in core {
      let packages = clause.literals.map { encoding.packageOfVariable[Int($0.variable)] }
      switch clause.cause {
      case .root(let request):
        let options = packages.map(name).joined(separator: ", ")
        if options.isEmpty {
          sentences.append((0, "You asked for \(request), which no package satisfies."))
        } else if options != request {
          sentences.append((0, "You asked for \(request): \(options)."))
        }
      case .dependency(let package, let group):
        // In the order of preference, not the solver's watch order.
        let record = universe.packages[Int(package)]
        let inClause = Set(packages)
        var ordered: [Int32] = []
        for alternative in universe.alternatives(of: universe.groups[Int(group)]) {
          let constraint = universe.constraint(alternative, scheme: record.scheme)
          for candidate in encoding.candidates(for: constraint, scheme: record.scheme)
          where inClause.contains(candidate) && candidate != package
            && !ordered.contains(candidate)
          {
            ordered.append(candidate)
          }
        }
        let candidates = ordered.map(name)
        let word = universe.groups[Int(group)].kind.isBuild ? "needs to build" : "depends on"
        var text = "\(name(package)) \(word) \(relation(package, group: group))"
        if candidates.isEmpty {
          text += ", which no package satisfies"
          // Name what there is, so a too-old version or another architecture shows.
          let present = universe.alternatives(of: universe.groups[Int(group)]).flatMap {
            universe.packages(namedID: $0.name).filter {
              universe.packages[Int($0)].kind == .binary
            }
          }
          if !present.isEmpty {
            let listed = present.prefix(3).map { other in
              "\(name(other)) (\(universe.strings[universe.packages[Int(other)].architecture]))"
            }
            text += "; there is only \(listed.joined(separator: ", "))"
            if present.count > 3 { text += " and \(present.count - 3) more" }
          }
        } else {
          text += ", that is \(candidates.joined(separator: " or "))"
        }
        sentences.append(
          (order(1, package), text + " (\(site(package, group: group)))."))
      case .conflict(let package, let other, let group):
        let kind = universe.groups[Int(group)].kind
        let verb = kind == .breaks ? "breaks" : "conflicts with"
        sentences.append(
          (
            order(2, package),
            "\(name(package)) \(verb) \(name(other)) (\(relation(package, group: group))) "
              + "(\(site(package, group: group)))."
          ))
      case .oneVersion(let shared):
        let named = packages.allSatisfy {
          universe.strings[universe.packages[Int($0)].name] == shared
        }
        let reason = named ? "they are both \(shared)" : "they both provide \(shared)"
        sentences.append(
          (
            3_000_000,
            "Only one of \(packages.map(name).joined(separator: " and ")) can be installed: "
              + "\(reason)."
          ))
      case .essential(let shared):
        let options = packages.map(name).joined(separator: " or ")
        sentences.append(
          (
            0,
            "\(shared) is Essential, and Essential packages are held installed: "
              + "\(options) is installed."
          ))
      case .installIf(let package):
        let conditions = packages.filter { $0 != package }.map(name)
        sentences.append(
          (
            order(1, package),
            "\(name(package)) is installed with \(conditions.joined(separator: " and ")) "
              + "(install_if)."
          ))
      case .learnt, .limit:
        continue
      }
    }
    var numbered = sentences.sorted { $0.order < $1.order }.map(\.text)
    numbered.append("So \(request) \(outcome).")
    return numbered.enumerated().map { "\($0.offset + 1). \($0.element)" }
  }
}
