import Testing

@testable import MiniSolveAssemble

@Suite struct ShellWordsTests {
  @Test func wordsAndQuotes() throws {
    #expect(
      try ShellWords.split("/usr/sbin/nginx -g 'daemon off;'") == [
        "/usr/sbin/nginx", "-g", "daemon off;",
      ])
    #expect(try ShellWords.split(#"  a "b \"c\" \d" e\ f ''  "#) == ["a", #"b "c" \d"#, "e f", ""])
    #expect(try ShellWords.split("") == [])
  }

  @Test func unclosedQuotesAndTrailingBackslashesAreErrors() {
    #expect(throws: ShellWords.Failure.unclosedQuote("'")) { try ShellWords.split("a 'b") }
    #expect(throws: ShellWords.Failure.unclosedQuote("\"")) { try ShellWords.split("\"b") }
    #expect(throws: ShellWords.Failure.trailingBackslash) { try ShellWords.split("a\\") }
  }
}
