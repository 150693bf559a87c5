import Testing

@testable import MiniSolveUniverse

/// Which versions, architectures and build profiles a constraint lets through.
@Suite struct ConstraintMatchingTests {
  static let apkBoundsCases: [(String, String, Bool)] = [
    ("foo", "1.0", true), ("foo>=1.2", "1.2", true), ("foo>=1.2", "1.1", false),
    ("foo>1.2", "1.2", false), ("foo>1.2", "1.2-r1", true), ("foo<1.0", "1.0_rc1", true),
    ("foo<1.0", "1.0", false), ("foo<=1.0", "1.0", true), ("foo=1.0", "1.0-r0", false),
    ("foo=10", "010", true), ("foo~1.2", "1.2", true), ("foo~1.2", "1.2.3", true),
    ("foo~1.2", "1.2_rc1", true), ("foo~1.2", "1.2-r5", true), ("foo~1.2", "1.20", false),
    ("foo~1.2", "1.3", false), ("foo~1.2", "1", false), ("!foo<2", "1", true),
    ("!foo<2", "2", false),
  ]

  @Test(arguments: apkBoundsCases)
  func apkBounds(_ text: String, _ version: String, _ expected: Bool) throws {
    #expect(try Constraint.apk(text).matches(version, scheme: .apk) == expected)
  }

  static let debianBoundsCases: [(String, String, Bool)] = [
    ("a", "1", true), ("a (<< 2.0)", "2.0~rc1", true), ("a (<< 2.0)", "2.0", false),
    ("a (<= 2.0)", "2.0", true), ("a (= 1:1.0-1)", "1:1.0-1", true),
    ("a (= 1:1.0-1)", "1.0-1", false),
    ("a (>= 1.0)", "1:0.1", true), ("a (>> 1.0)", "1.0-0", false), ("a (>> 1.0)", "1.0-1", true),
    ("a (< 1.0)", "1.0", true), ("a (> 1.0)", "1.0", true), ("a (>= 1.0)", "1.0~", false),
  ]

  @Test(arguments: debianBoundsCases)
  func debianBounds(_ text: String, _ version: String, _ expected: Bool) throws {
    let constraint = try #require(try Constraint.debianRelations(text).first?.first)
    #expect(constraint.matches(version, scheme: .debian) == expected)
  }

  static let debianReadsPrefixAsApkDoesCases: [(String, Bool)] = [
    ("1.2", true), ("1.2.3", true), ("1.2~rc1", true), ("1.2-1", true), ("1.2+dfsg", true),
    ("1.2a", true), ("1.20", false), ("1.3", false), ("1", false), ("1.2.0", true),
  ]

  @Test(arguments: debianReadsPrefixAsApkDoesCases)
  func debianReadsPrefixAsApkDoes(_ version: String, _ expected: Bool) {
    let constraint = Constraint(name: "a", relation: .prefix, version: "1.2")
    #expect(constraint.matches(version, scheme: .debian) == expected)
  }

  @Test(arguments: [VersionScheme.apk, .debian])
  func unversionedProvideMeetsOnlyAnUnboundedConstraint(_ scheme: VersionScheme) {
    #expect(Constraint(name: "a").matches(nil, scheme: scheme))
    for relation in [VersionRelation.less, .lessEqual, .equal, .greaterEqual, .greater, .prefix] {
      #expect(!Constraint(name: "a", relation: relation, version: "1").matches(nil, scheme: scheme))
    }
  }

  static let architectureRestrictionCases: [([String], String, Bool)] = [
    ([], "amd64", true), (["amd64"], "amd64", true), (["amd64"], "i386", false),
    (["!i386"], "amd64", true), (["!i386"], "i386", false), (["linux-any"], "amd64", true),
    (["linux-any"], "hurd-i386", false), (["linux-any"], "kfreebsd-amd64", false),
    (["any-amd64"], "amd64", true), (["any-amd64"], "x32", true), (["any-amd64"], "i386", false),
    (["any-amd64"], "hurd-amd64", true), (["any-i386"], "hurd-i386", true),
    (["hurd-any"], "hurd-i386", true), (["any"], "armhf", true), (["any"], "all", true),
    (["linux-any"], "all", false), (["!linux-any"], "hurd-amd64", true),
    (["!linux-any"], "amd64", false), (["musl-linux-any"], "musl-linux-amd64", true),
    (["musl-linux-any"], "amd64", false), (["any-arm"], "armhf", true),
    (["any-arm"], "armel", true),
    (["any-arm"], "arm64", false), (["AMD64"], "amd64", true),
    (["!i386", "!amd64"], "arm64", true),
    (["!i386", "!amd64"], "amd64", false), (["linux-amd64"], "amd64", true),
    (["gnu-linux-any"], "armhf", true), (["eabihf-any-any-arm"], "armhf", true),
    (["eabihf-any-any-arm"], "armel", false), (["kfreebsd-any"], "kfreebsd-armhf", true),
    (["mips64el"], "mips64el", true), (["any-mips64el"], "mipsn32el", true),
    (["i386"], "x32", false),
    (["amd64", "i386"], "i386", true), (["amd64", "i386"], "arm64", false),
  ]

  @Test(arguments: architectureRestrictionCases)
  func architectureRestriction(_ list: [String], _ architecture: String, _ expected: Bool) {
    var constraint = Constraint(name: "a")
    constraint.architectures = list
    #expect(constraint.appliesTo(architecture: architecture) == expected)
  }

  static let profileRestrictionCases: [([[String]], Set<String>, Bool)] = [
    ([], [], true), ([["!nocheck"]], [], true), ([["!nocheck"]], ["nocheck"], false),
    ([["stage1", "cross"]], ["stage1"], false),
    ([["stage1", "cross"]], ["stage1", "cross"], true),
    ([["!nocheck"], ["stage1"]], ["nocheck", "stage1"], true),
    ([["!nocheck"], ["stage1"]], ["nocheck"], false), ([["nodoc"]], ["nocheck"], false),
  ]

  @Test(arguments: profileRestrictionCases)
  func profileRestriction(_ profiles: [[String]], _ active: Set<String>, _ expected: Bool) {
    var constraint = Constraint(name: "a")
    constraint.profiles = profiles
    #expect(constraint.appliesTo(profiles: active) == expected)
  }
}
