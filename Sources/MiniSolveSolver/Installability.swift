import MiniSolveUniverse

/// Which packages of an encoded universe can be installed at all. One solver answers every
/// query, each assuming one package, so what one query learns speeds up the next; every model
/// found is a witness for all the packages it installs, so those need no query of their own.
public enum Installability {
  /// What `check` found: the refuted packages and how the others were shown installable.
  public struct Report: Sendable {
    /// The packages (ids in the universe) that no closure can hold, in id order, each with
    /// the clauses its refutation used (for `Explanation`).
    public var refuted: [(package: Int32, refutation: [Int32])] = []
    /// The models found, as package ids; kept only when asked for.
    public var witnesses: [[Int32]] = []
    /// For each package checked and shown installable, the index of its witness in
    /// `witnesses` (when kept).
    public var witnessOf: [Int32: Int] = [:]
    /// Packages checked, queries asked (one per package without a witness yet), and models.
    public var checked = 0
    public var queries = 0
    public var models = 0
  }

  /// Progress of a long check, for a terminal: packages decided so far of all.
  public typealias Progress = (_ decided: Int, _ total: Int, _ models: Int) -> Void

  /// The packages of `kind` that no closure can hold, with the witnesses of the others.
  /// While a query searches, decisions prefer packages no model has installed yet, so each
  /// model covers as many undecided packages as it can.
  public static func check(
    _ encoding: inout PackageEncoding, kind: PackageKind = .binary, keepWitnesses: Bool = false,
    progress: Progress? = nil
  ) -> Report {
    var report = Report()
    let universe = encoding.universe
    let variables = encoding.packageOfVariable.indices.filter {
      universe.packages[Int(encoding.packageOfVariable[$0])].kind == kind
    }
    report.checked = variables.count
    var witnessed = Array(repeating: false, count: encoding.packageOfVariable.count)
    encoding.solver.preferred = Array(repeating: true, count: witnessed.count)
    encoding.solver.extendsModels = true
    defer {
      encoding.solver.preferred = []
      encoding.solver.extendsModels = false
    }
    var decided = 0
    for variable in variables where !witnessed[variable] {
      report.queries += 1
      progress?(decided, variables.count, report.models)
      let package = encoding.packageOfVariable[variable]
      switch encoding.solver.solve(assuming: [Literal(Int32(variable))]) {
      case .satisfiable:
        let model = encoding.solver.trueVariables()
        report.models += 1
        if keepWitnesses {
          report.witnesses.append(model.map { encoding.packageOfVariable[Int($0)] })
        }
        for member in model where !witnessed[Int(member)] {
          witnessed[Int(member)] = true
          encoding.solver.preferred[Int(member)] = false
          if keepWitnesses {
            report.witnessOf[encoding.packageOfVariable[Int(member)]] = report.witnesses.count - 1
          }
          if universe.packages[Int(encoding.packageOfVariable[Int(member)])].kind == kind {
            decided += 1
          }
        }
      case .unsatisfiable(let used):
        report.refuted.append((package, used))
        decided += 1
      case .unknown:
        preconditionFailure("an installability query has no conflict limit")
      }
    }
    progress?(decided, variables.count, report.models)
    if keepWitnesses {
      // Witnesses of packages of other kinds are not asked for.
      report.witnessOf = report.witnessOf.filter { universe.packages[Int($0.key)].kind == kind }
    }
    return report
  }

  /// The refuted packages of `check`, without witnesses.
  public static func refuted(_ encoding: inout PackageEncoding, kind: PackageKind = .binary)
    -> [(package: Int32, refutation: [Int32])]
  {
    check(&encoding, kind: kind).refuted
  }
}
