import Testing

@testable import MiniSolveRecipe

private func distance(_ a: String, _ b: String) -> Int {
  Suggestion.editDistance(Array(a.utf8), Array(b.utf8))
}

@Suite struct SuggestionTests {
  // MARK: Edit distance

  @Test func identicalWordsAreZeroApart() {
    #expect(distance("pipeline", "pipeline") == 0)
    #expect(distance("", "") == 0)
  }

  @Test func emptyWordIsItsLengthAway() {
    #expect(distance("", "abc") == 3)
    #expect(distance("abcd", "") == 4)
  }

  @Test func insertionsDeletionsAndSubstitutions() {
    #expect(distance("pipline", "pipeline") == 1)
    #expect(distance("pipeline", "pipline") == 1)
    #expect(distance("name", "nome") == 1)
    #expect(distance("kitten", "sitting") == 3)
    #expect(distance("flaw", "lawn") == 2)
  }

  @Test func adjacentTranspositionIsOneEdit() {
    #expect(distance("ab", "ba") == 1)
    #expect(distance("recieve", "receive") == 1)
    #expect(distance("pakcage", "package") == 1)
  }

  @Test func transposedLettersAreNotEditedAgain() {
    // Optimal string alignment: "ca" -> "abc" cannot swap and then insert between the pair.
    #expect(distance("ca", "abc") == 3)
  }

  @Test func distanceIsSymmetric() {
    #expect(distance("epoch", "epohc") == distance("epohc", "epoch"))
    #expect(distance("subpackages", "subpackage") == distance("subpackage", "subpackages"))
  }

  @Test func distanceCountsBytes() {
    // "é" is two bytes in UTF-8, both different from "e".
    #expect(distance("é", "e") == 2)
  }

  // MARK: Closest

  @Test func suggestsTheClosestKey() {
    let keys = ["package", "environment", "pipeline", "subpackages", "vars"]
    #expect(Suggestion.closest(to: "pipline", among: keys) == "pipeline")
    #expect(Suggestion.closest(to: "enviroment", among: keys) == "environment")
    #expect(Suggestion.closest(to: "pakcage", among: keys) == "package")
  }

  @Test func smallerDistanceWins() {
    #expect(Suggestion.closest(to: "pipline", among: ["pipelines", "pipeline"]) == "pipeline")
  }

  @Test func exactMatchIsItsOwnSuggestion() {
    #expect(Suggestion.closest(to: "vars", among: ["vars", "var"]) == "vars")
  }

  @Test func noCandidatesNoSuggestion() {
    #expect(Suggestion.closest(to: "anything", among: []) == nil)
  }

  @Test func shortWordsAllowTwoEdits() {
    // Limit max(2, 3 / 3) = 2.
    #expect(Suggestion.closest(to: "abc", among: ["axy"]) == "axy")
    #expect(Suggestion.closest(to: "abc", among: ["xyz"]) == nil)
    #expect(Suggestion.closest(to: "a", among: ["bcd"]) == nil)
  }

  @Test func longWordsAllowAThirdOfTheirLength() {
    // Nine bytes: limit 3.
    #expect(Suggestion.closest(to: "abcdefghi", among: ["abcdefxyz"]) == "abcdefxyz")
    #expect(Suggestion.closest(to: "abcdefghi", among: ["abcdexyzw"]) == nil)
    // Twelve bytes: limit 4.
    #expect(Suggestion.closest(to: "abcdefghijkl", among: ["abcdefghwxyz"]) == "abcdefghwxyz")
    #expect(Suggestion.closest(to: "abcdefghijkl", among: ["abcdefgvwxyz"]) == nil)
  }

  @Test func shortenedKeysSuggestTheirFullForm() {
    // Six edits away, far past the limit, but a plain prefix.
    #expect(
      Suggestion.closest(to: "working-dir", among: ["with", "working-directory"])
        == "working-directory")
    #expect(
      Suggestion.closest(to: "envir", among: ["environments", "environment"]) == "environment")
    // Under four bytes a prefix is not enough.
    #expect(Suggestion.closest(to: "pip", among: ["pipeline"]) == nil)
  }

  @Test func nearEditWinsOverPrefix() {
    #expect(Suggestion.closest(to: "vars", among: ["varsity", "var"]) == "var")
  }

  @Test func tiesGoToTheFirstInByteOrder() {
    #expect(Suggestion.closest(to: "cat", among: ["hat", "bat"]) == "bat")
    #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    #expect(Suggestion.closest(to: "cat", among: ["mat", "Bat", "bat"]) == "Bat")
  }
}
