/// Receives a solver's statistics after each search (`Solver.observer`); `--verbose` prints
/// what one collected.
public protocol SolverObserver: AnyObject, Sendable {
  /// Called at the end of every `solve`, with the totals of the solver so far.
  func solverSearched(_ statistics: SolverStatistics)
}

/// What a solver's searches did, in total.
public struct SolverStatistics: Sendable, Equatable {
  public var decisions = 0
  public var propagations = 0
  public var conflicts = 0
  public var learntClauses = 0
  public var deletedClauses = 0
  public var restarts = 0
  public var solves = 0
  /// Times the limit on true variables forced every open variable false.
  public var limitPropagations = 0
  /// Time spent inside `solve`.
  public var time: Duration = .zero

  public init() {}

  /// `time` in whole milliseconds.
  public var milliseconds: Int64 {
    time.components.seconds * 1_000 + time.components.attoseconds / 1_000_000_000_000_000
  }

  /// One line, as `--verbose` prints it.
  public var summary: String {
    "solves \(solves), decisions \(decisions), propagations \(propagations), "
      + "conflicts \(conflicts), learnt \(learntClauses) (deleted \(deletedClauses)), "
      + "restarts \(restarts), "
      + "search \(milliseconds) ms"
  }
}
