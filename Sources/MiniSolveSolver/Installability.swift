import MiniSolveUniverse

/// Which packages of an encoded universe can be installed at all: one query per package, each
/// assuming that package on the same solver, so what one query learns speeds up the next.
public enum Installability {
  /// The packages (ids in the universe) of the given kind that no closure can hold, in id
  /// order, each with the clauses its refutation used (for `Explanation`); for source
  /// packages, those whose build requirements cannot be met together.
  public static func refuted(_ encoding: inout PackageEncoding, kind: PackageKind = .binary)
    -> [(package: Int32, refutation: [Int32])]
  {
    var result: [(package: Int32, refutation: [Int32])] = []
    for variable in encoding.packageOfVariable.indices
    where encoding.universe.packages[Int(encoding.packageOfVariable[variable])].kind == kind {
      let outcome = encoding.solver.solve(assuming: [Literal(Int32(variable))])
      if case .unsatisfiable(let used) = outcome {
        result.append((encoding.packageOfVariable[variable], used))
      }
    }
    return result
  }
}
