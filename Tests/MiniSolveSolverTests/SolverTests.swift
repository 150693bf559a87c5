import Testing

@testable import MiniSolveSolver

/// A small deterministic generator, so that a failing formula can be reproduced from its seed.
struct SplitMix {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((value ^ (value >> 31)) % UInt64(bound))
  }
}

/// Whether an assignment (bit i = variable i) satisfies every clause.
func satisfies(_ bits: Int, _ formula: [[Literal]]) -> Bool {
  formula.allSatisfy { clause in
    clause.contains { (bits >> Int($0.variable)) & 1 == ($0.isNegated ? 0 : 1) }
  }
}

@Suite struct SolverTests {
  @Test func agreesWithBruteForceOnRandomFormulas() {
    var random = SplitMix(state: 20_261_204)
    var satisfiable = 0
    for round in 0..<3_000 {
      let variables = 2 + random.next(11)
      let clauseCount = 1 + random.next(variables * 5)
      var formula: [[Literal]] = []
      for _ in 0..<clauseCount {
        let width = 1 + random.next(4)
        formula.append(
          (0..<width).map { _ in
            Literal(Int32(random.next(variables)), negated: random.next(2) == 0)
          })
      }
      var solver = Solver(variableCount: variables)
      for clause in formula { solver.addClause(clause, cause: .learnt) }
      let expected = (0..<(1 << variables)).contains { satisfies($0, formula) }
      let outcome = solver.solve()
      #expect((outcome == .satisfiable) == expected, "round \(round): \(formula)")
      if outcome == .satisfiable {
        satisfiable += 1
        let bits = solver.trueVariables().reduce(0) { $0 | (1 << Int($1)) }
        #expect(satisfies(bits, formula), "round \(round): model \(bits) of \(formula)")
      }
    }
    #expect(satisfiable > 300 && satisfiable < 2_700, "a mix of both answers")
  }

  @Test func assumptionsAreHonouredAndForgotten() {
    var random = SplitMix(state: 7)
    for round in 0..<1_000 {
      let variables = 3 + random.next(8)
      var formula: [[Literal]] = []
      for _ in 0..<(variables * 3) {
        formula.append(
          (0..<(2 + random.next(2))).map { _ in
            Literal(Int32(random.next(variables)), negated: random.next(2) == 0)
          })
      }
      var solver = Solver(variableCount: variables)
      for clause in formula { solver.addClause(clause, cause: .learnt) }
      // The same solver answers one query after another.
      for _ in 0..<3 {
        let assumptions = (0..<(1 + random.next(3))).map { _ in
          Literal(Int32(random.next(variables)), negated: random.next(2) == 0)
        }
        let units = assumptions.map { [$0] }
        let expected = (0..<(1 << variables)).contains { satisfies($0, formula + units) }
        let outcome = solver.solve(assuming: assumptions)
        #expect((outcome == .satisfiable) == expected, "round \(round): \(assumptions)")
        if outcome == .satisfiable {
          let bits = solver.trueVariables().reduce(0) { $0 | (1 << Int($1)) }
          #expect(satisfies(bits, formula + units))
        }
      }
    }
  }

  @Test func requirementsPullOnlyWhatIsNeeded() {
    // 0 is the root; 0 needs 1 or 2; 1 needs 3. Nothing needs 4.
    var solver = Solver(variableCount: 5)
    solver.addClause([Literal(0)], cause: .root(name: "a"))
    solver.addClause([Literal(0, negated: true), Literal(1), Literal(2)], cause: .learnt)
    solver.addClause([Literal(1, negated: true), Literal(3)], cause: .learnt)
    #expect(solver.solve() == .satisfiable)
    #expect(solver.trueVariables().sorted() == [0, 1, 3])
    // The first alternative ruled out, the second is taken.
    #expect(solver.solve(assuming: [Literal(1, negated: true)]) == .satisfiable)
    #expect(solver.trueVariables().sorted() == [0, 2])
  }

