import Testing

@testable import MiniSolveUniverse

/// apk's dependency syntax: parsing, errors with their offsets, rendering.
@Suite struct ConstraintApkTests {
  private static func constraint(
    _ name: String, _ relation: VersionRelation = .any, _ version: String = "",
    conflict: Bool = false, pin: String? = nil
  ) -> Constraint {
    var constraint = Constraint(name: name, relation: relation, version: version)
    constraint.isConflict = conflict
    constraint.pin = pin
    return constraint
  }

  @Test(arguments: [
    ("foo", constraint("foo")),
    ("foo=1.2", constraint("foo", .equal, "1.2")),
    ("foo<1", constraint("foo", .less, "1")),
    ("foo>1", constraint("foo", .greater, "1")),
    ("foo<=1", constraint("foo", .lessEqual, "1")),
    ("foo>=1", constraint("foo", .greaterEqual, "1")),
    ("foo=<1", constraint("foo", .lessEqual, "1")),
    ("foo~1.2", constraint("foo", .prefix, "1.2")),
    ("foo=~1.2", constraint("foo", .prefix, "1.2")),
    ("!foo", constraint("foo", conflict: true)),
    ("!foo<2", constraint("foo", .less, "2", conflict: true)),
    ("foo@edge", constraint("foo", pin: "edge")),
    ("foo@edge>=1_rc2-r1", constraint("foo", .greaterEqual, "1_rc2-r1", pin: "edge")),
    ("!foo@testing=2", constraint("foo", .equal, "2", conflict: true, pin: "testing")),
    ("so:libc.so.6", constraint("so:libc.so.6")),
    ("so:libstdc++.so.6>=6.0.30", constraint("so:libstdc++.so.6", .greaterEqual, "6.0.30")),
    ("cmd:sh", constraint("cmd:sh")),
    ("cmd:[", constraint("cmd:[")),
    ("pc:zlib=1.3.1", constraint("pc:zlib", .equal, "1.3.1")),
    ("py3.12-foo_bar", constraint("py3.12-foo_bar")),
    ("/bin/sh", constraint("/bin/sh")),
  ])
  func parses(_ text: String, _ expected: Constraint) throws {
    #expect(try Constraint.apk(text) == expected)
  }

  @Test(arguments: [
    ("", "missing package name", 0),
    ("!", "missing package name", 1),
    ("=1", "missing package name", 0),
    ("!>=1", "missing package name", 1),
    ("foo>=", "missing version after '>='", 5),
    ("foo>=1..2", "invalid version '1..2': empty number part", 7),
    ("foo=1 ", "invalid version '1 ': invalid character ' '", 5),
    ("foo~1.x", "invalid version '1.x': empty number part", 6),
    ("foo bar", "invalid character ' ' in package name", 3),
    ("foo,bar", "invalid character ',' in package name", 3),
    ("foo@", "missing repository tag after '@'", 4),
    ("foo@>=1", "missing repository tag after '@'", 4),
    ("foo@a@b", "invalid character '@' in repository tag", 5),
    ("foo@a:b", "invalid character ':' in repository tag", 5),
    ("foo><1", "unsupported operator '><'", 3),
    ("foo>~1", "unsupported operator '>~'", 3),
    ("foo<>1", "unsupported operator '<>'", 3),
  ])
  func reportsErrorsWithOffsets(_ text: String, _ message: String, _ offset: Int) {
    #expect(throws: ConstraintError(message: message, offset: offset)) {
      try Constraint.apk(text)
    }
  }

  @Test(arguments: [
    ("foo", "foo"), ("foo=~1.2", "foo~1.2"), ("foo=<1", "foo<=1"), ("!foo@edge<2", "!foo@edge<2"),
    ("so:libc.so.6>=1.2.4-r0", "so:libc.so.6>=1.2.4-r0"), ("foo>1", "foo>1"), ("foo=1", "foo=1"),
  ])
  func rendersAndParsesBack(_ text: String, _ rendered: String) throws {
    let constraint = try Constraint.apk(text)
    #expect(constraint.rendered(.apk) == rendered)
    #expect(try Constraint.apk(rendered) == constraint)
  }

  @Test func renderingLeavesOutDebianOnlyParts() throws {
    var constraint = Constraint(name: "foo", relation: .less, version: "2")
    constraint.qualifier = "any"
    constraint.architectures = ["amd64"]
    constraint.profiles = [["!nocheck"]]
    #expect(constraint.rendered(.apk) == "foo<2")
  }

  @Test func errorDescriptionNamesTheOffset() {
    let error = ConstraintError(message: "missing package name", offset: 1)
    #expect("\(error)" == "missing package name at offset 1")
  }
}
