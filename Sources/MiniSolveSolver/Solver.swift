/// A conflict-driven clause-learning SAT solver for package problems: two watched literals,
/// first-UIP learning with clause minimisation, non-chronological backjumping, Luby restarts,
/// learnt-clause reduction and assumptions. Decisions follow the package policy: the first
/// unsatisfied requirement (a clause with a positive literal whose other literals are all
/// false) gets its first open alternative; when none is left, every open variable is false,
/// which satisfies every clause. Clauses therefore list alternatives in order of preference.
public struct Solver: Sendable {
  /// The outcome of one `solve`.
  public enum Outcome: Sendable, Equatable {
    /// A model; `trueVariables()` lists it (every variable not listed is false).
    case satisfiable
    /// No model with the assumptions; the causes of the clauses the refutation used.
    case unsatisfiable(usedClauses: [Int32])
    /// The conflict limit was reached first.
    case unknown
  }

  public private(set) var statistics = SolverStatistics()
  /// Told the statistics after every `solve`.
  public var observer: (any SolverObserver)?
  /// When not empty, one flag per variable: a decision takes the first open alternative that
  /// is flagged, before the first open one (installability prefers packages no witness holds).
  public var preferred: [Bool] = []
  /// With `preferred` flags: once every requirement is met, decide flagged open variables
  /// true, one after another, instead of ending the search, so that the model holds as many
  /// of them as it can (installability makes every model a witness for all it holds).
  public var extendsModels = false
  /// Decisions try each open alternative of the requirement first and take the one whose
  /// propagation makes the fewest variables true, instead of the first one: a greedy search
  /// for a small model (the first bound of an optimal closure's descent).
  public var decidesByLookahead = false
  /// Set while `cheapestAlternative` tries alternatives: the limit on true variables waits.
  private var probing = false
  /// Variables below this are not open and flagged (reset by backjumps).
  private var extendFrom = 0
  var clauses = ClauseDatabase()
  let variableCount: Int
  /// Clause ids watching each literal code.
  private var watches: [[Int32]]
  private var values: [Value]
  private var levels: [Int32]
  /// The clause that forced each variable, or -1 for a decision or a level-0 fact.
  private var reasons: [Int32]
  private var trail: [Int32] = []
  private var levelStarts: [Int32] = []
  private var propagated = 0
  private var seen: [Bool]
  /// Requirement clauses by the variables of their negative literals, and those without any.
  private var requirementsByHead: [[Int32]]
  private var headless: [Int32] = []
  /// Set when a clause added at level 0 contradicts what is known.
  private var contradicted = false
  private var learntLimit = 2_000
  /// The true variables in trail order: requirements are headed by them, and after a limit
  /// on true variables forced thousands of variables false, scanning the whole trail for them
  /// was most of an optimal closure's search.
  private var trueTrail: [Int32] = []
  /// Positions of `trueTrail` below this have every requirement they head met.
  private var scanFrom = 0
  /// For each decision level, the first position of `trueTrail` heading a requirement that a
  /// literal of that level met (`Int.max` for none): undoing the level reopens from there.
  private var reopenFrom: [Int] = []
  /// The level of the literal that met the requirement `openAlternative` last looked at, or -1.
  private var metAtLevel: Int32 = -1
  /// For each requirement clause, a literal that satisfied it when last checked (or -1).
  private var blockers: [Int32] = []
  /// At most this many variables may be true (`limitTrueVariables`); `Int.max` when unbounded.
  public private(set) var trueLimit = Int.max
  /// How many variables are true on the trail.
  private var trueCount = 0

  /// A solver over variables `0 ..< variableCount`.
  public init(variableCount: Int) {
    self.variableCount = variableCount
    watches = Array(repeating: [], count: variableCount * 2)
    values = Array(repeating: .unassigned, count: variableCount)
    levels = Array(repeating: 0, count: variableCount)
    reasons = Array(repeating: -1, count: variableCount)
    seen = Array(repeating: false, count: variableCount)
    requirementsByHead = Array(repeating: [], count: variableCount)
  }

