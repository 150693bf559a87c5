import MiniSolveUniverse
import Testing

@testable import MiniSolveSolver

/// Small random universes, solved by minisolve and by enumerating every subset.
@Suite struct RandomUniverseTests {
  /// A package of a random universe: name index, version, dependency groups, conflicts.
  struct Spec {
    var name: Int
    var version: Int
    var depends: [[Int]] = []
    var conflicts: [Int] = []
  }

  static func universe(_ specs: [Spec]) -> PackageSet {
    var builder = PackageSetBuilder()
    for (index, spec) in specs.enumerated() {
      var draft = PackageDraft(
        name: "p\(spec.name)", version: "\(spec.version)", architecture: "noarch", scheme: .apk,
        file: "random", line: index + 1)
      for group in spec.depends {
        draft.relations.append(.init(.depends, group.map { Constraint(name: "p\($0)") }, line: 1))
      }
      for other in spec.conflicts {
        var constraint = Constraint(name: "p\(other)")
        constraint.isConflict = true
        draft.relations.append(.init(.conflicts, [constraint], line: 1))
      }
      builder.add(draft)
    }
    return builder.finish()
  }

  /// One or two versions of each name, each with fewer than `groups` dependency groups of up
  /// to `alternatives` names below `targets` (a name at or past `names` has no package) and
  /// fewer than `conflicts` conflicts.
  static func specs(
    _ random: inout SplitMix, names: Int, groups: Int, alternatives: Int, targets: Int,
    conflicts: Int
  ) -> [Spec] {
    var specs: [Spec] = []
    for name in 0..<names {
      for version in 1...(1 + random.next(2)) { specs.append(Spec(name: name, version: version)) }
    }
    for index in specs.indices {
      for _ in 0..<random.next(groups) {
        specs[index].depends.append(
          (0..<(1 + random.next(alternatives))).map { _ in random.next(targets) })
      }
      for _ in 0..<random.next(conflicts) { specs[index].conflicts.append(random.next(names)) }
    }
    return specs
  }

  /// Whether a set of package ids (bits) holds the root name, meets every dependency, has no
  /// conflict and at most one version per name.
  static func valid(_ bits: Int, _ specs: [Spec], root: Int) -> Bool {
    let members = specs.indices.filter { (bits >> $0) & 1 == 1 }
    let names = members.map { specs[$0].name }
    guard names.contains(root), Set(names).count == names.count else { return false }
    for member in members {
      for group in specs[member].depends where !group.contains(where: names.contains) {
        return false
      }
      for other in specs[member].conflicts {
        if members.contains(where: { $0 != member && specs[$0].name == other }) { return false }
      }
    }
    return true
  }

  @Test func answersAreValidMinimalAndAgreeWithEnumeration() {
    var random = SplitMix(state: 42)
    var solvable = 0
    for round in 0..<2_000 {
      let nameCount = 2 + random.next(5)
      let specs = Self.specs(
        &random, names: nameCount, groups: 4, alternatives: 2, targets: nameCount, conflicts: 3)
      let root = random.next(nameCount)
      let universe = Self.universe(specs)
      let roots = [Constraint(name: "p\(root)")]
      let encoding = PackageEncoding(
        universe, architectures: ["x86_64"], reachableFrom: roots, scheme: .apk)
      let answer = ClosureFinder.closure(of: roots, scheme: .apk, in: encoding)
      let expected = (0..<(1 << specs.count)).contains { Self.valid($0, specs, root: root) }

      guard case .success(let closure) = answer else {
        #expect(!expected, "round \(round): minisolve found no closure, one exists")
        continue
      }
      solvable += 1
      #expect(expected, "round \(round): a closure where enumeration finds none")
      let bits = closure.members.reduce(0) { $0 | (1 << Int($1)) }
      #expect(Self.valid(bits, specs, root: root), "round \(round): invalid answer")
      #expect(
        ClosureChecker.problems(
          members: closure.members, roots: roots, scheme: .apk, universe: universe
        ).isEmpty)
      for member in closure.members {
        let without = bits & ~(1 << Int(member))
        #expect(!Self.valid(without, specs, root: root), "round \(round): not minimal")
      }
    }
    #expect(solvable > 300 && solvable < 1_700, "a mix of both answers: \(solvable)")
  }

  @Test func optimalClosuresHaveTheSizeEnumerationFinds() {
    var random = SplitMix(state: 90_210)
    var improved = 0
    for round in 0..<1_000 {
      let nameCount = 3 + random.next(5)
      let specs = Self.specs(
        &random, names: nameCount, groups: 3, alternatives: 3, targets: nameCount, conflicts: 2)
      let root = random.next(nameCount)
      let universe = Self.universe(specs)
      let roots = [Constraint(name: "p\(root)")]
      let encoding = PackageEncoding(
        universe, architectures: ["x86_64"], reachableFrom: roots, scheme: .apk)
      let smallest = (0..<(1 << specs.count)).filter { Self.valid($0, specs, root: root) }
        .map(\.nonzeroBitCount).min()
      let answer = ClosureFinder.optimalClosure(of: roots, scheme: .apk, in: encoding)
      guard case .success(let closure) = answer else {
        #expect(smallest == nil, "round \(round): minisolve found no closure, one exists")
        continue
      }
      let bits = closure.members.reduce(0) { $0 | (1 << Int($1)) }
      #expect(Self.valid(bits, specs, root: root), "round \(round): invalid answer")
      #expect(closure.members.count == smallest, "round \(round): not the minimum")
      #expect(closure.optimality?.proven == true, "round \(round): no proof")
      if let sizes = closure.optimality?.sizes, sizes.count > 1 { improved += 1 }
    }
    #expect(improved > 20, "the descent improves on the subset-minimal answer: \(improved)")
  }

  @Test func installabilityAgreesWithEnumeration() {
    var random = SplitMix(state: 7_001)
    var broken = 0
    for round in 0..<400 {
      let nameCount = 2 + random.next(4)
      let specs = Self.specs(
        &random, names: nameCount, groups: 3, alternatives: 2, targets: nameCount + 1,
        conflicts: 2)
      var encoding = PackageEncoding(Self.universe(specs), architectures: ["x86_64"])
      let report = Installability.check(&encoding, keepWitnesses: true)
      let refuted = Set(report.refuted.map(\.package))
      for witness in report.witnesses {
        let bits = witness.reduce(0) { $0 | (1 << Int($1)) }
        let root = specs[Int(witness[0])].name
        #expect(Self.valid(bits, specs, root: root), "round \(round): a witness is no closure")
      }
      for package in specs.indices where !refuted.contains(Int32(package)) {
        let witness = report.witnessOf[Int32(package)].map { report.witnesses[$0] } ?? []
        #expect(witness.contains(Int32(package)), "round \(round): \(package) has no witness")
      }
      for package in specs.indices {
        let installable = (0..<(1 << specs.count)).contains { bits in
          (bits >> package) & 1 == 1 && Self.valid(bits, specs, root: specs[package].name)
        }
        #expect(
          refuted.contains(Int32(package)) == !installable, "round \(round), package \(package)")
        if !installable { broken += 1 }
      }
    }
    #expect(broken > 100, "some packages cannot be installed: \(broken)")
  }
}
