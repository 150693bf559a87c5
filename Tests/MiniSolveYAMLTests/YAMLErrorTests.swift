import Testing

@testable import MiniSolveYAML

@Suite struct YAMLErrorTests {
  @Test func descriptionIsMarkThenMessage() {
    let error = YAMLError(.duplicateKey, at: Mark(line: 3, column: 1), "duplicate key 'a'")
    #expect(error.description == "3:1: duplicate key 'a'")
  }

  @Test func kindsNameTheirCategoryInKebabCase() {
    let kinds: [YAMLError.Kind] = [
      .syntax, .invalidUTF8, .duplicateKey, .aliasLimit, .depthLimit, .sizeLimit,
      .multipleDocuments, .undefinedAlias, .invalidMerge, .io,
    ]
    #expect(
      kinds.map(\.rawValue) == [
        "syntax", "invalid-utf8", "duplicate-key", "alias-limit", "depth-limit", "size-limit",
        "multiple-documents", "undefined-alias", "invalid-merge", "io",
      ])
  }

  @Test func errorsCompareByKindMarkAndMessage() {
    let error = YAMLError(.syntax, at: Mark(line: 1, column: 2), "x")
    #expect(error == YAMLError(.syntax, at: Mark(line: 1, column: 2), "x"))
    #expect(error != YAMLError(.io, at: Mark(line: 1, column: 2), "x"))
    #expect(error != YAMLError(.syntax, at: Mark(line: 1, column: 3), "x"))
    #expect(error != YAMLError(.syntax, at: Mark(line: 1, column: 2), "y"))
  }
}