  /// The cause recorded for a clause.
  public func cause(of clause: Int32) -> ClauseCause { clauses.causes[Int(clause)] }

  /// The literals of a clause.
  public func literals(of clause: Int32) -> [Literal] { clauses.clause(clause) }

  /// Adds a clause of the problem. Duplicate literals are dropped; a tautology is kept only for
  /// its cause. Must be called before solving or between solves.
  public mutating func addClause(_ literals: [Literal], cause: ClauseCause) {
    backjump(to: 0)
    var unique: [Literal] = []
    for literal in literals where !unique.contains(literal) {
      if unique.contains(literal.negation) { return }
      unique.append(literal)
    }
    let id = clauses.add(unique, cause: cause, learnt: false)
    while blockers.count <= Int(id) { blockers.append(-1) }
    // A new requirement may be headed by a variable already scanned.
    scanFrom = 0
    if unique.contains(where: { !$0.isNegated }) {
      let heads = unique.filter(\.isNegated)
      if heads.isEmpty { headless.append(id) }
      for head in heads { requirementsByHead[Int(head.variable)].append(id) }
    }
    attach(id)
  }

  /// From now on, at most `limit` variables may be true in a model. Limits only tighten:
  /// clauses learnt under a limit stay valid under a smaller one, so one solver serves a whole
  /// descent towards the smallest model (see `ClosureFinder.optimalClosure`).
  public mutating func limitTrueVariables(to limit: Int) {
    precondition(limit <= trueLimit, "a limit on true variables only tightens")
    backjump(to: 0)
    trueLimit = max(limit, -1)
    if trueCount > trueLimit { contradicted = true }
  }

  /// Searches for a model in which every assumption holds, giving up (`.unknown`) after
  /// `conflictLimit` conflicts.
  public mutating func solve(assuming assumptions: [Literal] = [], conflictLimit: Int = .max)
    -> Outcome
  {
    let clock = ContinuousClock()
    let started = clock.now
    let outcome = search(assuming: assumptions, conflictLimit: conflictLimit)
    statistics.time += clock.now - started
    observer?.solverSearched(statistics)
    return outcome
  }

  private mutating func search(assuming assumptions: [Literal], conflictLimit: Int) -> Outcome {
    let conflictsAtStart = statistics.conflicts
    statistics.solves += 1
    backjump(to: 0)
    if contradicted { return .unsatisfiable(usedClauses: []) }
    if let conflict = propagate() {
      contradicted = true
      return .unsatisfiable(usedClauses: refutation(of: conflict))
    }

    var conflictsUntilRestart = 100 * luby(statistics.restarts + 1)
    while true {
      if let conflict = propagate() {
        statistics.conflicts += 1
        conflictsUntilRestart -= 1
        if statistics.conflicts - conflictsAtStart > conflictLimit { return .unknown }
        if decisionLevel == 0 {
          contradicted = true
          return .unsatisfiable(usedClauses: refutation(of: conflict))
        }
        if decisionLevel <= assumptions.count {
          // Only assumptions were decided: the conflict and what forced its literals refute them.
          return .unsatisfiable(usedClauses: refutation(of: conflict))
        }
        let (learnt, level) = analyze(conflict)
        backjump(to: max(level, 0))
        let id = clauses.add(learnt, cause: .learnt, learnt: true)
        statistics.learntClauses += 1
        if learnt.count > 1 { attach(id) }
        assign(learnt[0], reason: id)
        continue
      }

      if conflictsUntilRestart <= 0 {
        statistics.restarts += 1
        conflictsUntilRestart = 100 * luby(statistics.restarts + 1)
        backjump(to: 0)
        reduceLearntClauses()
        continue
      }

      // Assumptions first, one level each, as MiniSat does.
      if decisionLevel < assumptions.count {
        let assumption = assumptions[decisionLevel]
        switch value(assumption) {
        case .satisfied:
          levelStarts.append(Int32(trail.count))
        case .falsified:
          return .unsatisfiable(usedClauses: reasonClauses(for: assumption.negation))
        case .unassigned:
          levelStarts.append(Int32(trail.count))
          assign(assumption, reason: -1)
        }
        continue
      }

      guard let decision = nextDecision() else { return .satisfiable }
      statistics.decisions += 1
      levelStarts.append(Int32(trail.count))
      assign(decision, reason: -1)
    }
  }

