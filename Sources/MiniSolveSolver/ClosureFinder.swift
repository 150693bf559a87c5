import MiniSolveUniverse

/// A closure of some roots: its members and, for each, the edge that pulled it in.
public struct Closure: Sendable {
  /// Why a member is in: a root, or a dependency of another member.
  public struct Edge: Sendable, Equatable {
    /// The member whose dependency pulled this one in; nil for a root.
    public var parent: Int32?
    /// The root request or the dependency group as written (`libc6 (>= 2.36) | libc6.1`).
    public var requirement: String
    /// Where the dependency was declared (`file:line[:column]`); nil for a root.
    public var site: String?
  }

  /// Member package ids, sorted by name then version.
  public var members: [Int32]
  public var pulledBy: [Int32: Edge]
  /// For an `optimalClosure`, how the minimum was reached; nil for a subset-minimal answer.
  public var optimality: Optimality?
}

/// How `ClosureFinder.optimalClosure` reached its answer.
public struct Optimality: Sendable, Equatable {
  /// The size of each closure found on the way down, the first (subset-minimal) one first.
  public var sizes: [Int]
  /// Whether the solver refuted every closure smaller than the answer. False only when the
  /// conflict budget ran out first; the answer is then the smallest found.
  public var proven: Bool
  /// Conflicts spent in the descent and its final refutation.
  public var conflicts: Int
}

/// Finds the runtime closure of root requests: a model of the encoding, then made
/// subset-minimal by dropping members one at a time on a solver over the members alone.
public enum ClosureFinder {
  /// The closure of `roots`, or the roots that nothing satisfies / nil when none exists.
  public static func closure(
    of roots: [Constraint], scheme: VersionScheme, in encoding: PackageEncoding
  ) -> Result<Closure, ClosureFailure> {
    var encoding = encoding
    let members: [Int32]
    switch subsetMinimal(roots, scheme: scheme, encoding: &encoding) {
    case .success(let found): members = found
    case .failure(let failure): return .failure(failure)
    }
    return .success(describe(members, roots: roots, scheme: scheme, encoding: encoding))
  }

  /// A closure of minimum size: starting from the subset-minimal one, the solver is asked again
  /// and again for a closure with fewer members (a limit on true variables, learnt clauses
  /// kept from one bound to the next) until it proves that none exists, or `conflictBudget`
  /// conflicts have been spent.
  public static func optimalClosure(
    of roots: [Constraint], scheme: VersionScheme, in encoding: PackageEncoding,
    conflictBudget: Int = 2_000_000
  ) -> Result<Closure, ClosureFailure> {
    var encoding = encoding
    var best: [Int32]
    switch subsetMinimal(roots, scheme: scheme, encoding: &encoding) {
    case .success(let found): best = found
    case .failure(let failure): return .failure(failure)
    }
    var sizes = [best.count]
    let start = encoding.solver.statistics.conflicts
    var proven = false
    // The first bound's search decides greedily (each requirement's alternative that makes
    // the fewest packages true), which usually lands at or next to the minimum at once; the
    // later searches, mostly refutations, take alternatives in policy order, which on
    // gnome-shell refuted the bound in a third of the conflicts.
    encoding.solver.decidesByLookahead = true
    while encoding.solver.statistics.conflicts - start < conflictBudget {
      encoding.solver.limitTrueVariables(to: best.count - 1)
      let left = conflictBudget - (encoding.solver.statistics.conflicts - start)
      let outcome = encoding.solver.solve(conflictLimit: left)
      encoding.solver.decidesByLookahead = false
      switch outcome {
      case .satisfiable:
        // The model as it is: under the limit its size already bounds the next step, and
        // making it subset-minimal each time cost more than the steps it saved.
        best = encoding.solver.trueVariables().map { encoding.packageOfVariable[Int($0)] }
        sizes.append(best.count)
        continue
      case .unsatisfiable:
        proven = true
      case .unknown:
        break
      }
      break
    }
    var closure = describe(best, roots: roots, scheme: scheme, encoding: encoding)
    closure.optimality = Optimality(
      sizes: sizes, proven: proven,
      conflicts: encoding.solver.statistics.conflicts - start)
    return .success(closure)
  }

  /// Requires the roots, solves, and makes the model subset-minimal.
  static func subsetMinimal(
    _ roots: [Constraint], scheme: VersionScheme, encoding: inout PackageEncoding
  ) -> Result<[Int32], ClosureFailure> {
    var missing: [String] = []
    for root in roots where !encoding.require(root, scheme: scheme) {
      missing.append(root.rendered(scheme))
    }
    guard missing.isEmpty else { return .failure(.noCandidates(missing)) }
    guard encoding.solver.solve() == .satisfiable else { return .failure(.unsatisfiable) }
    let first = encoding.solver.trueVariables().map { encoding.packageOfVariable[Int($0)] }
    return .success(minimised(first, roots: roots, scheme: scheme, encoding: encoding))
  }