  @Test func lubyIsTheSequence() {
    #expect((1...15).map { luby($0 - 1) } == [1, 1, 2, 1, 1, 2, 4, 1, 1, 2, 1, 1, 2, 4, 8])
  }

  @Test func anObserverHearsEverySearch() {
    final class Recorder: SolverObserver, @unchecked Sendable {
      var heard: [SolverStatistics] = []
      func solverSearched(_ statistics: SolverStatistics) { heard.append(statistics) }
    }
    let recorder = Recorder()
    var solver = Solver(variableCount: 3)
    solver.observer = recorder
    // 0 needs 1 or 2; 1 and 2 conflict with each other and 2 is ruled out.
    solver.addClause([Literal(0, negated: true), Literal(1), Literal(2)], cause: .learnt)
    solver.addClause([Literal(1, negated: true), Literal(2, negated: true)], cause: .learnt)
    solver.addClause([Literal(2, negated: true)], cause: .learnt)
    #expect(solver.solve(assuming: [Literal(0)]) == .satisfiable)
    #expect(solver.solve(assuming: [Literal(1, negated: true), Literal(0)]) != .satisfiable)
    #expect(recorder.heard.map(\.solves) == [1, 2])
    #expect(recorder.heard.last == solver.statistics)
  }

  @Test func aLimitOnTrueVariablesIsKeptAndProvedTight() {
    // 0 needs 1 or (2 and 3): with at most two true, only {0, 1} remains.
    var solver = Solver(variableCount: 4)
    solver.addClause([Literal(0)], cause: .learnt)
    solver.addClause([Literal(0, negated: true), Literal(2), Literal(1)], cause: .learnt)
    solver.addClause([Literal(2, negated: true), Literal(3)], cause: .learnt)
    #expect(solver.solve() == .satisfiable)
    #expect(Set(solver.trueVariables()) == [0, 2, 3])
    solver.limitTrueVariables(to: 2)
    #expect(solver.solve() == .satisfiable)
    #expect(Set(solver.trueVariables()) == [0, 1])
    solver.limitTrueVariables(to: 1)
    #expect(solver.solve() != .satisfiable)
  }

  @Test func lookaheadTakesTheAlternativeThatAddsTheFewest() {
    // 0 needs 5, 5 needs 3; 0 needs 1 | 2 | 4. 1 needs 6 and 7, 2 needs 3 (already true),
    // 4 needs 8. In order the first alternative wins; by lookahead 2, which adds only itself.
    var clauses: [[Literal]] = [
      [Literal(0)],
      [Literal(0, negated: true), Literal(5)],
      [Literal(5, negated: true), Literal(3)],
      [Literal(0, negated: true), Literal(1), Literal(2), Literal(4)],
      [Literal(1, negated: true), Literal(6)],
      [Literal(1, negated: true), Literal(7)],
      [Literal(2, negated: true), Literal(3)],
      [Literal(4, negated: true), Literal(8)],
    ]
    var inOrder = Solver(variableCount: 9)
    for clause in clauses { inOrder.addClause(clause, cause: .learnt) }
    #expect(inOrder.solve() == .satisfiable)
    #expect(Set(inOrder.trueVariables()) == [0, 1, 3, 5, 6, 7])
    var greedy = Solver(variableCount: 9)
    greedy.decidesByLookahead = true
    for clause in clauses { greedy.addClause(clause, cause: .learnt) }
    #expect(greedy.solve() == .satisfiable)
    #expect(Set(greedy.trueVariables()) == [0, 2, 3, 5])

    // A try that conflicts is the costliest: 2 alone would add less but cannot be true.
    clauses.append([Literal(2, negated: true), Literal(3, negated: true)])
    var avoiding = Solver(variableCount: 9)
    avoiding.decidesByLookahead = true
    for clause in clauses { avoiding.addClause(clause, cause: .learnt) }
    #expect(avoiding.solve() == .satisfiable)
    #expect(Set(avoiding.trueVariables()) == [0, 3, 4, 5, 8])
    #expect(avoiding.statistics.conflicts == 0)
  }
}
