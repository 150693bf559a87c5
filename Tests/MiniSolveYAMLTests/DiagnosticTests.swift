import Testing

@testable import MiniSolveYAML

@Suite struct DiagnosticTests {
  @Test func descriptionReadsLikeACompilerError() {
    let diagnostic = Diagnostic(
      path: "recipes/hello.yaml", mark: Mark(line: 14, column: 9), category: "unknown-key",
      message: "unknown key 'pipline'")
    #expect(
      diagnostic.description
        == "recipes/hello.yaml:14:9: error: [unknown-key] unknown key 'pipline'")
  }

  @Test func warningDescription() {
    let diagnostic = Diagnostic(
      path: "a.yaml", mark: .start, severity: .warning, category: "skipped", message: "empty")
    #expect(diagnostic.description == "a.yaml:1:1: warning: [skipped] empty")
  }

  @Test func severityDefaultsToError() {
    let diagnostic = Diagnostic(path: "a.yaml", mark: .start, category: "x", message: "y")
    #expect(diagnostic.severity == .error)
  }

  @Test func warningIsLessSevereThanError() {
    #expect(Diagnostic.Severity.warning < .error)
    #expect(!(Diagnostic.Severity.error < .warning))
    #expect(!(Diagnostic.Severity.error < .error))
    #expect(!(Diagnostic.Severity.warning < .warning))
    #expect([Diagnostic.Severity.error, .warning].max() == .error)
  }

  @Test func fromAYAMLErrorKeepsItsPlaceCategoryAndMessage() {
    let input = MarkedInput("a: 1\n  b«problem»: 2\n")
    let error = readingError(input.text)
    let diagnostic = error.map { Diagnostic(path: "recipes/x.yaml", yamlError: $0) }
    #expect(
      diagnostic
        == Diagnostic(
          path: "recipes/x.yaml", mark: input["problem"], severity: .error, category: "syntax",
          message: "mapping values are not allowed in this context"))
    #expect(
      diagnostic?.description
        == "recipes/x.yaml:2:4: error: [syntax] mapping values are not allowed in this context")
  }

  @Test func fromADuplicateKeyError() {
    let error = readingError("name: a\nname: b\n")
    let diagnostic = error.map { Diagnostic(path: "x.yaml", yamlError: $0) }
    #expect(
      diagnostic?.description
        == "x.yaml:2:1: error: [duplicate-key] duplicate key 'name' (first defined at 1:1)")
  }
}
