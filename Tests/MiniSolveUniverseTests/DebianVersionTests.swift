import Testing

@testable import MiniSolveUniverse

/// dpkg's version order and the checks of its parseversion.
@Suite struct DebianVersionTests {
  /// Each list is strictly increasing; every pair of it is checked, both ways round.
  static let orderedChains: [[String]] = [
    [
      "1.0~~", "1.0~~a", "1.0~", "1.0~rc1", "1.0", "1.0-1", "1.0-1+b1", "1.0-1.1", "1.0-2", "1.0A",
      "1.0a", "1.0+dfsg", "1.0.1", "1.1", "1.10", "2", "9.9-9", "10", "1:0", "1:0.1", "2:0~",
    ],
    ["1~~", "1~", "1", "1-0.1", "1a", "1+"],
    // Digit runs of any length compare by value.
    [
      "1.99999999999999999999999999999", "1.100000000000000000000000000000",
      "1.100000000000000000000000000001", "1.999999999999999999999999999999999999999",
    ],
    // The revision is what follows the last hyphen.
    ["1.0-1-1", "1.0-1-2", "1.0-2-1", "1.0.1-1"],
    ["0:1.0-1", "1:0.1", "1:1.0-1", "10:0"],
  ]

  @Test(arguments: orderedChains)
  func chainIsIncreasing(_ chain: [String]) {
    for (lower, lowerVersion) in chain.enumerated() {
      for higherVersion in chain[(lower + 1)...] {
        #expect(
          DebianVersion.compare(lowerVersion, higherVersion) < 0,
          "\(lowerVersion) < \(higherVersion)")
        #expect(
          DebianVersion.compare(higherVersion, lowerVersion) > 0,
          "\(higherVersion) > \(lowerVersion)")
      }
    }
  }

  @Test(arguments: [
    ("1.0", "1.00"), ("1.0", "1.0-0"), ("0:1.0", "1.0"), ("01:1", "1:1"), ("1.0", " 1.0\t"),
    ("1.000000000000000000000000000000001", "1.1"), ("1.0.", "1.0.0"), ("+1:2", "1:2"),
  ])
  func equalVersions(_ lhs: String, _ rhs: String) {
    #expect(DebianVersion.compare(lhs, rhs) == 0)
    #expect(DebianVersion.compare(rhs, lhs) == 0)
  }

  @Test(arguments: [
    "1.0", "1:2.3~rc1-1+b2", "0", "a1", "1.0-a", "2:1.0-1-1", "1:1:1", "1.0 ", " 1.0", "+1:2",
    "-0:2",
    "1.0+git20230101.abcdef-2~bpo12+1", "7.4.052-1ubuntu3.1",
  ])
  func validVersionHasNoProblem(_ version: String) {
    #expect(DebianVersion.problem(in: version) == nil)
  }

  @Test(arguments: [
    ("", "version string is empty at offset 0"),
    ("  ", "version string is empty at offset 0"),
    ("1.0 x", "version string has embedded spaces at offset 3"),
    (":1", "epoch in version is empty at offset 0"),
    ("a:1", "epoch in version is empty at offset 0"),
    ("1a:1", "epoch in version is not number at offset 0"),
    ("-1:1", "epoch in version is negative at offset 0"),
    ("2147483648:1", "epoch in version is too big at offset 0"),
    ("99999999999999999999999:1", "epoch in version is too big at offset 0"),
    ("1:", "nothing after colon in version number at offset 1"),
    ("1.0-", "revision number is empty at offset 3"),
    ("-1", "version number is empty at offset 0"),
    ("1:-1", "version number is empty at offset 2"),
    ("1.0@", "invalid character '@' in version number at offset 3"),
    ("1.0_1", "invalid character '_' in version number at offset 3"),
    ("1.0-a:b", "epoch in version is not number at offset 0"),
    ("1:1.0-a:b", "invalid character ':' in revision number at offset 7"),
    ("1.0-a_b", "invalid character '_' in revision number at offset 5"),
    ("1.0\n", "invalid character byte 0xa in version number at offset 3"),
  ])
  func invalidVersionIsReported(_ version: String, _ reason: String) {
    #expect(DebianVersion.problem(in: version) == "invalid debian version '\(version)': \(reason)")
  }

  @Test func epochAtTheLimitIsValid() {
    #expect(DebianVersion.problem(in: "2147483647:1") == nil)
    #expect(DebianVersion.compare("2147483647:1", "2147483646:9") > 0)
  }

  /// Invalid versions still sort one way whatever order they come in.
  @Test func orderIsTotalOnInvalidVersionsToo() {
    let versions = [
      "1.0", "1.00", "1.0 x", "1.0 y", "1.0@", "1.0#", "1.0-", "1:", "a:1", "b:1", "", " ", "1",
      "0:1", "1.0\u{e9}", "1.0~", "1.0z", "1.0-0", "-1:1",
    ]
    for first in versions {
      #expect(DebianVersion.compare(first, first) == 0)
      for second in versions {
        let order = DebianVersion.compare(first, second)
        #expect(
          order.signum() == -DebianVersion.compare(second, first).signum(), "\(first) \(second)")
        for third in versions where order <= 0 && DebianVersion.compare(second, third) <= 0 {
          #expect(DebianVersion.compare(first, third) <= 0, "\(first) <= \(second) <= \(third)")
        }
      }
    }
  }

  @Test func nonASCIIBytesSortBetweenLettersAndSymbols() {
    #expect(DebianVersion.compare("1.0z", "1.0\u{e9}") < 0)
    #expect(DebianVersion.compare("1.0\u{e9}", "1.0+") < 0)
  }

  @Test func byteOverloadAgreesWithStrings() {
    let left = Array("1:1.0~rc1-1".utf8)
    let right = Array("1:1.0-1".utf8)
    let order = left.withUnsafeBufferPointer { lhs in
      right.withUnsafeBufferPointer { rhs in DebianVersion.compare(lhs, rhs) }
    }
    #expect(order < 0)
  }
}