  // MARK: Assignment

  private var decisionLevel: Int { levelStarts.count }

  @inline(__always)
  private func value(_ literal: Literal) -> Value {
    let raw = values[Int(literal.variable)]
    guard raw != .unassigned else { return .unassigned }
    return (raw == .satisfied) != literal.isNegated ? .satisfied : .falsified
  }

  @inline(__always)
  private func value(code: Int32) -> Value { value(Literal(code: code)) }

  private mutating func assign(_ literal: Literal, reason: Int32) {
    let variable = Int(literal.variable)
    values[variable] = literal.isNegated ? .falsified : .satisfied
    if !literal.isNegated {
      trueCount += 1
      trueTrail.append(Int32(variable))
    }
    levels[variable] = Int32(decisionLevel)
    reasons[variable] = reason
    trail.append(literal.code)
  }

  private mutating func backjump(to level: Int) {
    guard decisionLevel > level else { return }
    let keep = Int(levelStarts[level])
    for index in keep..<trail.count {
      let variable = Int(trail[index] >> 1)
      if trail[index] & 1 == 0 {
        trueCount -= 1
        trueTrail.removeLast()
      }
      values[variable] = .unassigned
      reasons[variable] = -1
    }
    // A requirement met by a literal just unassigned may be open again: scanning restarts at
    // the first true variable heading one that a literal of an undone level met.
    var from = min(scanFrom, trueTrail.count)
    for undone in (level + 1)..<max(level + 1, reopenFrom.count) {
      from = min(from, reopenFrom[undone])
      reopenFrom[undone] = Int.max
    }
    trail.removeSubrange(keep...)
    levelStarts.removeSubrange(level...)
    propagated = min(propagated, trail.count)
    scanFrom = from
    extendFrom = 0
  }

  /// After a satisfiable `solve`, the variables of the model that are true, in the order they
  /// were set.
  public func trueVariables() -> [Int32] {
    trail.filter { $0 & 1 == 0 }.map { $0 >> 1 }
  }

  // MARK: Propagation

  /// Makes the first two literals of a clause its watches.
  private mutating func attach(_ id: Int32) {
    let start = Int(clauses.starts[Int(id)])
    let length = Int(clauses.lengths[Int(id)])
    guard length > 0 else {
      contradicted = true
      return
    }
    if length == 1 {
      let unit = Literal(code: clauses.literals[start])
      switch value(unit) {
      case .unassigned: assign(unit, reason: id)
      case .falsified: contradicted = true
      case .satisfied: break
      }
      return
    }
    watches[Int(clauses.literals[start] ^ 1)].append(id)
    watches[Int(clauses.literals[start + 1] ^ 1)].append(id)
  }

