import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve build-order`: the order in which recipes (source packages) must be built.
enum BuildOrderCommand: Command {
  static let spec = CommandSpec(
    name: "build-order", summary: "Print the order in which recipes must be built.",
    arguments: "[options]",
    discussion: """
      A recipe comes after every recipe that yields a package of its build closure: its
      environment packages and pipeline needs, and what those need at runtime, each name taken
      to its newest package (or highest-priority provider). Packages of --repo indexes count as
      already built. Recipes that need each other are printed on one line as a cycle, and each
      cycle is explained by a shortest loop of requirements through it (every edge with
      --verbose, and in --format json). Exits 1 when there is a cycle.
      """,
    options: UniverseOptions.specs + [
      UniverseOptions.format
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    try UniverseOptions.noArguments(arguments, spec: spec)
    let request = try UniverseOptions.request(arguments, spec: spec)
    let universe = try UniverseOptions.load(request, arguments: arguments, terminal: terminal)
      .universe
    let order = BuildOrder(universe, architecture: request.architecture.debianName)

    switch format {
    case .json:
      terminal.out(
        JSONValue.object([
          "steps": .array(order.steps.map { .array($0.map { .string($0) }) }),
          "cycles": .array(order.cycles.map { .array($0.map(\.json)) }),
          "loops": .array(order.loops.map { .array($0.map(\.json)) }),
        ]).rendered())
    case .text:
      var text = order.steps.map { $0.joined(separator: " ") + "\n" }.joined()
      let verbose = arguments.has("verbose")
      for (number, cycle) in order.cycles.enumerated() {
        let members = Set(cycle.map(\.from)).count
        text += "cycle \(number + 1): \(members) recipes, \(cycle.count) edges"
        text += verbose ? ":\n" : "; a shortest loop (all edges: --verbose or --format json):\n"
        for edge in verbose ? cycle : order.loops[number] { text += "  " + edge.text + "\n" }
      }
      terminal.out(text)
      if !order.cycles.isEmpty {
        let count = order.cycles.count
        terminal.err(
          "error: \(count) build cycle\(count == 1 ? "" : "s"); see the lines after the order\n")
      }
    }
    return order.cycles.isEmpty ? ExitCode.success : ExitCode.failure
  }
}

extension BuildOrder.Edge {
  /// `a needs b: busybox (recipes/a.yaml:18:9) reaches ca-certificates-bundle`.
  var text: String {
    let line = "\(from) needs \(to): \(requirement) (\(site))"
    return reaches == requirement ? line : line + " reaches \(reaches)"
  }

  var json: JSONValue {
    .object([
      "from": .string(from), "to": .string(to), "requirement": .string(requirement),
      "site": .string(site), "reaches": .string(reaches),
    ])
  }
}
