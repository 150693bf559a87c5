import Foundation
import MiniSolveSolver
import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve check`: every package of the universe that cannot be installed.
enum CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check", summary: "List every package of the universe that cannot be installed.",
    arguments: "[options]",
    discussion: """
      Asks, for each binary package of the architecture (and of 'all'/'noarch'), whether some
      set of packages holds it, every dependency of every member, and no conflict or break.
      With --build, asks instead for each source package built on the architecture (a recipe,
      or a Debian Sources stanza whose Architecture names it, a wildcard matching it, or
      'all') whether its build requirements can be met: Build-Depends, -Arch and -Indep and
      the Build-Conflicts, with [arch] restrictions applied and no build profile active, as
      dose-builddebcheck does by default. Exits 1 when any package fails.
      """,
    options: UniverseOptions.specs + [
      .flag("build", "Check that source packages can be built instead."),
      UniverseOptions.format,
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    try UniverseOptions.noArguments(arguments, spec: spec)
    let request = try UniverseOptions.request(arguments, spec: spec)
    let universe = try UniverseOptions.load(request, arguments: arguments, terminal: terminal)
      .universe
    let started = Date()
    let build = arguments.has("build")
    var encoding = PackageEncoding(
      universe, architectures: [request.architecture.name, request.architecture.debianName],
      sources: build)
    let collector = StatisticsCollector()
    encoding.observer = collector
    let refuted = Installability.refuted(&encoding, kind: build ? .source : .binary)
    let broken = refuted.map(\.package)
    let refutations = Dictionary(refuted.map { ($0.package, $0.refutation) }) { first, _ in first }
    let checked = encoding.packageOfVariable.filter {
      universe.packages[Int($0)].kind == (build ? .source : .binary)
    }.count
    if build && checked == 0 {
      terminal.err(
        "warning: no source package to check: give a project with recipes, or a Debian Sources "
          + "index with --repo\n")
    }
    if arguments.has("verbose") {
      let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
      terminal.err("solver: \(collector.statistics.summary); \(seconds) s in all\n")
    }

    let rows = broken.map { universe.package($0) }.sorted {
      ($0.name, $0.version) < ($1.name, $1.version)
    }
    let architectures = [request.architecture.name, request.architecture.debianName]
    let reasons = rows.map { package in
      Explanation.sentences(
        for: package.id, refutation: refutations[package.id] ?? [], in: encoding,
        architectures: architectures)
    }
    switch format {
    case .json:
      terminal.out(
        JSONValue.object([
          "checked": .int(checked),
          (build ? "unbuildable" : "uninstallable"): .array(
            zip(rows, reasons).map { package, sentences in
              .object([
                "name": .string(package.name), "version": .string(package.version),
                "architecture": .string(package.architecture),
                "reasons": .array(sentences.map { .string($0) }),
              ])
            }),
        ]).rendered())
    case .text:
      var text = ""
      for (package, sentences) in zip(rows, reasons) {
        text += "\(package.name) \(package.version) \(package.architecture)\n"
        for sentence in sentences { text += "  \(sentence)\n" }
      }
      let verdict = build ? "source packages cannot be built" : "packages cannot be installed"
      text += "check: \(rows.count) of \(checked) \(verdict)\n"
      terminal.out(text)
    }
    return rows.isEmpty ? ExitCode.success : ExitCode.failure
  }
}
