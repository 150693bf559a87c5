import Testing

@testable import MiniSolveUniverse

/// Debian's relationship syntax: groups, alternatives, restrictions, errors, rendering.
@Suite struct ConstraintDebianTests {
  private static func constraint(
    _ name: String, _ relation: VersionRelation = .any, _ version: String = "",
    qualifier: String? = nil, architectures: [String] = [], profiles: [[String]] = []
  ) -> Constraint {
    var constraint = Constraint(name: name, relation: relation, version: version)
    constraint.qualifier = qualifier
    constraint.architectures = architectures
    constraint.profiles = profiles
    return constraint
  }

  @Test func parsesGroupsOfAlternatives() throws {
    let relations = try Constraint.debianRelations(
      "libc6 (>= 2.34), libgcc-s1 (>= 3.0) | libgcc1, python3:any (<< 3.12~) [amd64 !i386]"
        + " <!nocheck> <stage1 cross>")
    #expect(
      relations == [
        [Self.constraint("libc6", .greaterEqual, "2.34")],
        [Self.constraint("libgcc-s1", .greaterEqual, "3.0"), Self.constraint("libgcc1")],
        [
          Self.constraint(
            "python3", .less, "3.12~", qualifier: "any", architectures: ["amd64", "!i386"],
            profiles: [["!nocheck"], ["stage1", "cross"]])
        ],
      ])
  }

  @Test(arguments: [
    ("<<", VersionRelation.less), ("<=", .lessEqual), ("=", .equal), (">=", .greaterEqual),
    (">>", .greater), ("<", .lessEqual), (">", .greaterEqual),
  ])
  func parsesOperators(_ spelled: String, _ relation: VersionRelation) throws {
    #expect(
      try Constraint.debianRelations("a (\(spelled) 1:2.0-1)") == [
        [Self.constraint("a", relation, "1:2.0-1")]
      ])
    #expect(
      try Constraint.debianRelations("a(\(spelled)1)") == [[Self.constraint("a", relation, "1")]])
  }

  @Test(arguments: [
    "a (>= 1) | b, c", "a(>=1)|b,c", "  a\n (>= 1)\n | b ,\n c\n", "a\t(\t>=\t1\t)\t|\tb\t,\tc",
    "a (>= 1) | b, c,", "a (>= 1) | b, , c, ,", ", a (>= 1) | b,,c",
  ])
  func whitespaceAndEmptyEntriesDoNotMatter(_ text: String) throws {
    #expect(
      try Constraint.debianRelations(text) == [
        [Self.constraint("a", .greaterEqual, "1"), Self.constraint("b")], [Self.constraint("c")],
      ])
  }

  @Test(arguments: ["", "  ", ",", " , ,\n "])
  func emptyFieldHasNoRelations(_ text: String) throws {
    #expect(try Constraint.debianRelations(text).isEmpty)
  }

  @Test(arguments: [
    ("a (>= 1", "expected ')' after version, found end of text", 7),
    ("a (>= 1 2)", "expected ')' after version, found '2'", 8),
    ("a (>= 1(", "expected ')' after version, found '('", 7),
    ("a (1.0)", "missing relation operator after '('", 3),
    ("a (<> 1)", "bad version relation '<>'", 3),
    ("a (>< 1)", "bad version relation '><'", 3),
    ("a (>= )", "missing version", 6),
    ("a (>= 1:)", "invalid version '1:': nothing after colon in version number", 7),
    ("a (>= 1.0_1)", "invalid version '1.0_1': invalid character '_' in version number", 9),
    ("a | , b", "expected a package name, found ','", 4),
    ("a |", "expected a package name, found end of text", 3),
    ("a | | b", "expected a package name, found '|'", 4),
    ("a b", "unexpected 'b'", 2),
    ("a (>= 1) (>= 2)", "unexpected '('", 9),
    ("a [amd64] [i386]", "unexpected '['", 10),
    ("A@b", "invalid character '@' in package name", 1),
    ("-a", "package name must start with a letter or digit", 0),
    ("(>= 1)", "expected a package name, found '('", 0),
    ("a:", "missing architecture qualifier after ':'", 2),
    ("a:any:x", "invalid character ':' in architecture qualifier", 5),
    ("a :any", "unexpected ':'", 2),
    ("a [amd64", "missing ']'", 8),
    ("a []", "empty architecture list", 2),
    ("a [am_d64]", "invalid character '_' in architecture", 5),
    ("a [!]", "architecture must start with a letter or digit", 4),
    ("a <>", "empty build profile list", 2),
    ("a <!nocheck", "missing '>'", 11),
    ("a <no@check>", "invalid character '@' in build profile", 5),
  ])
  func reportsErrorsWithOffsets(_ text: String, _ message: String, _ offset: Int) {
    #expect(throws: ConstraintError(message: message, offset: offset)) {
      try Constraint.debianRelations(text)
    }
  }

  @Test(arguments: [
    "foo", "foo:any (>= 1.2) [amd64] <!nocheck>", "foo (<< 2:1.0~rc1-1+b1)", "foo (>> 1)",
    "foo (= 1.0-1) [linux-any !hurd-any] <stage1 cross> <!nocheck>", "foo:native (<= 1)",
    "foo [any-amd64]",
  ])
  func rendersAndParsesBack(_ text: String) throws {
    let relations = try Constraint.debianRelations(text)
    let constraint = try #require(relations.first?.first)
    #expect(constraint.rendered(.debian) == text)
    #expect(try Constraint.debianRelations(constraint.rendered(.debian)) == [[constraint]])
  }

  @Test func obsoleteOperatorsRenderInTheirModernSpelling() throws {
    let relations = try Constraint.debianRelations("a (< 1), b (> 2)")
    #expect(relations.map { $0[0].rendered(.debian) } == ["a (<= 1)", "b (>= 2)"])
  }

  @Test func apkOnlyPartsKeepApkMarks() {
    var constraint = Constraint(name: "foo", relation: .prefix, version: "1.2")
    constraint.isConflict = true
    constraint.pin = "edge"
    #expect(constraint.rendered(.debian) == "!foo@edge (~ 1.2)")
  }

  @Test func byteOverloadAgreesWithStrings() throws {
    let text = "libc6 (>= 2.36) | libc6.1, perl:any <!nocheck>,"
    let bytes = Array(text.utf8)
    let fromBytes = try bytes.withUnsafeBufferPointer { try Constraint.debianRelations($0) }
    #expect(fromBytes == (try Constraint.debianRelations(text)))
  }
}