  /// Runs unit propagation to a fixpoint; returns a falsified clause, if any. Values are read
  /// straight from the arrays: a call to a method of `self` here copied the whole solver.
  private mutating func propagate() -> Int32? {
    while propagated < trail.count {
      let assigned = trail[propagated]
      propagated += 1
      statistics.propagations += 1
      if assigned & 1 == 0 && trueCount >= trueLimit && !probing, let conflict = enforceLimit() {
        propagated = trail.count
        return conflict
      }
      // Clauses watching the literal that has just become false are listed under `assigned`.
      var list = watches[Int(assigned)]
      watches[Int(assigned)] = []
      var kept = 0
      var conflict: Int32?
      var index = 0
      let falseCode = assigned ^ 1
      while index < list.count {
        let id = list[index]
        index += 1
        if clauses.isDeleted[Int(id)] { continue }
        if conflict != nil {
          list[kept] = id
          kept += 1
          continue
        }
        let start = Int(clauses.starts[Int(id)])
        let length = Int(clauses.lengths[Int(id)])
        // Keep the false watch in the second place.
        if clauses.literals[start] == falseCode {
          clauses.literals.swapAt(start, start + 1)
        }
        let firstCode = clauses.literals[start]
        let firstValue = values[Int(firstCode >> 1)]
        let firstHolds =
          firstValue != .unassigned && (firstValue == .satisfied) == (firstCode & 1 == 0)
        if firstHolds {
          list[kept] = id
          kept += 1
          continue
        }
        var moved = false
        var other = start + 2
        while other < start + length {
          let code = clauses.literals[other]
          let raw = values[Int(code >> 1)]
          let isFalse = raw != .unassigned && (raw == .satisfied) != (code & 1 == 0)
          if !isFalse {
            clauses.literals.swapAt(start + 1, other)
            watches[Int(code ^ 1)].append(id)
            moved = true
            break
          }
          other += 1
        }
        if moved { continue }
        list[kept] = id
        kept += 1
        if firstValue != .unassigned {
          conflict = id
        } else {
          assign(Literal(code: firstCode), reason: id)
        }
      }
      list.removeSubrange(kept...)
      watches[Int(assigned)] += list
      if let conflict {
        propagated = trail.count
        return conflict
      }
    }
    return nil
  }

  /// With `trueLimit` variables true, every open variable must be false; with more, the true
  /// ones conflict. Either way the true variables on the trail are the reason, recorded once
  /// as a clause of their negations (above level 0 without the facts of level 0, which hold
  /// under every tighter limit too). For a conflict that clause is implied by the limit. As the
  /// reason of a variable forced false it lacks that variable's own negative literal, which
  /// analysis skips anyway; such a clause is never watched, so it cannot propagate by itself.
  private mutating func enforceLimit() -> Int32? {
    var negations: [Literal] = []
    negations.reserveCapacity(trueCount)
    // Above level 0 the facts of level 0 are left out: analysis skips them anyway.
    let first = decisionLevel > 0 ? Int(levelStarts[0]) : 0
    for code in trail[first...] where code & 1 == 0 { negations.append(Literal(code: code | 1)) }
    let id = clauses.add(negations, cause: .limit, learnt: true)
    if trueCount > trueLimit { return id }
    statistics.limitPropagations += 1
    for variable in 0..<variableCount where values[variable] == .unassigned {
      assign(Literal(Int32(variable), negated: true), reason: id)
    }
    return nil
  }

  // MARK: Learning

