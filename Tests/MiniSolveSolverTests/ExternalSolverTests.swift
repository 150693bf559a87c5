import Foundation
import MiniSolveUniverse
import Testing

@testable import MiniSolveSolver

/// Larger random formulas than enumeration can handle, answered by minisolve and by PicoSAT.
@Suite struct ExternalSolverTests {
  static let picosat = ["/usr/bin/picosat", "/usr/local/bin/picosat"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// PicoSAT's verdict on a DIMACS file: true for satisfiable (exit 10), false for not (20).
  static func picosatSays(_ dimacs: String, path: String) throws -> Bool? {
    guard let picosat else { return nil }
    try dimacs.write(toFile: path, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: picosat)
    process.arguments = ["-n", path]
    process.standardOutput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    finished.wait()
    switch process.terminationStatus {
    case 10: return true
    case 20: return false
    default: throw ScenarioError(message: "picosat exited \(process.terminationStatus)")
    }
  }

  /// A path for DIMACS files, or nil (with a note) when PicoSAT is not installed.
  static func scratchFile() -> String? {
    guard picosat != nil else {
      print("note: picosat is not installed (apt-get install picosat); skipping")
      return nil
    }
    return FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-\(UUID().uuidString).cnf").path
  }

  @Test func agreesWithPicoSATNearThePhaseTransition() throws {
    guard let path = Self.scratchFile() else { return }
    defer { try? FileManager.default.removeItem(atPath: path) }
    var random = SplitMix(state: 2_026)
    var answers: [Bool: Int] = [:]
    for round in 0..<300 {
      let variables = 20 + random.next(40)
      let clauseCount = Int(Double(variables) * (3.9 + Double(random.next(8)) / 10))
      var formula: [[Literal]] = []
      for _ in 0..<clauseCount {
        var clause: [Literal] = []
        while clause.count < 3 {
          let literal = Literal(Int32(random.next(variables)), negated: random.next(2) == 0)
          if !clause.contains(where: { $0.variable == literal.variable }) { clause.append(literal) }
        }
        formula.append(clause)
      }
      var solver = Solver(variableCount: variables)
      for clause in formula { solver.addClause(clause, cause: .learnt) }
      let mine = solver.solve() == .satisfiable
      if mine {
        let model = Set(solver.trueVariables())
        let holds = formula.allSatisfy { clause in
          clause.contains { model.contains($0.variable) != $0.isNegated }
        }
        #expect(holds, "round \(round): model does not satisfy the formula")
      }
      var dimacs = "p cnf \(variables) \(formula.count)\n"
      for clause in formula {
        dimacs +=
          clause.map { "\($0.isNegated ? "-" : "")\($0.variable + 1)" }
          .joined(separator: " ") + " 0\n"
      }
      let theirs = try Self.picosatSays(dimacs, path: path)
      #expect(
        mine == theirs, "round \(round): minisolve \(mine), picosat \(String(describing: theirs))")
      answers[mine, default: 0] += 1
    }
    #expect(answers[true, default: 0] > 30 && answers[false, default: 0] > 30, "\(answers)")
  }

  /// DIMACS for the problem clauses of an encoding, one more clause for the root, and, with
  /// `atMost`, a sequential counter (Sinz 2005) allowing at most that many packages.
  static func dimacs(_ encoding: PackageEncoding, root: [Int32], atMost: Int? = nil) -> String {
    let solver = encoding.solver
    let count = encoding.packageOfVariable.count
    var clauses: [[Int]] = []
    for id in 0..<Int32(solver.clauses.count) where !solver.clauses.isLearnt[Int(id)] {
      clauses.append(solver.literals(of: id).map { ($0.isNegated ? -1 : 1) * Int($0.variable + 1) })
    }
    clauses.append(root.map { Int(encoding.variableOfPackage[Int($0)]) + 1 })
    var variables = count
    if let limit = atMost {
      if limit == 0 {
        for x in 1...count { clauses.append([-x]) }
      } else {
        // s(i, j): at least j of the first i packages are installed.
        func s(_ i: Int, _ j: Int) -> Int { count + (i - 1) * limit + j }
        variables = count + (count - 1) * limit
        clauses.append([-1, s(1, 1)])
        for j in stride(from: 2, through: limit, by: 1) { clauses.append([-s(1, j)]) }
        for i in stride(from: 2, to: count, by: 1) {
          clauses.append([-i, s(i, 1)])
          clauses.append([-s(i - 1, 1), s(i, 1)])
          for j in stride(from: 2, through: limit, by: 1) {
            clauses.append([-i, -s(i - 1, j - 1), s(i, j)])
            clauses.append([-s(i - 1, j), s(i, j)])
          }
          clauses.append([-i, -s(i - 1, limit)])
        }
        clauses.append([-count, -s(count - 1, limit)])
      }
    }
    var text = "p cnf \(variables) \(clauses.count)\n"
    for clause in clauses { text += clause.map(String.init).joined(separator: " ") + " 0\n" }
    return text
  }

