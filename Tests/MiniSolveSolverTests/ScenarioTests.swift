import Foundation
import MiniSolveUniverse
import Testing

@testable import MiniSolveSolver

/// A plain-text solver scenario: packages with their relations, a request, the expected answer.
struct Scenario: CustomStringConvertible {
  var name: String
  var universe: PackageSet
  var roots: [Constraint]
  /// Expected members as `name-version`, sorted; nil when no closure should exist.
  var expected: [String]?
  /// For an unsatisfiable request, the explanation's sentences, whole.
  var explanation: [String] = []
  /// The members of the smallest closure (`optimal NAME-VERSION...`), when the scenario says.
  var optimal: [String]?

  var description: String { name }

  /// Reads `package NAME VERSION` lines, each followed by indented `depends A | B`,
  /// `provides X`, `conflicts Y`, `priority N` lines, then `request ROOT...` and
  /// `expect NAME-VERSION... | unsatisfiable`, and optionally `optimal NAME-VERSION...` for
  /// the smallest closure. `#` starts a comment. After `scheme debian`,
  /// versions and relations are Debian's (`depends a (>= 1) | b`, `breaks`, `predepends`,
  /// `multiarch allowed`, `arch all`).
  init(path: String) throws {
    name = (path as NSString).lastPathComponent
    var builder = PackageSetBuilder()
    var draft: PackageDraft?
    var scheme = VersionScheme.apk
    roots = []
    expected = nil
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let words = line.split(separator: " ").map(String.init)
      let rest = Array(words.dropFirst())
      switch words[0] {
      case "scheme":
        scheme = rest == ["debian"] ? .debian : .apk
      case "package":
        if let done = draft { builder.add(done) }
        draft = PackageDraft(
          name: rest[0], version: rest[1], architecture: scheme == .debian ? "amd64" : "noarch",
          scheme: scheme, file: name, line: number + 1)
      case "arch":
        draft?.architecture = rest[0]
      case "multiarch":
        draft?.multiArch = rest[0] == "allowed" ? .allowed : rest[0] == "foreign" ? .foreign : .same
      case "depends", "predepends", "breaks", "provides", "conflicts":
        let kinds: [String: RelationKind] = [
          "depends": .depends, "predepends": .preDepends, "breaks": .breaks,
          "provides": .provides, "conflicts": .conflicts,
        ]
        let kind = kinds[words[0]] ?? .depends
        if scheme == .debian {
          for group in try Constraint.debianRelations(rest.joined(separator: " ")) {
            draft?.relations.append(.init(kind, group, line: number + 1))
          }
        } else {
          var alternatives = try rest.joined().split(separator: "|").map {
            try Constraint.apk(String($0))
          }
          if kind == .conflicts || kind == .breaks {
            alternatives = alternatives.map { constraint in
              var conflict = constraint
              conflict.isConflict = true
              return conflict
            }
          }
          draft?.relations.append(.init(kind, alternatives, line: number + 1))
        }
      case "installif":
        draft?.relations.append(.init(.installIf, [try Constraint.apk(rest[0])], line: number + 1))
      case "priority":
        draft?.providerPriority = Int(rest[0]) ?? 0
      case "request":
        roots = try rest.map { try Constraint.apk($0) }
      case "expect":
        expected = rest == ["unsatisfiable"] ? nil : rest.sorted()
      case "optimal":
        optimal = rest.sorted()
      case "explain":
        explanation.append(rest.joined(separator: " "))
      default:
        throw ScenarioError(message: "\(name):\(number + 1): unknown line '\(line)'")
      }
    }
    if let done = draft { builder.add(done) }
    universe = builder.finish()
  }

  /// The answer minisolve gives, as sorted `name-version`, or nil when there is none.
  var scheme: VersionScheme { universe.packages.first?.scheme ?? .apk }

  /// The default answer, or with `optimal` the smallest closure.
  func solve(optimal: Bool = false) -> (members: [String]?, problems: [String]) {
    let encoding = PackageEncoding(
      universe, architectures: ["x86_64", "amd64"], reachableFrom: roots, scheme: scheme)
    let answer =
      optimal
      ? ClosureFinder.optimalClosure(of: roots, scheme: scheme, in: encoding)
      : ClosureFinder.closure(of: roots, scheme: scheme, in: encoding)
    guard case .success(let closure) = answer else { return (nil, []) }
    let problems = ClosureChecker.problems(
      members: closure.members, roots: roots, scheme: scheme, universe: universe)
    let names = closure.members.map {
      universe.strings[universe.packages[Int($0)].name] + "-"
        + universe.strings[universe.packages[Int($0)].version]
    }
    return (names.sorted(), problems)
  }
}

struct ScenarioError: Error {
  var message: String
}

private let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Fixtures/scenarios").path

private let scenarioFiles: [String] = {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarioFolder)) ?? []
  return names.filter { $0.hasSuffix(".txt") }.sorted()
}()

@Suite struct ScenarioTests {
  @Test func thereAreScenarios() {
    #expect(scenarioFiles.count >= 20)
  }

  @Test(arguments: scenarioFiles)
  func scenario(_ file: String) throws {
    let scenario = try Scenario(path: scenarioFolder + "/" + file)
    let (members, problems) = scenario.solve()
    #expect(members == scenario.expected)
    #expect(problems.isEmpty, "the checker disagrees: \(problems)")
    let (smallest, optimalProblems) = scenario.solve(optimal: true)
    #expect(optimalProblems.isEmpty, "the checker disagrees: \(optimalProblems)")
    #expect(smallest == (scenario.optimal ?? scenario.expected))
    if scenario.expected == nil {
      let sentences = Explanation.sentences(
        roots: scenario.roots, scheme: scenario.scheme, universe: scenario.universe,
        architectures: ["x86_64", "amd64"])
      #expect(sentences == scenario.explanation, "\(sentences.joined(separator: "\n"))")
    }
  }
}
