import MiniSolveUniverse

/// Roots as people type them (`Constraint.root`), and the source package a `--build` names.
enum RootSyntax {
  static func parse(_ text: String, scheme: VersionScheme) throws -> Constraint {
    try Constraint.root(text, scheme: scheme)
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
