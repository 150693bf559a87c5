import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve rdeps NAME`: what depends on a package, directly and transitively.
enum RdepsCommand: Command {
  static let spec = CommandSpec(
    name: "rdeps", summary: "List what depends on a package, directly and transitively.",
    arguments: "NAME [options]",
    discussion: """
      A package depends on NAME when one of its runtime requirements (Depends, Pre-Depends, a
      recipe's runtime dependencies) names NAME or a name that a package called NAME provides.
      Version bounds are not checked, as with apt-cache rdepends. With --build, source packages
      and recipes whose build requirements reach NAME are listed too. Each dependent is printed
      with its depth (1 = direct) and the declaration that links it.
      """,
    options: UniverseOptions.specs + [
      .flag("build", "Include build requirements (Build-Depends, recipe environments)."),
      .flag("direct", "Only direct dependents."),
      UniverseOptions.format,
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    guard arguments.positionals.count == 1, let name = arguments.positionals.first else {
      throw UsageError(message: "name exactly one package", spec: spec)
    }
    let universe = try UniverseOptions.load(arguments, spec: spec, terminal: terminal).universe
    let dependents = ReverseDependencies(universe).dependents(
      of: name, build: arguments.has("build"), transitive: !arguments.has("direct")
    )
    if universe.packages(named: name).isEmpty && universe.providers(of: name).isEmpty {
      guard !dependents.isEmpty else {
        throw CommandFailure(message: "no package named, providing or required as '\(name)'")
      }
      terminal.err("warning: no package is named or provides '\(name)'; listing what requires it\n")
    }
    let sorted = dependents.sorted { lhs, rhs in
      let left = (lhs.depth, universe.strings[universe.packages[Int(lhs.package)].name])
      let right = (rhs.depth, universe.strings[universe.packages[Int(rhs.package)].name])
      return left.0 != right.0
        ? left.0 < right.0 : left.1.utf8.lexicographicallyPrecedes(right.1.utf8)
    }

    switch format {
    case .json:
      let rows: [JSONValue] = sorted.map { dependent in
        let package = universe.package(dependent.package)
        return .object([
          "name": .string(package.name), "version": .string(package.version),
          "architecture": .string(package.architecture),
          "kind": .string(package.draft.kind == .source ? "source" : "binary"),
          "depth": .int(dependent.depth), "via": .string(dependent.name),
          "relation": .string(dependent.kind.fieldName), "site": .string(dependent.site),
          "through": dependent.through.map {
            .string(universe.strings[universe.packages[Int($0)].name])
          }
            ?? .null,
        ])
      }
      terminal.out(
        JSONValue.object(["name": .string(name), "dependents": .array(rows)]).rendered())
    case .text:
      var text = ""
      for dependent in sorted {
        let package = universe.package(dependent.package)
        let kind = package.draft.kind == .source ? " (source)" : ""
        text += "\(dependent.depth) \(package.name) \(package.version)\(kind)"
        text += "  \(dependent.kind.fieldName.lowercased()) \(dependent.name)"
        // A provided name is followed by the package that provides it.
        if let through = dependent.through,
          universe.strings[universe.packages[Int(through)].name] != dependent.name
        {
          text += " (of \(universe.strings[universe.packages[Int(through)].name]))"
        }
        text += "  \(dependent.site)\n"
      }
      let direct = sorted.filter { $0.depth == 1 }.count
      text += "\(name): \(direct) direct, \(sorted.count) in all\n"
      terminal.out(text)
    }
    return ExitCode.success
  }
}
