import Foundation
import MiniSolveSolver
import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve closure ROOT...`: the smallest set of packages that holds the roots and all they
/// need at runtime.
enum ClosureCommand: Command {
  static let spec = CommandSpec(
    name: "closure", summary: "Solve the runtime closure of root packages.",
    arguments: "ROOT... [options]",
    discussion: """
      A ROOT is a package name or a constraint in apk syntax (zlib, openssl>=3.2,
      so:libc.so.6). The answer holds every root, every dependency of every member and no
      conflict; the newest versions and the first alternatives are preferred, and it is
      subset-minimal: removing any one member breaks it. Each member is printed with the
      dependency that pulled it in. With --optimal the answer has the fewest members of any
      closure, and minisolve says whether it proved that (no smaller closure exists) or ran
      out of its conflict budget first. Exits 1 when no closure exists.
      """,
    options: UniverseOptions.specs + [
      .flag("build", "ROOT names a recipe (source package): solve its build closure."),
      .flag("optimal", "Find a closure with the fewest members and prove it minimum."),
      .flag("verify", "Check the answer with the independent checker."),
      UniverseOptions.format,
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    guard !arguments.positionals.isEmpty else {
      throw UsageError(message: "name at least one root package", spec: spec)
    }
    let request = try UniverseOptions.request(arguments, spec: spec)
    let universe = try UniverseOptions.load(request, arguments: arguments, terminal: terminal)
      .universe
    let started = Date()
    let scheme = universe.packages.first?.scheme ?? .apk
    var roots: [Constraint] = []
    for text in arguments.positionals {
      do {
        roots.append(try RootSyntax.parse(text, scheme: scheme))
      } catch let error as ConstraintError {
        throw UsageError(message: "root '\(text)': \(error.message)", spec: spec)
      }
    }
    let architectures = [request.architecture.name, request.architecture.debianName]
    let outcome: Result<Closure, ClosureFailure>
    let collector = StatisticsCollector()
    var buildSource: Int32?
    if arguments.has("build") {
      guard roots.count == 1 else {
        throw UsageError(message: "--build takes one recipe or source package", spec: spec)
      }
      if arguments.has("optimal") {
        throw UsageError(message: "--optimal applies to runtime closures, not --build", spec: spec)
      }
      let source = try RootSyntax.source(roots[0], scheme: scheme, in: universe)
      var encoding = PackageEncoding(
        universe, architectures: architectures, seeds: [source], scheme: scheme, sources: true)
      encoding.observer = collector
      outcome = ClosureFinder.buildClosure(of: source, in: encoding)
      buildSource = source
      roots = []
    } else {
      var encoding = PackageEncoding(
        universe, architectures: architectures, reachableFrom: roots, scheme: scheme)
      encoding.observer = collector
      outcome =
        arguments.has("optimal")
        ? ClosureFinder.optimalClosure(of: roots, scheme: scheme, in: encoding)
        : ClosureFinder.closure(of: roots, scheme: scheme, in: encoding)
    }

    let closure: Closure
    switch outcome {
    case .success(let found): closure = found
    case .failure(.noCandidates(let names)):
      throw CommandFailure(message: "no package satisfies \(names.joined(separator: ", "))")
    case .failure(.unsatisfiable):
      let failed =
        buildSource.map {
          Explanation.sentences(for: $0, universe: universe, architectures: architectures)
        }
        ?? Explanation.sentences(
          roots: roots, scheme: scheme, universe: universe, architectures: architectures)
      let subject =
        buildSource != nil
        ? "\(arguments.positionals[0]) cannot be built"
        : roots.count == 1
          ? "\(roots[0].rendered(scheme)) cannot be installed"
          : "the roots cannot be installed together"
      if format == .json {
        // Machines get the verdict on standard output too, with the sentences.
        terminal.out(
          JSONValue.object([
            "members": .array([]), "satisfiable": .bool(false), "error": .string(subject),
            "reasons": .array(failed.map { .string($0) }),
          ]).rendered())
      }
      throw CommandFailure(
        message: "\(subject):\n" + failed.map { "  \($0)" }.joined(separator: "\n"))
    }
    if arguments.has("verbose") {
      let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
      terminal.err("solved \(closure.members.count) members in \(seconds) s\n")
      terminal.err("solver: \(collector.statistics.summary)\n")
      if let optimality = closure.optimality {
        let sizes = optimality.sizes.map(String.init).joined(separator: " > ")
        terminal.err("optimal: sizes \(sizes), \(optimality.conflicts) conflicts\n")
      }
    }
    if arguments.has("verify") {
      let problems = ClosureChecker.problems(
        members: closure.members, roots: roots, scheme: scheme, universe: universe)
      for problem in problems { terminal.err("error: verify: \(problem)\n") }
      if !problems.isEmpty { return ExitCode.failure }
      terminal.err("verify: the independent checker accepts the closure\n")
    }

    switch format {
    case .json:
      let members: [JSONValue] = closure.members.map { id in
        let package = universe.package(id)
        let edge = closure.pulledBy[id]
        return .object([
          "name": .string(package.name), "version": .string(package.version),
          "architecture": .string(package.architecture), "origin": .string(package.site),
          "pulled_by": .object([
            "parent": edge?.parent.map { .string(universe.package($0).name) } ?? .null,
            "requirement": .string(edge?.requirement ?? ""),
          ]),
        ])
      }
      terminal.out(
        JSONValue.object([
          "members": .array(members), "optimal": .bool(closure.optimality?.proven ?? false),
          "satisfiable": .bool(true),
          "verified": .bool(arguments.has("verify")),
        ]).rendered())
    case .text:
      var text = ""
      for id in closure.members {
        let package = universe.package(id)
        let edge = closure.pulledBy[id]
        let via = edge.map { edge in
          edge.parent.map { "\(universe.package($0).name): \(edge.requirement)" }
            ?? "root \(edge.requirement)"
        }
        text += "\(package.name) \(package.version) \(package.architecture)  \(via ?? "")\n"
      }
      text += "closure: \(closure.members.count) packages"
      if let optimality = closure.optimality {
        text +=
          optimality.proven
          ? ", the minimum (proved: no closure of \(closure.members.count - 1) exists)"
          : ", the smallest found (the conflict budget ran out before a proof)"
      }
      text += "\n"
      terminal.out(text)
    }
    return ExitCode.success
  }
}
