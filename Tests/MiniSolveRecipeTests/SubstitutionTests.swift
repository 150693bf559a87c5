import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

private let here = Mark(line: 3, column: 5)

private func located(_ text: String, at mark: Mark = here) -> Located<String> {
  Located(text, path: "test.yaml", mark: mark)
}

/// A scope with the given final names and `vars.*`, each var at its own line.
private func scope(names: [String: String] = [:], vars: [String: String] = [:]) -> Scope {
  var scope = Scope(names: names)
  for (index, (name, value)) in vars.sorted(by: { $0.key < $1.key }).enumerated() {
    scope.vars[name] = Located(value, path: "vars.yaml", mark: Mark(line: index + 1, column: 3))
  }
  return scope
}

private func substitute(_ text: String, in scope: Scope) throws -> String {
  try Substitution(scope: scope).apply(located(text))
}

/// The error substituting `text` throws, or nil when it succeeds.
private func failure(_ text: String, in scope: Scope) -> SubstitutionError? {
  do {
    _ = try substitute(text, in: scope)
    return nil
  } catch {
    return error as? SubstitutionError
  }
}

private let package = scope(names: ["package.name": "hello", "package.version": "2.12"])

@Suite struct SubstitutionTests {
  // MARK: Names

  @Test func replacesNames() throws {
    #expect(try substitute("${{package.name}}-dev", in: package) == "hello-dev")
    #expect(
      try substitute("${{package.name}}/${{package.version}}.tar.gz", in: package)
        == "hello/2.12.tar.gz")
    #expect(try substitute("${{package.name}}${{package.name}}", in: package) == "hellohello")
  }

  @Test func whitespaceInsideBracesIsIgnored() throws {
    #expect(try substitute("${{ package.name }}", in: package) == "hello")
    #expect(try substitute("${{\tpackage.name  }}", in: package) == "hello")
    #expect(try substitute("${{package.name }}", in: package) == "hello")
  }

  @Test func textWithoutSubstitutionIsUnchanged() throws {
    #expect(try substitute("plain text {{ }}", in: package) == "plain text {{ }}")
    #expect(try substitute("echo $HOME ${FOO} $$", in: package) == "echo $HOME ${FOO} $$")
    #expect(try substitute("", in: package) == "")
    #expect(try substitute("${ {package.name}}", in: package) == "${ {package.name}}")
  }

  @Test func replacementIsOnePass() throws {
    // A value holding `${{` is not substituted again.
    let names = scope(names: ["a": "${{b}}", "b": "no"])
    #expect(try substitute("${{a}}", in: names) == "${{b}}")
  }

  @Test func closingBracesWithoutOpeningStay() throws {
    #expect(try substitute("a }} b ${{package.name}} }}", in: package) == "a }} b hello }}")
  }

  // MARK: Variables

  @Test func varsReferToVars() throws {
    let names = scope(
      names: ["package.version": "1.2.3"],
      vars: ["a": "${{vars.b}}-x", "b": "v${{package.version}}", "c": "${{vars.a}}/${{vars.b}}"])
    #expect(try substitute("${{vars.b}}", in: names) == "v1.2.3")
    #expect(try substitute("${{vars.a}}", in: names) == "v1.2.3-x")
    #expect(try substitute("${{vars.c}}", in: names) == "v1.2.3-x/v1.2.3")
  }

  @Test func varCycleIsReportedAtAVar() {
    let cyclic = scope(vars: ["a": "${{vars.b}}", "b": "${{vars.a}}"])
    let error = failure("${{vars.a}}", in: cyclic)
    #expect(error?.category == "variable-cycle")
    // Named and placed from the variable declared first, whichever way the cycle is entered.
    #expect(
      error?.message == "variables refer to each other in a cycle: vars.a -> vars.b -> vars.a")
    #expect(error?.path == "vars.yaml")
    #expect(error?.mark == Mark(line: 1, column: 3))
    #expect(error?.needle == nil)
  }

  @Test func cycleEnteredElsewhereIsTheSameCycle() {
    let cyclic = scope(vars: ["a": "${{vars.b}}", "b": "${{vars.a}}"])
    let error = failure("${{vars.b}}", in: cyclic)
    #expect(
      error?.message == "variables refer to each other in a cycle: vars.a -> vars.b -> vars.a")
    #expect(error?.mark == Mark(line: 1, column: 3))
  }

  @Test func selfReferenceIsACycle() {
    let cyclic = scope(vars: ["a": "x${{vars.a}}"])
    let error = failure("${{vars.a}}", in: cyclic)
    #expect(error?.category == "variable-cycle")
    #expect(error?.message == "variables refer to each other in a cycle: vars.a -> vars.a")
  }

  @Test func aVarUsedTwiceIsNotACycle() throws {
    let names = scope(vars: ["a": "${{vars.b}}${{vars.b}}", "b": "x"])
    #expect(try substitute("${{vars.a}}-${{vars.b}}", in: names) == "xx-x")
  }

  @Test func varCycleInsideAnExpressionIsStillACycle() {
    let cyclic = scope(vars: ["a": "${{vars.b}}", "b": "${{vars.a}}"])
    #expect(failure("${{ vars.a == 'x' }}", in: cyclic)?.category == "variable-cycle")
  }

  @Test func unknownNameInsideAVarUsedByAnExpressionIsNamed() {
    // The var exists; the name it refers to does not, and that is what must be reported.
    let names = scope(vars: ["a": "${{vars.nope}}"])
    let error = failure("${{ vars.a == 'x' }}", in: names)
    #expect(error?.category == "undefined-variable")
    #expect(error?.message.hasPrefix("unknown variable 'vars.nope'") == true)
  }

  @Test func deepButFiniteChainsResolve() throws {
    // Forty vars, each referring to the next.
    var vars: [String: String] = [:]
    for index in 0..<39 { vars["v\(index)"] = "${{vars.v\(index + 1)}}" }
    vars["v39"] = "end"
    #expect(try substitute("${{vars.v0}}", in: scope(vars: vars)) == "end")
  }

  // MARK: Unknown names

  @Test func unknownNameSuggestsTheClosest() {
    let error = failure("echo ${{package.nme}}", in: package)
    #expect(error?.category == "undefined-variable")
    #expect(error?.message == "unknown variable 'package.nme'; did you mean 'package.name'?")
    #expect(error?.needle == "${{package.nme}}")
    #expect(error?.path == "test.yaml")
    #expect(error?.mark == here)
  }

  @Test func unknownVarSuggestsAVar() {
    let names = scope(vars: ["version-major": "1"])
    #expect(
      failure("${{vars.version-majr}}", in: names)?.message
        == "unknown variable 'vars.version-majr'; did you mean 'vars.version-major'?")
  }

  @Test func unknownNameKeepsItsSpacesInTheNeedle() {
    #expect(failure("${{ package.nme }}", in: package)?.needle == "${{ package.nme }}")
  }

  @Test func unknownInputExplainsWhereInputsExist() {
    #expect(
      failure("${{inputs.opts}}", in: package)?.message
        == "unknown variable 'inputs.opts'; inputs exist only inside a named pipeline"
        + " that declares them")
  }

  @Test func unknownRangeNameExplainsWhereRangesExist() {
    #expect(
      failure("${{range.key}}", in: package)?.message
        == "unknown variable 'range.key'; range names exist only in a subpackage with 'range:'")
  }

  @Test func unknownNameFarFromEverything() {
    #expect(
      failure("${{zzzzzz}}", in: package)?.message == "unknown variable 'zzzzzz'")
  }

  // MARK: Unclosed

  @Test func unclosedSubstitution() {
    let error = failure("abc ${{package.name", in: package)
    #expect(error?.category == "unclosed-substitution")
    #expect(error?.message == "'${{' is never closed with '}}'")
    #expect(error?.needle == "${{package.name")
    #expect(error?.mark == here)
  }

  @Test func unclosedSubstitutionNeedleIsAtMostTwentyCharacters() {
    let error = failure("${{ package.version and more", in: package)
    #expect(error?.needle == "${{ package.version ")
  }

  @Test func unclosedAfterAGoodOne() {
    #expect(failure("${{package.name}} ${{x", in: package)?.category == "unclosed-substitution")
  }

  // MARK: Expressions

  @Test func expressionsInsideBraces() throws {
    let names = scope(names: ["build.arch": "x86_64", "range.key": "64"])
    #expect(
      try substitute("${{ build.arch == 'x86_64' && 'yes' || 'no' }}", in: names) == "yes")
    #expect(
      try substitute("lib${{ range.key == '64' && '-ilp64' || '' }}.so", in: names)
        == "lib-ilp64.so")
    #expect(try substitute("${{ build.arch == 'aarch64' }}", in: names) == "false")
    #expect(try substitute("${{build.arch != 'aarch64'}}", in: names) == "true")
  }

  @Test func expressionsSeeVars() throws {
    let names = scope(names: ["package.version": "1.2"], vars: ["v": "${{package.version}}"])
    #expect(try substitute("${{ vars.v == '1.2' && 'new' || 'old' }}", in: names) == "new")
  }

  @Test func invalidExpression() {
    let error = failure("${{ a = b }}", in: package)
    #expect(error?.category == "invalid-expression")
    #expect(
      error?.message == "in '${{ a = b }}': '=' is not an operator; use ==, !=, && or ||")
    #expect(error?.needle == "${{ a = b }}")
  }

  @Test func expressionWithAnUnknownName() {
    let error = failure("${{ vars.x == 'y' }}", in: package)
    #expect(error?.category == "invalid-expression")
    #expect(error?.message == "in '${{ vars.x == 'y' }}': unknown variable 'vars.x'")
  }

  // MARK: Helpers

  @Test func namesAreLettersDigitsDotsDashesAndUnderscores() {
    #expect(Substitution.isName("package.full-version"))
    #expect(Substitution.isName("vars.a_b9"))
    #expect(!Substitution.isName(""))
    #expect(!Substitution.isName("a b"))
    #expect(!Substitution.isName("a==b"))
    #expect(!Substitution.isName("'a'"))
  }

  @Test func onlySpacesAndTabsAroundANameAreTrimmed() throws {
    #expect(try substitute(" \t${{ \t package.name\t }}\t ", in: package) == " \thello\t ")
    #expect(failure("${{   }}", in: package)?.category == "invalid-expression")
    // A newline is not trimmed, so the text is read as an expression, which skips it.
    #expect(try substitute("${{\npackage.name\n}}", in: package) == "hello")
    #expect(try substitute("é${{package.name}}ü", in: package) == "éhelloü")
  }

  @Test func scopeWithoutInputsDropsOnlyInputs() {
    var names = Scope()
    names["inputs.dir"] = "."
    names["package.name"] = "hello"
    names.vars["inputs"] = located("kept")
    let cleared = names.withoutInputs()
    #expect(cleared["inputs.dir"] == nil)
    #expect(cleared["package.name"] == "hello")
    #expect(cleared.vars["inputs"]?.value == "kept")
  }
}