  /// The build closure of a source package (a recipe or a Debian source): what its build
  /// requirements need, with what those need at runtime. The encoding must hold the source
  /// (`seeds:` and `sources: true`).
  public static func buildClosure(of source: Int32, in encoding: PackageEncoding)
    -> Result<Closure, ClosureFailure>
  {
    var encoding = encoding
    let universe = encoding.universe
    let record = universe.packages[Int(source)]
    let name = "\(universe.strings[record.name]) \(universe.strings[record.version])"
    guard encoding.variableOfPackage[Int(source)] >= 0 else {
      return .failure(.noCandidates(["\(name) (not built on this architecture)"]))
    }
    encoding.solver.addClause(
      [Literal(encoding.variableOfPackage[Int(source)])], cause: .root(name: name))
    guard encoding.solver.solve() == .satisfiable else { return .failure(.unsatisfiable) }
    let first = encoding.solver.trueVariables().map { encoding.packageOfVariable[Int($0)] }
    let members = minimised(first, roots: [], scheme: record.scheme, encoding: encoding)
    var closure = describe(
      members, roots: [], seeds: [source], scheme: record.scheme, encoding: encoding)
    closure.members.removeAll { $0 == source }
    closure.pulledBy[source] = nil
    return .success(closure)
  }

  /// Drops members while the rest still satisfies every requirement, until none can go.
  static func minimised(
    _ members: [Int32], roots: [Constraint], scheme: VersionScheme, encoding: PackageEncoding
  ) -> [Int32] {
    // The encoding already holds the root clauses, so the restricted problem does too.
    var restricted = MemberProblem(members: members, encoding: encoding)
    var current = Set(members)
    var removed: [Literal] = []
    var changed = true
    while changed {
      changed = false
      // Later members were pulled in by earlier ones: try them first.
      for member in members.reversed() where current.contains(member) {
        let attempt = removed + [restricted.literal(member).negation]
        guard restricted.solver.solve(assuming: attempt) == .satisfiable else { continue }
        let model = Set(restricted.solver.trueVariables().map { restricted.members[Int($0)] })
        for gone in current.subtracting(model) { removed.append(restricted.literal(gone).negation) }
        current = model
        changed = true
      }
    }
    return members.filter(current.contains)
  }

  /// Sorts the members and finds, breadth first from the roots, the edge that pulled each in.
  static func describe(
    _ members: [Int32], roots: [Constraint], seeds: [Int32] = [], scheme: VersionScheme,
    encoding: PackageEncoding
  ) -> Closure {
    let universe = encoding.universe
    let inClosure = Set(members)
    var edges: [Int32: Closure.Edge] = [:]
    var queue: [Int32] = seeds
    for root in roots {
      for candidate in encoding.candidates(for: root, scheme: scheme)
      where inClosure.contains(candidate) && edges[candidate] == nil {
        edges[candidate] = Closure.Edge(parent: nil, requirement: root.rendered(scheme))
        queue.append(candidate)
        break
      }
    }
    var index = 0
    while index < queue.count {
      let package = queue[index]
      index += 1
      let record = universe.packages[Int(package)]
      for group in universe.groups(of: package) where group.kind.isRequirement {
        let constraints = universe.alternatives(of: group).map {
          universe.constraint($0, scheme: record.scheme)
        }
        let text = constraints.map { $0.rendered(record.scheme) }.joined(separator: " | ")
        let first = universe.alternatives(of: group).first
        let file = first.map { $0.file >= 0 ? $0.file : record.file } ?? record.file
        var site = "\(universe.strings[file]):\(first?.line ?? record.line)"
        if let column = first?.column, column > 0 { site += ":\(column)" }
        for constraint in constraints {
          for candidate in encoding.candidates(for: constraint, scheme: record.scheme)
          where inClosure.contains(candidate) && edges[candidate] == nil {
            edges[candidate] = Closure.Edge(parent: package, requirement: text, site: site)
            queue.append(candidate)
          }
        }
      }
    }
    let sorted = members.sorted { lhs, rhs in
      let left = (universe.strings[universe.packages[Int(lhs)].name], lhs)
      let right = (universe.strings[universe.packages[Int(rhs)].name], rhs)
      return left.0 != right.0 ? left.0.utf8.lexicographicallyPrecedes(right.0.utf8) : lhs < rhs
    }
    return Closure(members: sorted, pulledBy: edges)
  }
}

/// Why no closure was found.
public enum ClosureFailure: Error, Sendable, Equatable {
  /// Root requests that no package satisfies.
  case noCandidates([String])
  /// The requests cannot be satisfied together.
  case unsatisfiable
}

/// The encoding restricted to some members: a variable per member, each clause of the full
/// problem with the other packages taken as not installed.
struct MemberProblem {
  let members: [Int32]
  private var variableOf: [Int32: Int32] = [:]
  var solver: Solver

  init(members: [Int32], encoding: PackageEncoding) {
    self.members = members
    for (index, member) in members.enumerated() { variableOf[member] = Int32(index) }
    solver = Solver(variableCount: members.count)
    let full = encoding.solver
    for clause in 0..<Int32(full.clauses.count) where !full.clauses.isLearnt[Int(clause)] {
      var literals: [Literal] = []
      var satisfied = false
      for literal in full.literals(of: clause) {
        let package = encoding.packageOfVariable[Int(literal.variable)]
        if let variable = variableOf[package] {
          literals.append(Literal(variable, negated: literal.isNegated))
        } else if literal.isNegated {
          satisfied = true  // an outsider is not installed, so its negation holds
          break
        }
      }
      if !satisfied { solver.addClause(literals, cause: full.cause(of: clause)) }
    }
  }

  func literal(_ member: Int32) -> Literal { Literal(variableOf[member] ?? 0) }
}
