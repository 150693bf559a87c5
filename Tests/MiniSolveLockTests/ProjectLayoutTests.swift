import Testing

@testable import MiniSolveLock

@Suite struct PlaceholderLockTests {
  @Test func relativePaths() { #expect(ProjectLayout.relative("/a/b/c", to: "/a/x") == "../b/c") }
}
