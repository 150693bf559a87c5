import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

/// Evaluates with a lookup that knows exactly `names`.
private func evaluate(
  _ source: String, names: [String: String]
) throws(ExpressionError) -> ExpressionValue {
  try MiniSolveRecipe.Expression.evaluate(source) { names[$0] }
}

/// Evaluates with bare words read as literal text.
private func evaluate(_ source: String) throws(ExpressionError) -> ExpressionValue {
  try MiniSolveRecipe.Expression.evaluate(source)
}

/// The error evaluating `source` throws, or nil when it evaluates.
private func failure(_ source: String, names: [String: String]? = nil) -> ExpressionError? {
  do {
    if let names {
      _ = try evaluate(source, names: names)
    } else {
      _ = try evaluate(source)
    }
    return nil
  } catch {
    return error
  }
}

@Suite struct ExpressionTests {
  // MARK: Comparison

  @Test func equalAndNotEqualCompareText() throws {
    #expect(try evaluate("a == a") == .bool(true))
    #expect(try evaluate("a == b") == .bool(false))
    #expect(try evaluate("a != b") == .bool(true))
    #expect(try evaluate("a != a") == .bool(false))
  }

  @Test func comparisonIsOnTextSoTrueEqualsQuotedTrue() throws {
    #expect(try evaluate("true == 'true'") == .bool(true))
    #expect(try evaluate("false != \"false\"") == .bool(false))
  }

  @Test func comparisonNeedsNoSpaces() throws {
    #expect(try evaluate("x86_64=='x86_64'") == .bool(true))
    #expect(try evaluate("a!=b") == .bool(true))
  }

  // MARK: Logic and precedence

  @Test func andOrOnBooleans() throws {
    #expect(try evaluate("true && true") == .bool(true))
    #expect(try evaluate("true && false") == .bool(false))
    #expect(try evaluate("false || true") == .bool(true))
    #expect(try evaluate("false || false") == .bool(false))
  }

  @Test func andBindsTighterThanOr() throws {
    // As (true || false) && false this would be false.
    #expect(try evaluate("true || false && false") == .bool(true))
    #expect(try evaluate("x == x || y == z && q == w") == .bool(true))
    #expect(try evaluate("a == b && c == c || d == e") == .bool(false))
  }

  @Test func parenthesesOverridePrecedence() throws {
    #expect(try evaluate("(true || false) && false") == .bool(false))
    #expect(try evaluate("(a == a || b == c) && (d == d)") == .bool(true))
    #expect(try evaluate("((a == b))") == .bool(false))
  }

  @Test func chainsAreLeftToRight() throws {
    #expect(try evaluate("false || false || yes") == .text("yes"))
    #expect(try evaluate("a && b && c") == .text("c"))
  }

  // MARK: Operands

  @Test func quotedLiteralsWithEitherQuote() throws {
    #expect(try evaluate("'a b' == \"a b\"") == .bool(true))
    #expect(try evaluate("\"it's\"") == .text("it's"))
    #expect(try evaluate("'say \"hi\"'") == .text("say \"hi\""))
    #expect(try evaluate("'a && b'") == .text("a && b"))
    #expect(try evaluate("''") == .text(""))
  }

  @Test func bareWordsAreLiteralWithoutLookup() throws {
    #expect(try evaluate("build.arch == 'x86_64'") == .bool(false))
    #expect(try evaluate("build.arch == build.arch") == .bool(true))
    #expect(try evaluate("hello") == .text("hello"))
  }

  @Test func bareWordsAreLookedUpWithLookup() throws {
    let names = ["build.arch": "x86_64", "range.key": "64"]
    #expect(try evaluate("build.arch == 'x86_64'", names: names) == .bool(true))
    #expect(try evaluate("build.arch != \"aarch64\"", names: names) == .bool(true))
    #expect(try evaluate("range.key", names: names) == .text("64"))
  }

  @Test func trueAndFalseAreNeverLookedUp() throws {
    var asked: [String] = []
    let value = try MiniSolveRecipe.Expression.evaluate("true && false") { name in
      asked.append(name)
      return "looked-up"
    }
    #expect(value == .bool(false))
    #expect(asked.isEmpty)
  }

  @Test func andOrReturnAnOperand() throws {
    let source = #"range.key == "64" && "-x" || """#
    #expect(try evaluate(source, names: ["range.key": "64"]) == .text("-x"))
    #expect(try evaluate(source, names: ["range.key": "32"]) == .text(""))
  }

  @Test func orReturnsTheFirstTruthyOperand() throws {
    #expect(try evaluate("'' || fallback") == .text("fallback"))
    #expect(try evaluate("first || second") == .text("first"))
    #expect(try evaluate("'false' || second") == .text("second"))
  }

