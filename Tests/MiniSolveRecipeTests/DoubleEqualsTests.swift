import Testing

@testable import MiniSolveRecipe

/// The `double-equals` warning looks for `==` written outside `${{...}}`.
@Suite struct DoubleEqualsTests {
  @Test(arguments: [
    ("foo==1", true),
    ("foo=1", false),
    ("foo==${{package.version}}", true),
    ("${{package.name}}==1", true),
    ("é==1", true),
    ("a==${{", true),
    // An `=` on each side of a substitution is no `==` once it is replaced (a helper's
    // differential test showed an earlier version warning here).
    ("foo=${{package.version}}=1", false),
    ("${{ build.arch == 'x86_64' && 'a' || 'b' }}=2", false),
    ("${{ a == b }}", false),
    // After an unclosed `${{` nothing is looked at.
    ("foo=${{ unclosed ==", false),
    ("", false),
  ])
  func findsWhatIsWrittenOutsideSubstitutions(_ text: String, _ expected: Bool) {
    #expect(RecipeDecoder.writesDoubleEquals(text) == expected)
  }
}
