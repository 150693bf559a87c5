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

  var description: String { name }

  /// Reads `package NAME VERSION` lines, each followed by indented `depends A | B`,
  /// `provides X`, `conflicts Y`, `priority N` lines, then `request ROOT...` and
  /// `expect NAME-VERSION... | unsatisfiable`. `#` starts a comment.
  init(path: String) throws {
    name = (path as NSString).lastPathComponent
    var builder = PackageSetBuilder()
    var draft: PackageDraft?
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
      case "package":
        if let done = draft { builder.add(done) }
        draft = PackageDraft(
          name: rest[0], version: rest[1], architecture: "noarch", scheme: .apk, file: name,
          line: number + 1)
      case "depends":
        let alternatives = try rest.joined().split(separator: "|").map {
          try Constraint.apk(String($0))
        }
        draft?.relations.append(.init(.depends, alternatives, line: number + 1))
      case "provides":
        draft?.relations.append(.init(.provides, [try Constraint.apk(rest[0])], line: number + 1))
      case "conflicts":
        var constraint = try Constraint.apk(rest[0])
        constraint.isConflict = true
        draft?.relations.append(.init(.conflicts, [constraint], line: number + 1))
      case "priority":
        draft?.providerPriority = Int(rest[0]) ?? 0
      case "request":
        roots = try rest.map { try Constraint.apk($0) }
      case "expect":
        expected = rest == ["unsatisfiable"] ? nil : rest.sorted()
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
  func solve() -> (members: [String]?, problems: [String]) {
    let encoding = PackageEncoding(
      universe, architectures: ["x86_64"], reachableFrom: roots, scheme: .apk)
    guard case .success(let closure) = ClosureFinder.closure(of: roots, scheme: .apk, in: encoding)
    else { return (nil, []) }
    let problems = ClosureChecker.problems(
      members: closure.members, roots: roots, scheme: .apk, universe: universe)
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
    if scenario.expected == nil {
      let sentences = Explanation.sentences(
        roots: scenario.roots, scheme: .apk, universe: scenario.universe,
        architectures: ["x86_64"])
      #expect(sentences == scenario.explanation, "\(sentences.joined(separator: "\n"))")
    }
  }
}
