import Testing

@testable import MiniSolveLock

@Suite struct LockTextTests {
  private func intact(_ text: String) -> LockInputs? {
    Array(text.utf8).withUnsafeBytes(LockText.intactInputs)
  }

  @Test func anIntactLockGivesItsInputsWithoutAFullRead() {
    let lock = sampleLock()
    #expect(intact(lock.rendered()) == lock.inputs)
  }

  @Test func anyEditOrAnotherVersionGivesNothing() {
    let text = sampleLock().rendered()
    let edits = [
      text.replacingOccurrences(of: "\"2.0-r0\"", with: "\"2.1-r0\""),
      text.replacingOccurrences(of: "\"lock_version\": 1", with: "\"lock_version\": 2"),
      text.replacingOccurrences(of: "\n  \"digest\"", with: "\n   \"digest\""),
      String(text.dropLast()),
      "",
      "{}\n",
    ]
    for edited in edits {
      #expect(intact(edited) == nil)
    }
  }

  @Test func theDigestIsTheHashOfTheTextWithoutItsLine() {
    let text = sampleLock().rendered()
    #expect(Array(text.utf8).withUnsafeBytes(LockText.digestMatches))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let body = lines.filter { !$0.hasPrefix("  \"digest\": ") }.joined(separator: "\n")
    #expect(body.utf8.count < text.utf8.count)
    #expect(!Array(body.utf8).withUnsafeBytes(LockText.digestMatches))
  }
}
