import MiniSolveUniverse

/// Roots as people type them: apk syntax (`openssl>=3.2`, `so:libc.so.6`) for apk universes;
/// for Debian ones Debian relation syntax (`libssl3 (>= 3.0)`, `python3:any`) or an apk-style
/// operator followed by a Debian version (`libcap2>=1:2.66`).
enum RootSyntax {
  static func parse(_ text: String, scheme: VersionScheme) throws -> Constraint {
    guard scheme == .debian else { return try Constraint.apk(text) }
    var relation = text
    let operators = ["<<", ">>", "<=", ">=", "=", "<", ">"]
    if !text.contains("("),
      let position = text.firstIndex(where: { "<>=".contains($0) })
    {
      let name = text[..<position]
      let rest = text[position...]
      if let spelled = operators.first(where: { rest.hasPrefix($0) }) {
        relation = "\(name) (\(spelled) \(rest.dropFirst(spelled.count)))"
      }
    }
    let groups = try Constraint.debianRelations(relation)
    guard groups.count == 1, let group = groups.first, group.count == 1, let root = group.first
    else { throw ConstraintError(message: "a root is one package, not a list", offset: 0) }
    if let problem = root.relation == .any ? nil : DebianVersion.problem(in: root.version) {
      throw ConstraintError(message: problem, offset: 0)
    }
    return root
  }

  /// The source package (recipe) a `--build` root names, or a failure that says what to do.
  static func source(_ root: Constraint, scheme: VersionScheme, in universe: PackageSet) throws
    -> Int32
  {
    let named = universe.packages(named: root.name)
    let sources = named.filter { universe.packages[Int($0)].kind == .source }
    let matching = sources.filter {
      root.matches(universe.strings[universe.packages[Int($0)].version], scheme: scheme)
    }
    if let newest = matching.max(by: {
      scheme.compare(
        universe.strings[universe.packages[Int($0)].version],
        universe.strings[universe.packages[Int($1)].version]) < 0
    }) {
      return newest
    }
    if !sources.isEmpty {
      let versions = sources.map { universe.strings[universe.packages[Int($0)].version] }
      throw CommandFailure(
        message: "no version of the source package \(root.name) matches "
          + "\(root.rendered(scheme)); there is \(versions.joined(separator: ", "))")
    }
    if let binary = named.first,
      let origin = universe.string(universe.packages[Int(binary)].source),
      origin != root.name
    {
      throw CommandFailure(
        message: "\(root.name) is a binary package, built from the source package \(origin)")
    }
    throw CommandFailure(
      message: "no source package \(root.name): --build needs a recipe of the project or a "
        + "Debian Sources index given with --repo")
  }
}
