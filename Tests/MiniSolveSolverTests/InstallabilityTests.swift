import MiniSolveUniverse
import Testing

@testable import MiniSolveSolver

/// The two meanings of "installable" on a universe with two releases of an Essential package.
@Suite struct InstallabilityTests {
  /// Release 1 has an Essential `login` and a `passwd` that needs it; release 2 has a `login`
  /// that is not Essential and a `tool` that conflicts with the old login.
  static func universe() -> PackageSet {
    var builder = PackageSetBuilder()
    func add(
      _ name: String, _ version: String, essential: Bool = false, _ relation: RelationKind? = nil,
      _ constraint: Constraint? = nil
    ) {
      var draft = PackageDraft(
        name: name, version: version, architecture: "amd64", scheme: .debian, file: "Packages",
        line: 1)
      draft.essential = essential
      if let relation, let constraint {
        draft.relations.append(.init(relation, [constraint], line: 1))
      }
      builder.add(draft)
    }
    add("login", "1:4.13", essential: true)
    add("login", "1:4.16")
    add(
      "passwd", "1:4.13", .depends,
      Constraint(name: "login", relation: .greaterEqual, version: "1:4.13"))
    add("tool", "2.0", .conflicts, Constraint(name: "login", relation: .less, version: "1:4.16"))
    return builder.finish()
  }

  static func refuted(holdingEssential: Bool) -> [String] {
    let universe = universe()
    var encoding = PackageEncoding(
      universe, architectures: ["amd64"], holdingEssential: holdingEssential)
    let report = Installability.check(&encoding, keepWitnesses: true)
    for witness in report.witnesses {
      #expect(
        ClosureChecker.problems(
          members: witness, roots: [], scheme: .debian, universe: universe
        ).isEmpty)
    }
    return report.refuted.map {
      let package = universe.package($0.package)
      return "\(package.name) \(package.version)"
    }
  }

  @Test func libsolvsMeaningTreatsEssentialPackagesLikeAnyOther() {
    #expect(Self.refuted(holdingEssential: false) == [])
  }

  @Test func dosesMeaningHoldsAnEssentialPackageOfEachName() {
    #expect(Self.refuted(holdingEssential: true) == ["login 1:4.16", "tool 2.0"])
  }

  @Test func theExplanationNamesTheHeldPackage() {
    let universe = Self.universe()
    let tool = Int32(universe.packages.firstIndex { universe.strings[$0.name] == "tool" } ?? 0)
    let sentences = Explanation.sentences(
      for: tool, universe: universe, architectures: ["amd64"], holdingEssential: true)
    #expect(
      sentences == [
        "1. login is Essential, and Essential packages are held installed: login 1:4.13 is "
          + "installed.",
        "2. tool 2.0 conflicts with login 1:4.13 (login (<< 1:4.16)) (Packages:1).",
        "3. So tool 2.0 cannot be installed.",
      ])
  }

  @Test func theCheckerReadsASourceMembersBuildNeedsNotItsName() {
    var builder = PackageSetBuilder()
    var source = PackageDraft(
      name: "app", version: "1", architecture: "amd64", scheme: .debian, file: "Sources",
      line: 1)
    source.kind = .source
    source.relations.append(.init(.buildDepends, [Constraint(name: "gcc")], line: 2))
    source.relations.append(
      .init(
        .buildDepends, [Constraint(name: "win-sdk").with(architectures: ["windows-amd64"])],
        line: 3))
    builder.add(source)
    builder.add(
      PackageDraft(
        name: "app", version: "1", architecture: "amd64", scheme: .debian, file: "Packages",
        line: 1))
    let universe = builder.finish()
    // The source and its binary share a name; gcc is missing; win-sdk is not for amd64.
    #expect(
      ClosureChecker.problems(
        members: [0, 1], roots: [], scheme: .debian, universe: universe, architecture: "amd64")
        == ["app 1 needs gcc to build, which no member is"])
  }
}