  /// Random universes of 60 to 200 packages with versioned dependencies, alternatives and
  /// conflicts: the closure exists exactly when PicoSAT finds the encoding satisfiable, and
  /// the optimal closure's size is the smallest PicoSAT allows under a cardinality limit.
  @Test func encodedUniversesAgreeWithPicoSAT() throws {
    guard let path = Self.scratchFile() else { return }
    defer { try? FileManager.default.removeItem(atPath: path) }
    var random = SplitMix(state: 4_004)
    var answers: [Bool: Int] = [:]
    for round in 0..<150 {
      let names = 30 + random.next(50)
      var builder = PackageSetBuilder()
      for name in 0..<names {
        for version in 1...(1 + random.next(3)) {
          var draft = PackageDraft(
            name: "p\(name)", version: "\(version)", architecture: "noarch", scheme: .apk,
            file: "random", line: name + 1)
          for _ in 0..<random.next(4) {
            let group = (0..<(1 + random.next(2))).map { _ in
              // A few names belong to no package.
              let name = "p\(random.next(names + names / 8))"
              return random.next(4) == 0
                ? Constraint(name: name, relation: .greaterEqual, version: "\(2 + random.next(2))")
                : Constraint(name: name)
            }
            draft.relations.append(.init(.depends, group, line: 1))
          }
          for _ in 0..<random.next(4) {
            var constraint = Constraint(name: "p\(random.next(names))")
            constraint.isConflict = true
            draft.relations.append(.init(.conflicts, [constraint], line: 1))
          }
          builder.add(draft)
        }
      }
      let universe = builder.finish()
      let roots = [Constraint(name: "p\(random.next(names))")]
      let full = PackageEncoding(universe, architectures: ["x86_64"])
      let rootCandidates = full.candidates(for: roots[0], scheme: .apk)
      let cone = PackageEncoding(
        universe, architectures: ["x86_64"], reachableFrom: roots, scheme: .apk)
      let answer = ClosureFinder.optimalClosure(of: roots, scheme: .apk, in: cone)
      let theirs = try Self.picosatSays(Self.dimacs(full, root: rootCandidates), path: path)
      guard case .success(let closure) = answer else {
        #expect(theirs == false, "round \(round): minisolve found no closure, picosat did")
        answers[false, default: 0] += 1
        continue
      }
      answers[true, default: 0] += 1
      #expect(theirs == true, "round \(round): minisolve found a closure, picosat did not")
      #expect(
        ClosureChecker.problems(
          members: closure.members, roots: roots, scheme: .apk, universe: universe
        ).isEmpty, "round \(round): the checker rejects the closure")
      #expect(closure.optimality?.proven == true)
      let size = closure.members.count
      let fits = try Self.picosatSays(
        Self.dimacs(full, root: rootCandidates, atMost: size), path: path)
      let smaller = try Self.picosatSays(
        Self.dimacs(full, root: rootCandidates, atMost: size - 1), path: path)
      #expect(fits == true && smaller == false, "round \(round): \(size) is not the minimum")
    }
    #expect(answers[true, default: 0] > 30 && answers[false, default: 0] > 30, "\(answers)")
  }
}