  /// First-UIP learning: the learnt clause (asserting literal first) and the level to jump to.
  private mutating func analyze(_ conflict: Int32) -> ([Literal], Int) {
    var learnt: [Literal] = [Literal(code: 0)]
    var pathCount = 0
    var clause = conflict
    var pivot: Int32 = -1
    var index = trail.count - 1
    let current = Int32(decisionLevel)

    repeat {
      let start = Int(clauses.starts[Int(clause)])
      for offset in 0..<Int(clauses.lengths[Int(clause)]) {
        let code = clauses.literals[start + offset]
        if code == pivot { continue }
        let variable = Int(code >> 1)
        guard !seen[variable], levels[variable] > 0 else { continue }
        seen[variable] = true
        if levels[variable] >= current {
          pathCount += 1
        } else {
          learnt.append(Literal(code: code))
        }
      }
      while !seen[Int(trail[index] >> 1)] { index -= 1 }
      pivot = trail[index]
      index -= 1
      clause = reasons[Int(pivot >> 1)]
      seen[Int(pivot >> 1)] = false
      pathCount -= 1
    } while pathCount > 0
    learnt[0] = Literal(code: pivot ^ 1)

    // Local minimisation: drop a literal whose reason's other literals are all in the clause.
    var minimised: [Literal] = [learnt[0]]
    for literal in learnt.dropFirst() {
      let reason = reasons[Int(literal.variable)]
      if reason >= 0 && isImplied(by: reason, except: literal.variable) { continue }
      minimised.append(literal)
    }
    for literal in learnt { seen[Int(literal.variable)] = false }

    // Watch the literal of the highest remaining level second, so the clause is asserting.
    var jump = 0
    if minimised.count > 1 {
      var best = 1
      for position in 2..<minimised.count
      where levels[Int(minimised[position].variable)] > levels[Int(minimised[best].variable)] {
        best = position
      }
      minimised.swapAt(1, best)
      jump = Int(levels[Int(minimised[1].variable)])
    }
    return (minimised, jump)
  }

  private func isImplied(by reason: Int32, except variable: Int32) -> Bool {
    let start = Int(clauses.starts[Int(reason)])
    for offset in 0..<Int(clauses.lengths[Int(reason)]) {
      let other = Int(clauses.literals[start + offset] >> 1)
      if other == Int(variable) { continue }
      if !seen[other] && levels[other] > 0 { return false }
    }
    return true
  }

  /// A conflict clause and every clause that forced one of its literals, transitively.
  private func refutation(of conflict: Int32) -> [Int32] {
    var used = [conflict]
    var seenClauses: Set<Int32> = [conflict]
    for literal in clauses.clause(conflict) {
      for reason in reasonClauses(for: literal.negation) where seenClauses.insert(reason).inserted {
        used.append(reason)
      }
    }
    return used
  }

  /// The clauses that forced `literal`, transitively (for an assumption found false).
  private func reasonClauses(for literal: Literal) -> [Int32] {
    var result: [Int32] = []
    var stack = [literal.variable]
    var visited = Set<Int32>()
    while let variable = stack.popLast() {
      guard visited.insert(variable).inserted else { continue }
      let reason = reasons[Int(variable)]
      guard reason >= 0 else { continue }
      result.append(reason)
      for other in clauses.clause(reason) where other.variable != variable {
        stack.append(other.variable)
      }
    }
    return result
  }

  /// Deletes the longer half of the learnt clauses that are not reasons once there are many.
  private mutating func reduceLearntClauses() {
    var learnt: [Int32] = []
    for id in 0..<clauses.count where clauses.isLearnt[id] && !clauses.isDeleted[id] {
      learnt.append(Int32(id))
    }
    guard learnt.count > learntLimit else { return }
    var locked = Set<Int32>()
    for code in trail where reasons[Int(code >> 1)] >= 0 { locked.insert(reasons[Int(code >> 1)]) }
    learnt.sort { clauses.lengths[Int($0)] > clauses.lengths[Int($1)] }
    for id in learnt.prefix(learnt.count / 2)
    where clauses.lengths[Int(id)] > 2 && !locked.contains(id) {
      clauses.isDeleted[Int(id)] = true
      if clauses.causes[Int(id)] != .limit { statistics.deletedClauses += 1 }
    }
    learntLimit += learntLimit / 10
  }

  // MARK: Decisions

