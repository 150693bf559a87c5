/// Every clause in flat arrays: literals back to back, each clause a start and a length, with
/// its cause. Clauses are never moved; a deleted learnt clause is only marked.
struct ClauseDatabase {
  /// The literal codes of all clauses, back to back.
  var literals: [Int32] = []
  var starts: [Int32] = []
  var lengths: [Int32] = []
  var causes: [ClauseCause] = []
  var isLearnt: [Bool] = []
  var isDeleted: [Bool] = []

  var count: Int { starts.count }

  /// Adds a clause; returns its id.
  mutating func add(_ clause: [Literal], cause: ClauseCause, learnt: Bool) -> Int32 {
    starts.append(Int32(literals.count))
    lengths.append(Int32(clause.count))
    for literal in clause { literals.append(literal.code) }
    causes.append(cause)
    isLearnt.append(learnt)
    isDeleted.append(false)
    return Int32(starts.count - 1)
  }

  /// The literals of a clause.
  func clause(_ id: Int32) -> [Literal] {
    let start = Int(starts[Int(id)])
    return (start..<start + Int(lengths[Int(id)])).map { Literal(code: literals[$0]) }
  }
}
