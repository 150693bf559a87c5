import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

/// `Tests/Fixtures`, found from this file's place in the checkout.
private let fixturesFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .appendingPathComponent("Fixtures")

/// The YAML files of one fixture folder, as paths relative to `Tests/Fixtures`, sorted.
private func fixtures(in folder: String) -> [String] {
  let url = fixturesFolder.appendingPathComponent(folder)
  let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }
    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    .map { "\(folder)/\($0)" }
}

private func absolutePath(of fixture: String) -> String {
  fixturesFolder.appendingPathComponent(fixture).path
}

/// One finding, as a fixture's `# expect: LINE:COL SEVERITY [CATEGORY] MESSAGE` line states it.
private struct Finding: Hashable, Comparable, CustomStringConvertible {
  var line: Int
  var column: Int
  var severity: String
  var category: String
  var message: String

  init(_ diagnostic: Diagnostic) {
    line = diagnostic.mark.line
    column = diagnostic.mark.column
    severity = diagnostic.severity.rawValue
    category = diagnostic.category
    message = diagnostic.message
  }

  /// Reads the text after `# expect: `; nil when it does not have the expected form.
  init?(expectation text: Substring) {
    let parts = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, parts[2].hasPrefix("["), parts[2].hasSuffix("]") else { return nil }
    let position = parts[0].split(separator: ":")
    guard position.count == 2, let line = Int(position[0]), let column = Int(position[1]) else {
      return nil
    }
    self.line = line
    self.column = column
    severity = String(parts[1])
    category = String(parts[2].dropFirst().dropLast())
    message = String(parts[3])
  }

  static func < (lhs: Finding, rhs: Finding) -> Bool {
    (lhs.line, lhs.column, lhs.category, lhs.message)
      < (rhs.line, rhs.column, rhs.category, rhs.message)
  }

  var description: String { "\(line):\(column) \(severity) [\(category)] \(message)" }
}

/// The `# expect:` lines of a fixture's leading comment block; bytes, since some fixtures are
/// deliberately not UTF-8 further down.
private func expectations(in path: String) throws -> [Finding] {
  let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
  let prefix = "# expect: "
  var findings: [Finding] = []
  for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("#") else { break }
    guard text.hasPrefix(prefix) else { continue }
    let finding = try #require(
      Finding(expectation: text.dropFirst(prefix.count)), "malformed expectation: \(text)")
    findings.append(finding)
  }
  return findings
}

/// A linter with the built-in pipelines only, compiling for the named architectures.
private func linter(for architectures: [String]) throws -> Linter {
  let resolved = try architectures.map { try #require(Architecture.named($0)) }
  return Linter(library: PipelineLibrary(directories: []), architectures: resolved)
}

/// Splits `found` against `expected` as multisets: what was expected but not found, and the rest.
private func compare(
  found: [Finding], expected: [Finding]
) -> (missing: [Finding], extra: [Finding]) {
  var extra = found
  var missing: [Finding] = []
  for finding in expected {
    if let index = extra.firstIndex(of: finding) {
      extra.remove(at: index)
    } else {
      missing.append(finding)
    }
  }
  return (missing.sorted(), extra.sorted())
}

@Suite struct BadInputFixtureTests {
  static let badFixtures = fixtures(in: "bad") + fixtures(in: "bad-pipelines/pipelines")

  @Test func theBadFolderHoldsAtLeastFortyFiveFixtures() {
    #expect(fixtures(in: "bad").count >= 45)
  }

  @Test(arguments: badFixtures)
  func reportsExactlyTheExpectedFindings(fixture: String) throws {
    let path = absolutePath(of: fixture)
    let expected = try expectations(in: path)
    #expect(!expected.isEmpty, "\(fixture) states no '# expect:' line")

    let asPipeline = fixture.hasPrefix("bad-pipelines/")
    let found = try linter(for: ["x86_64"]).lint(path, asPipeline: asPipeline).map(Finding.init)
    let (missing, extra) = compare(found: found, expected: expected)

    #expect(missing.isEmpty, "expected but not reported:\n\(lines(missing))")
    #expect(extra.isEmpty, "reported but not expected:\n\(lines(extra))")
  }

  private func lines(_ findings: [Finding]) -> String {
    findings.map { "  \($0)" }.joined(separator: "\n")
  }
}

@Suite struct GoodInputFixtureTests {
  static let goodFixtures = fixtures(in: "good")

  @Test func theGoodFolderHoldsAtLeastFiveRecipes() {
    #expect(Self.goodFixtures.count >= 5)
  }

  @Test(arguments: goodFixtures)
  func lintsWithoutFindings(fixture: String) throws {
    let diagnostics = try linter(for: ["x86_64", "aarch64"]).lint(absolutePath(of: fixture))

    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
  }

  @Test(arguments: goodFixtures)
  func compilesWithEachBuildOptionEnabled(fixture: String) throws {
    let path = absolutePath(of: fixture)
    let bytes = try #require(PipelineLibrary.read(path))
    let recipe = try #require(RecipeDecoder.decode(bytes, path: path).recipe)
    let architecture = try #require(Architecture.named("x86_64"))

    for option in recipe.options {
      let options = CompileOptions(architecture: architecture, buildOptions: [option.name.value])
      let (compiled, diagnostics) = Compiler.compile(
        recipe, source: bytes, options: options, library: PipelineLibrary(directories: []))

      #expect(compiled?.buildOptions == [option.name.value])
      #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }
  }
}