  /// The first open alternative of the first unsatisfied requirement, in trail order of the
  /// packages that require it; nil when every requirement is met. Then every open variable can
  /// be false: each clause has a literal that is true, or a negative literal that is open.
  private mutating func nextDecision() -> Literal? {
    for id in headless {
      if let choice = openAlternative(of: id) { return choice }
    }
    while scanFrom < trueTrail.count {
      for id in requirementsByHead[Int(trueTrail[scanFrom])] {
        if let choice = openAlternative(of: id) {
          return decidesByLookahead ? cheapestAlternative(of: id) : choice
        }
        if metAtLevel > 0 {
          let level = Int(metAtLevel)
          while reopenFrom.count <= level { reopenFrom.append(Int.max) }
          reopenFrom[level] = min(reopenFrom[level], scanFrom)
        }
      }
      scanFrom += 1
    }
    guard extendsModels else { return nil }
    while extendFrom < preferred.count {
      let variable = extendFrom
      extendFrom += 1
      if preferred[variable] && values[variable] == .unassigned {
        return Literal(Int32(variable))
      }
    }
    return nil
  }

  /// The open alternative of a requirement whose unit propagation makes the fewest variables
  /// true (`decidesByLookahead`; `preferred` flags are not consulted). Each one is tried at a
  /// level of its own and undone; a try that conflicts counts as the most costly.
  private mutating func cheapestAlternative(of id: Int32) -> Literal {
    let start = Int(clauses.starts[Int(id)])
    let length = Int(clauses.lengths[Int(id)])
    var open: [Literal] = []
    for offset in 0..<length {
      let literal = Literal(code: clauses.literals[start + offset])
      if !literal.isNegated && values[Int(literal.variable)] == .unassigned { open.append(literal) }
    }
    // The requirement is open, so it has an open alternative.
    var best = open[0]
    guard open.count > 1 else { return best }
    var bestCost = Int.max
    let position = scanFrom
    // The limit is not enforced while trying: forcing every open variable false at each try
    // cost more than the tries themselves.
    probing = true
    for literal in open {
      let before = trueCount
      levelStarts.append(Int32(trail.count))
      assign(literal, reason: -1)
      let cost = propagate() == nil ? trueCount - before : Int.max - 1
      backjump(to: decisionLevel - 1)
      if cost < bestCost {
        bestCost = cost
        best = literal
      }
    }
    probing = false
    scanFrom = position
    return best
  }

  /// For a requirement whose negative literals are all false and that no literal satisfies,
  /// its first open positive literal (the first `preferred` one, when there are flags).
  private mutating func openAlternative(of id: Int32) -> Literal? {
    let start = Int(clauses.starts[Int(id)])
    metAtLevel = -1
    // The literal that satisfied this clause when last looked at: usually it still does, and
    // checking it first spares a scan (decisions look at every requirement after a backjump).
    if Int(id) < blockers.count {
      let blocker = blockers[Int(id)]
      if blocker >= 0 {
        let raw = values[Int(blocker >> 1)]
        if raw != .unassigned && (raw == .satisfied) == (blocker & 1 == 0) {
          metAtLevel = levels[Int(blocker >> 1)]
          return nil
        }
      }
    }
    var open: Literal?
    var openPreferred: Literal?
    let flagged = !preferred.isEmpty
    for offset in 0..<Int(clauses.lengths[Int(id)]) {
      let literal = Literal(code: clauses.literals[start + offset])
      switch value(literal) {
      case .satisfied:
        if Int(id) < blockers.count { blockers[Int(id)] = literal.code }
        metAtLevel = levels[Int(literal.variable)]
        return nil
      case .unassigned:
        if literal.isNegated { return nil }
        if open == nil { open = literal }
        if flagged && openPreferred == nil && preferred[Int(literal.variable)] {
          openPreferred = literal
        }
      case .falsified: continue
      }
    }
    return openPreferred ?? open
  }
}

/// The Luby sequence (1, 1, 2, 1, 1, 2, 4, ...), for restart intervals.
func luby(_ index: Int) -> Int {
  var size = 1
  var power = 0
  while size < index + 1 {
    power += 1
    size = 2 * size + 1
  }
  var remaining = index
  var span = size
  var exponent = power
  while span - 1 != remaining {
    span = (span - 1) >> 1
    exponent -= 1
    remaining %= span
  }
  return 1 << exponent
}
