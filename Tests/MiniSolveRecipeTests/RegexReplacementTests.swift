import Foundation
import Testing

@testable import MiniSolveRecipe

/// `text` with every match of `pattern` replaced by `template`, as a var-transform does it.
private func replace(_ text: String, _ pattern: String, _ template: String) throws -> String {
  try RegexReplacement(pattern: pattern).replaceAll(in: text, with: template)
}

private let version = #"(\d+)\.(\d+)"#

@Suite struct RegexReplacementTests {
  // MARK: Group references

  @Test func numberedGroups() throws {
    #expect(try replace("1.2", version, "$2.$1") == "2.1")
    #expect(try replace("1.2", version, "${2}-${1}") == "2-1")
  }

  @Test func groupZeroIsTheWholeMatch() throws {
    #expect(try replace("a12b", #"\d+"#, "[$0]") == "a[12]b")
    #expect(try replace("a12b", #"\d+"#, "$0$0") == "a1212b")
  }

  @Test func bracesSeparateANumberFromLetters() throws {
    #expect(try replace("1.2", version, "${1}a") == "1a")
  }

  @Test func dollarNumberLettersNamesOneGroup() throws {
    // Go reads `$1a` as the group named "1a", which does not exist.
    #expect(try replace("1.2", version, "$1a") == "")
    #expect(try replace("1.2", version, "$1_") == "")
    #expect(try replace("1.2", version, "$1.x") == "1.x")
  }

  @Test func namedGroupsWithPythonSyntax() throws {
    let pattern = #"(?P<major>\d+)\.(?P<minor>\d+)"#
    #expect(try replace("3.14", pattern, "${minor}-${major}") == "14-3")
    #expect(try replace("3.14", pattern, "$minor.$major") == "14.3")
    #expect(try replace("3.14", pattern, "$1+$2") == "3+14")
  }

  @Test func namedGroupsWithPlainSyntax() throws {
    #expect(try replace("3.14", #"(?<major>\d+)\.\d+"#, "v${major}") == "v3")
  }

  @Test func doubleDollarIsADollar() throws {
    #expect(try replace("1.2", version, "$$1") == "$1")
    #expect(try replace("1.2", version, "$$$1") == "$1")
    #expect(try replace("a", "a", "$$") == "$")
  }

  @Test func unknownGroupsAreEmpty() throws {
    #expect(try replace("1.2", version, "[$5]") == "[]")
    #expect(try replace("1.2", version, "[${nope}]") == "[]")
    #expect(try replace("1.2", version, "[$nope]") == "[]")
  }

  @Test func groupThatDidNotTakePartIsEmpty() throws {
    #expect(try replace("b", "(a)|(b)", "[$1|$2]") == "[|b]")
  }

  @Test func dollarWithoutANameIsKept() throws {
    #expect(try replace("1.2", version, "a$") == "a$")
    #expect(try replace("1.2", version, "$-$1") == "$-1")
    #expect(try replace("1.2", version, "${1") == "${1")
  }

  @Test func malformedBracesAreKeptAsGoDoes() throws {
    // Go's template reader gives up on `${` without a name and closing brace and keeps the text.
    #expect(try replace("1.2", version, "${}") == "${}")
    #expect(try replace("1.2", version, "${a-b}") == "${a-b}")
    #expect(try replace("1.2", version, "${+1}") == "${+1}")
  }

  @Test func leadingZeroNamesAGroupNotANumber() throws {
    // Go refuses numbers with a leading zero, so `$01` names a group "01", which does not exist.
    #expect(try replace("1.2", version, "[$01]") == "[]")
  }

  @Test func negativeNumberInBracesDoesNotCrash() async {
    await #expect(processExitsWith: .success) {
      let result = try? RegexReplacement(pattern: #"(\d+)\.(\d+)"#)
        .replaceAll(in: "1.2", with: "${-1}")
      exit(result == "${-1}" ? 0 : 1)
    }
  }

  // MARK: Matches

  @Test func everyMatchIsReplaced() throws {
    #expect(try replace("1.2.3", #"\."#, "_") == "1_2_3")
    #expect(try replace("a1b2", #"(\w)(\d)"#, "$2$1") == "1a2b")
  }

  @Test func noMatchLeavesTheText() throws {
    #expect(try replace("1.2.3", "x", "y") == "1.2.3")
    #expect(try replace("", "x", "y") == "")
  }

  @Test func emptyMatchesAreReplacedBetweenCharacters() throws {
    #expect(try replace("abc", "x*", "-") == "-a-b-c-")
  }

  @Test func textAroundMatchesIsKept() throws {
    #expect(try replace("v1.2-rc", version, "${1}_$2") == "v1_2-rc")
    // `$1_` names the group "1_", so only the second group is left.
    #expect(try replace("v1.2-rc", version, "$1_$2") == "v2-rc")
  }

  @Test func nonASCIITextSurvives() throws {
    #expect(try replace("é.ü.1", #"\."#, "·") == "é·ü·1")
  }

  // MARK: Wolfi var-transforms

  @Test func majorMinorFromAFullVersion() throws {
    #expect(try replace("1.2.3", #"^(\d+)\.(\d+)\.\d+$"#, "$1.$2") == "1.2")
  }

  @Test func dotsToUnderscores() throws {
    #expect(try replace("1.2.3", #"\."#, "_") == "1_2_3")
  }

  @Test func anchoredPatternThatDoesNotMatch() throws {
    #expect(try replace("1.2", #"^(\d+)\.(\d+)\.\d+$"#, "$1.$2") == "1.2")
  }

  @Test func underscoreVersionToDots() throws {
    #expect(try replace("2_5_0", "_", ".") == "2.5.0")
  }

  @Test func mangledPrereleaseVersion() throws {
    let pattern = #"^(\d+\.\d+\.\d+)_rc(\d+)$"#
    #expect(try replace("7.0.0_rc3", pattern, "${1}-rc${2}") == "7.0.0-rc3")
    #expect(try replace("7.0.0_rc3", pattern, "$1-rc$2") == "7.0.0-rc3")
  }

  // MARK: Compiling

  @Test func invalidPatternThrows() {
    #expect(throws: (any Error).self) { try RegexReplacement(pattern: "(unclosed") }
  }

  @Test func lookbehindBeforeANamedGroupKeepsTheName() throws {
    #expect(try replace("a1", #"(?<=a)(?<digit>\d)"#, "[${digit}]") == "a[1]")
  }
}
