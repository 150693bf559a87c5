import Testing

@testable import MiniSolveUniverse

/// apk-tools' version order, validity messages and `~` prefix matching.
@Suite struct ApkVersionTests {
  /// Each list is strictly increasing; every pair of it is checked, both ways round.
  static let orderedChains: [[String]] = [
    // Pre-release suffixes, release, revision, post-release suffixes, letter, next part.
    [
      "1.0_alpha", "1.0_alpha1", "1.0_alpha2", "1.0_beta", "1.0_pre", "1.0_rc", "1.0_rc1", "1.0",
      "1.0-r1", "1.0-r2", "1.0_cvs", "1.0_svn", "1.0_git", "1.0_hg", "1.0_p", "1.0_p1", "1.0_p2",
      "1.0a", "1.0b", "1.0z", "1.0.1",
    ],
    // Numbers; a leading zero after the first part compares the digits as text.
    [
      "0.9", "0.10", "1", "1.0", "1.00", "1.001", "1.01", "1.010", "1.1", "1.2", "1.10", "1.10.0",
      "2", "10", "20230101",
    ],
    // Commit hashes sit between the suffixes and the revision.
    ["1.0", "1.0-r1", "1.0~0a", "1.0~0a-r1", "1.0~ff", "1.0_cvs"],
    // Several suffixes in a row.
    [
      "1.0_alpha_alpha", "1.0_alpha_pre2", "1.0_alpha", "1.0_alpha1", "1.0_alpha_p1", "1.0_beta",
    ],
    ["1.0", "1.0-r0", "1.0-r1", "1.0-r9", "1.0-r10"],
    ["1.0a_rc1", "1.0a", "1.0a-r1", "1.0a_p1", "1.0b"],
    ["1.0.0_pre20191002222144-r0", "1.0.0_pre20210530193627-r0", "1.0.0"],
  ]

  @Test(arguments: orderedChains)
  func chainIsIncreasing(_ chain: [String]) {
    for (lower, lowerVersion) in chain.enumerated() {
      for higherVersion in chain[(lower + 1)...] {
        #expect(
          ApkVersion.compare(lowerVersion, higherVersion) < 0, "\(lowerVersion) < \(higherVersion)")
        #expect(
          ApkVersion.compare(higherVersion, lowerVersion) > 0, "\(higherVersion) > \(lowerVersion)")
      }
    }
  }

  @Test(arguments: [
    ("1.0", "1.0"), ("010", "10"), ("1.0-r01", "1.0-r1"), ("1.0_p01", "1.0_p1"),
    ("1.0_alpha", "1.0_alpha"),
  ])
  func equalVersions(_ lhs: String, _ rhs: String) {
    #expect(ApkVersion.compare(lhs, rhs) == 0)
    #expect(ApkVersion.compare(rhs, lhs) == 0)
  }

  @Test func numbersWrapAt64BitsLikeApk() {
    #expect(ApkVersion.compare("18446744073709551616", "0") == 0)
    #expect(ApkVersion.compare("1.18446744073709551617", "1.1") == 0)
  }

  @Test(arguments: [
    "1", "0", "1.2.3", "1.2.3a", "1.2_alpha", "1.2_alpha1_beta2", "1_p", "1.0~abc123",
    "1.0~abc-r3", "1.0-r0", "2023.01.01_git20230101-r1", "1.0a_rc1-r2", "006",
  ])
  func validVersionHasNoProblem(_ version: String) {
    #expect(ApkVersion.problem(in: version) == nil)
  }

  @Test(arguments: [
    ("", "empty version at offset 0"),
    ("v1.0", "version must start with a digit at offset 0"),
    (".1", "version must start with a digit at offset 0"),
    ("1..2", "empty number part at offset 2"),
    ("1.", "empty number part at offset 2"),
    ("1.0bc", "unexpected 'c' at offset 4"),
    ("1.0a1", "unexpected '1' at offset 4"),
    ("1.0a.1", "unexpected '.' at offset 4"),
    ("1.0_foo", "unknown suffix '_foo' at offset 3"),
    ("1.0_", "unknown suffix '_' at offset 3"),
    ("1.0_p1a", "unexpected 'a' at offset 6"),
    ("1.0-r", "empty revision number at offset 5"),
    ("1.0-1", "'-' must be followed by 'r' and the revision number at offset 3"),
    ("1.0-r1-r2", "unexpected '-' at offset 6"),
    ("1.0-r1_p1", "unexpected '_' at offset 6"),
    ("1.0~", "empty commit hash after '~' at offset 3"),
    ("1.0~ABC", "empty commit hash after '~' at offset 3"),
    ("1.0~ab~cd", "unexpected '~' at offset 6"),
    ("1.0A", "invalid character 'A' at offset 3"),
    ("1,0", "invalid character ',' at offset 1"),
    ("1.0 ", "invalid character ' ' at offset 3"),
  ])
  func invalidVersionIsReported(_ version: String, _ reason: String) {
    #expect(ApkVersion.problem(in: version) == "invalid apk version '\(version)': \(reason)")
  }

  /// Invalid versions still sort one way whatever order they come in.
  @Test func orderIsTotalOnInvalidVersionsToo() {
    let versions = [
      "1.0", "1.0-x", "1.0-y", "1.0_foo", "1.0_bar", "1.0_alpha", "1.0-r1", "a", "b", "", "1..2",
      "1..3", "1.0bc", "1.0bd", "1", "1.0~", "1.0 ", "2", "1.0_p1a", "1.0_p1b",
    ]
    for first in versions {
      #expect(ApkVersion.compare(first, first) == 0)
      for second in versions {
        let order = ApkVersion.compare(first, second)
        #expect(order.signum() == -ApkVersion.compare(second, first).signum(), "\(first) \(second)")
        for third in versions where order <= 0 && ApkVersion.compare(second, third) <= 0 {
          #expect(ApkVersion.compare(first, third) <= 0, "\(first) <= \(second) <= \(third)")
        }
      }
    }
    let ascending = { (list: [String]) in list.sorted { ApkVersion.compare($0, $1) < 0 } }
    #expect(ascending(versions) == ascending(versions.reversed()))
  }

  @Test(arguments: [
    ("1.2", "1.2", true), ("1.2.3", "1.2", true), ("1.2_rc1", "1.2", true), ("1.2-r3", "1.2", true),
    ("1.2a", "1.2", true), ("1.2~ab", "1.2", true), ("1.20", "1.2", false), ("1.3", "1.2", false),
    ("1", "1.2", false), ("1.2_rc1", "1.2_rc", true), ("1.2-r10", "1.2-r1", false),
  ])
  func prefixMatchStopsAtPartBoundaries(_ version: String, _ prefix: String, _ expected: Bool) {
    #expect(ApkVersion.hasPrefix(version, prefix) == expected)
  }

  @Test func byteOverloadAgreesWithStrings() {
    let left = Array("1.2_rc1-r3".utf8)
    let right = Array("1.2-r0".utf8)
    let order = left.withUnsafeBufferPointer { lhs in
      right.withUnsafeBufferPointer { rhs in ApkVersion.compare(lhs, rhs) }
    }
    #expect(order < 0)
    #expect(ApkVersion.compare("1.2_rc1-r3", "1.2-r0") < 0)
  }
}
