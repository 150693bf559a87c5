import Testing

@testable import MiniSolveYAML

@Suite struct MarkTests {
  @Test func descriptionIsLineColonColumn() {
    #expect(Mark(line: 14, column: 9).description == "14:9")
    #expect("\(Mark.start)" == "1:1")
  }

  @Test func startIsTheFirstColumnOfTheFirstLine() {
    #expect(Mark.start == Mark(line: 1, column: 1))
  }

  @Test func marksOrderByLineThenColumn() {
    #expect(Mark(line: 1, column: 9) < Mark(line: 2, column: 1))
    #expect(Mark(line: 2, column: 1) < Mark(line: 2, column: 2))
    #expect(!(Mark(line: 2, column: 2) < Mark(line: 2, column: 2)))
    #expect(!(Mark(line: 3, column: 1) < Mark(line: 2, column: 50)))
    let sorted = [Mark(line: 2, column: 1), Mark(line: 1, column: 5), Mark(line: 1, column: 2)]
      .sorted()
    #expect(sorted.map(\.description) == ["1:2", "1:5", "2:1"])
  }
}
