/// What a search did, reported to an observer; `--verbose` prints it.
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

  public init() {}

  /// One line, as `--verbose` prints it.
  public var summary: String {
    "solves \(solves), decisions \(decisions), propagations \(propagations), "
      + "conflicts \(conflicts), learnt \(learntClauses) (deleted \(deletedClauses)), "
      + "restarts \(restarts)"
  }
}
