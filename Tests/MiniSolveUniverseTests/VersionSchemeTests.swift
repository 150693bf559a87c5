import Testing

@testable import MiniSolveUniverse

/// The scheme hands each question to its own version type.
@Suite struct VersionSchemeTests {
  @Test func comparesWithItsOwnRules() {
    // apk: a packaging revision is older than an upstream patch release; Debian reads `_` as text.
    #expect(VersionScheme.apk.compare("1.0_p1", "1.0-r1") > 0)
    #expect(VersionScheme.debian.compare("1.0~rc1", "1.0") < 0)
    #expect(VersionScheme.apk.compare("1.0~c0ffee", "1.0") > 0)
  }

  @Test func reportsProblemsWithItsOwnRules() {
    #expect(VersionScheme.apk.problem(in: "1.0-1") != nil)
    #expect(VersionScheme.debian.problem(in: "1.0-1") == nil)
    #expect(VersionScheme.apk.problem(in: "1.0_rc1-r0") == nil)
    #expect(VersionScheme.debian.problem(in: "1.0_rc1-r0") != nil)
  }
}
