import Foundation
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

  @Test func agreesWithPicoSATNearThePhaseTransition() throws {
    guard Self.picosat != nil else {
      print("note: picosat is not installed (apt-get install picosat); skipping")
      return
    }
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-\(UUID().uuidString).cnf").path
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
}
