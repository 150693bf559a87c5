import MiniSolveUniverse

/// Checks a closure against the universe alone, without the solver or its encoding: every root
/// and every dependency group of every member is met by a member, no member conflicts with or
/// breaks another, and no two members share a name. Small on purpose, so it can be trusted.
public enum ClosureChecker {
  /// Every problem found, as sentences; empty when the closure is sound.
  /// A source package among the members (a build witness) is not installed: its build
  /// requirements must be met by the binary members, with `[arch]` restrictions read for
  /// `architecture` (Debian's name) and no build profile active.
  public static func problems(
    members: [Int32], roots: [Constraint], scheme: VersionScheme, universe: PackageSet,
    architecture: String = ""
  ) -> [String] {
    var problems: [String] = []
    let all = members.map { universe.package($0) }
    let installed = all.filter { $0.draft.kind == .binary }
    let sources = all.filter { $0.draft.kind == .source }

    func satisfies(_ package: Package, _ constraint: Constraint) -> Bool {
      if let qualifier = constraint.qualifier, qualifier != "any", qualifier != "native",
        package.architecture != qualifier
      {
        return false
      }
      if package.name == constraint.name
        && constraint.matches(package.version, scheme: package.draft.scheme)
      {
        return true
      }
      guard constraint.qualifier == nil || constraint.qualifier == "native" else { return false }
      return package.relations(.provides).joined().contains { offer in
        offer.name == constraint.name
          && constraint.matches(
            offer.relation == .any ? nil : offer.version, scheme: package.draft.scheme)
      }
    }

    // Members by the names they answer to (their own and those they provide), so that a
    // witness of tens of thousands of members is checked in linear time.
    var answering: [String: [Package]] = [:]
    for package in installed {
      answering[package.name, default: []].append(package)
      for offer in package.relations(.provides).joined() where offer.name != package.name {
        answering[offer.name, default: []].append(package)
      }
    }
    func met(_ constraint: Constraint) -> Bool {
      answering[constraint.name]?.contains { satisfies($0, constraint) } ?? false
    }

    for root in roots where !met(root) {
      problems.append("no member satisfies the root '\(root.rendered(scheme))'")
    }
    var names: [String: String] = [:]
    for package in installed {
      let key = package.name + ":" + package.architecture
      if let other = names[key] {
        problems.append("two members are named \(package.name): \(other) and \(package.version)")
      }
      names[key] = package.version
      for group in package.relations(.depends) + package.relations(.preDepends)
      where !group.contains(where: met) {
        let text = group.map { $0.rendered(package.draft.scheme) }.joined(separator: " | ")
        problems.append("\(package.name) \(package.version) needs \(text), which no member is")
      }
      for constraint in (package.relations(.conflicts) + package.relations(.breaks)).joined() {
        var plain = constraint
        plain.isConflict = false
        for other in answering[plain.name] ?? []
        where other.id != package.id && satisfies(other, plain) {
          problems.append(
            "\(package.name) \(package.version) conflicts with member \(other.name) "
              + "\(other.version)")
        }
      }
    }
    for source in sources {
      let applies = { (constraint: Constraint) in
        constraint.appliesTo(architecture: architecture) && constraint.appliesTo(profiles: [])
      }
      let needs = source.draft.relations.filter { $0.kind.isBuild && $0.kind.isRequirement }
      for relation in needs {
        let group = relation.alternatives.filter(applies)
        guard !group.isEmpty, !group.contains(where: met) else { continue }
        let text = group.map { $0.rendered(source.draft.scheme) }.joined(separator: " | ")
        problems.append(
          "\(source.name) \(source.version) needs \(text) to build, which no member is")
      }
      let refused = source.draft.relations.filter { $0.kind.isBuild && !$0.kind.isRequirement }
      for constraint in refused.flatMap(\.alternatives) where applies(constraint) {
        var plain = constraint
        plain.isConflict = false
        for other in answering[plain.name] ?? [] where satisfies(other, plain) {
          problems.append(
            "\(source.name) \(source.version) cannot be built with member \(other.name) "
              + "\(other.version)")
        }
      }
    }
    // apk's install_if: a package whose every condition a member meets must be a member.
    let memberIDs = Set(members)
    for id in universe.packages.indices.map(Int32.init) where !memberIDs.contains(id) {
      let groups = universe.groups(of: id).filter { $0.kind == .installIf }
      guard !groups.isEmpty else { continue }
      let package = universe.package(id)
      let triggered = package.relations(.installIf).allSatisfy { $0.contains(where: met) }
      if triggered {
        problems.append(
          "\(package.name) \(package.version) is not a member, though members meet every "
            + "condition of its install_if")
      }
    }
    return problems
  }
}