  @Test func andReturnsTheFirstFalsyOperand() throws {
    #expect(try evaluate("'' && second") == .text(""))
    #expect(try evaluate("false && second") == .bool(false))
    #expect(try evaluate("first && second") == .text("second"))
  }

  @Test func emptyLeftOperandLeftBySubstitution() throws {
    // `if: ${{inputs.x}} != ''` with an empty input becomes ` != ''`.
    #expect(try evaluate(" != ''") == .bool(false))
    #expect(try evaluate(" == ''") == .bool(true))
    #expect(try evaluate("!= 'x'") == .bool(true))
    #expect(try evaluate("true && != ''") == .bool(false))
  }

  // MARK: Truth

  @Test func truthiness() {
    #expect(ExpressionValue.bool(true).isTruthy)
    #expect(!ExpressionValue.bool(false).isTruthy)
    #expect(!ExpressionValue.text("").isTruthy)
    #expect(!ExpressionValue.text("false").isTruthy)
    #expect(ExpressionValue.text("0").isTruthy)
    #expect(ExpressionValue.text("no").isTruthy)
  }

  @Test func textOfAValue() {
    #expect(ExpressionValue.bool(true).text == "true")
    #expect(ExpressionValue.bool(false).text == "false")
    #expect(ExpressionValue.text("-x").text == "-x")
  }

  @Test func emptyExpressionIsAnError() {
    #expect(
      failure("")
        == ExpressionError(message: "expression ends where a value was expected", offset: 0))
  }

  // MARK: Errors

  @Test func unclosedQuotePointsAtTheQuote() {
    #expect(
      failure("a == 'b") == ExpressionError(message: "quoted text is never closed", offset: 5))
    #expect(failure("\"a") == ExpressionError(message: "quoted text is never closed", offset: 0))
    // A quote of the other kind does not close it.
    #expect(
      failure("'a\" == b") == ExpressionError(message: "quoted text is never closed", offset: 0))
  }

  @Test func unclosedParenthesisPointsAtTheParenthesis() {
    #expect(failure("(a == b") == ExpressionError(message: "'(' is never closed", offset: 0))
    #expect(failure("x || ((a)") == ExpressionError(message: "'(' is never closed", offset: 5))
  }

  @Test func singleEqualsIsNotAnOperator() {
    let message = "'=' is not an operator; use ==, !=, && or ||"
    #expect(failure("a = b") == ExpressionError(message: message, offset: 2))
    #expect(failure("a =") == ExpressionError(message: message, offset: 2))
  }

  @Test func singleAmpersandBarAndBangAreNotOperators() {
    #expect(
      failure("a & b")
        == ExpressionError(message: "'&' is not an operator; use ==, !=, && or ||", offset: 2))
    #expect(
      failure("a | b")
        == ExpressionError(message: "'|' is not an operator; use ==, !=, && or ||", offset: 2))
    #expect(
      failure("!a")
        == ExpressionError(message: "'!' is not an operator; use ==, !=, && or ||", offset: 0))
  }

  @Test func trailingOperatorPointsAtTheEnd() {
    let message = "expression ends where a value was expected"
    #expect(failure("a &&") == ExpressionError(message: message, offset: 4))
    #expect(failure("a ||") == ExpressionError(message: message, offset: 4))
    #expect(failure("a ==") == ExpressionError(message: message, offset: 4))
    #expect(failure("(") == ExpressionError(message: message, offset: 1))
  }

  @Test func unexpectedTokens() {
    #expect(failure("a == b)") == ExpressionError(message: "unexpected ')'", offset: 6))
    #expect(failure("a b") == ExpressionError(message: "unexpected 'b'", offset: 2))
    #expect(failure("&& a") == ExpressionError(message: "unexpected '&&'", offset: 0))
    #expect(failure("a == 'b' 'c'") == ExpressionError(message: "unexpected ''c''", offset: 9))
    #expect(failure("()") == ExpressionError(message: "unexpected ')'", offset: 1))
  }

  @Test func unknownVariableWithLookup() {
    let names = ["build.arch": "x86_64"]
    #expect(
      failure("build.arch == x86_64", names: names)
        == ExpressionError(message: "unknown variable 'x86_64'", offset: 14))
    #expect(
      failure("(vars.nope)", names: names)
        == ExpressionError(message: "unknown variable 'vars.nope'", offset: 1))
  }

  @Test func offsetsCountBytes() {
    // "é" is two bytes in UTF-8, so the quote after "'é' == " starts at byte 8.
    #expect(
      failure("'é' == 'x") == ExpressionError(message: "quoted text is never closed", offset: 8))
  }
}
