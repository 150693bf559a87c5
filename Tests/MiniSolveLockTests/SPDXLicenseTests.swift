import Testing

@testable import MiniSolveLock

@Suite struct SPDXLicenseTests {
  @Test func expressionsAreNormalised() {
    #expect(SPDXLicense("MIT") == .expression("MIT"))
    #expect(SPDXLicense("mit") == .expression("MIT"))
    #expect(SPDXLicense("gpl-2.0-or-later and mit") == .expression("GPL-2.0-or-later AND MIT"))
    #expect(
      SPDXLicense("Apache-2.0 AND ( MIT or BSD-3-Clause )")
        == .expression("Apache-2.0 AND (MIT OR BSD-3-Clause)"))
    #expect(
      SPDXLicense("GPL-2.0-only WITH Classpath-exception-2.0")
        == .expression("GPL-2.0-only WITH Classpath-exception-2.0"))
    #expect(SPDXLicense("GPL-2.0+") == .expression("GPL-2.0+"))
    #expect(SPDXLicense("MIT").isSingleIdentifier)
    #expect(!SPDXLicense("MIT OR Zlib").isSingleIdentifier)
  }

  @Test func anythingElseIsKeptAsDeclared() {
    for text in [
      "custom", "Public Domain", "MIT AND custom", "Apache-2.0+", "MIT AND", "(MIT", "MIT)",
      "GPL-2.0-only WITH MIT", "Classpath-exception-2.0", "LicenseRef-foo", "",
    ] {
      #expect(SPDXLicense(text) == .other(text), "\(text)")
    }
  }
}
