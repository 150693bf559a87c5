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

      Several --repo indexes make one universe with every version of every name: a release
      and its successor can be checked together. Every package found installable is backed by
      a witness, a closure that holds it; --verify checks every witness with the independent
      checker.

      --semantics chooses what "installable" means: 'libsolv' (the default) treats Essential
      packages like any other, as libsolv's installcheck does; 'dose' holds, for every name
      with Essential packages, one of them installed, as dose-debcheck does by default, so a
      package that conflicts with an Essential package, or is another version of one, cannot
      be installed.
      """,
    options: UniverseOptions.specs + [
      .flag("build", "Check that source packages can be built instead."),
      .value("semantics", "libsolv|dose", "What installable means (default: libsolv)."),
      .flag("verify", "Check every witness with the independent checker."),
      UniverseOptions.format,
    ])

  /// The peers' meanings of "installable".
  enum Semantics: String {
    case libsolv, dose
  }

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    try UniverseOptions.noArguments(arguments, spec: spec)
    let request = try UniverseOptions.request(arguments, spec: spec)
    let universe = try UniverseOptions.load(request, arguments: arguments, terminal: terminal)
      .universe
    let semanticsText = arguments.value("semantics") ?? "libsolv"
    guard let semantics = Semantics(rawValue: semanticsText) else {
      throw UsageError(
        message: "unknown semantics '\(semanticsText)'; choose libsolv or dose", spec: spec)
    }
    let started = Date()
    let build = arguments.has("build")
    var encoding = PackageEncoding(
      universe, architectures: [request.architecture.name, request.architecture.debianName],
      sources: build, holdingEssential: semantics == .dose)
    let collector = StatisticsCollector()
    encoding.observer = collector
    let progress = ProgressLine(terminal: terminal)
    let report = Installability.check(
      &encoding, kind: build ? .source : .binary, keepWitnesses: arguments.has("verify")
    ) { decided, total, models in
      progress.show("checked \(decided) of \(total) packages, \(models) witnesses")
    }
    progress.finish()
    let broken = report.refuted.map(\.package)
    let refutations = Dictionary(report.refuted.map { ($0.package, $0.refutation) }) {
      first, _ in first
    }
    let checked = report.checked
    if build && checked == 0 {
      terminal.err(
        "warning: no source package to check: give a project with recipes, or a Debian Sources "
          + "index with --repo\n")
    }
    if arguments.has("verbose") {
      let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
      terminal.err(
        "check: \(report.queries) queries, \(report.models) witnesses, "
          + "\(report.refuted.count) refuted; \(seconds) s\n")
      terminal.err("solver: \(collector.statistics.summary)\n")
    }
    if arguments.has("verify") {
      let problems = verify(
        report, universe: universe, architecture: request.architecture.debianName)
      for problem in problems.prefix(20) { terminal.err("error: verify: \(problem)\n") }
      if !problems.isEmpty { return ExitCode.failure }
      let witnesses = report.witnesses.count
      let what = build ? "buildable source packages" : "installable packages"
      terminal.err(
        "verify: the independent checker accepts the \(witnesses) "
          + "witness\(witnesses == 1 ? "" : "es"), which hold every one of the "
          + "\(checked - report.refuted.count) \(what)\n")
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

  /// Checks every witness with `ClosureChecker`, and that every package not refuted has one.
  static func verify(
    _ report: Installability.Report, universe: PackageSet, architecture: String
  ) -> [String] {
    var problems: [String] = []
    for (index, witness) in report.witnesses.enumerated() {
      for problem in ClosureChecker.problems(
        members: witness, roots: [], scheme: universe.packages.first?.scheme ?? .apk,
        universe: universe, architecture: architecture)
      {
        problems.append("witness \(index + 1): \(problem)")
      }
    }
    let refuted = Set(report.refuted.map(\.package))
    let witnessed = Set(report.witnessOf.keys)
    if witnessed.count + refuted.count != report.checked || !witnessed.isDisjoint(with: refuted) {
      problems.append(
        "\(report.checked) packages checked, but \(witnessed.count) have a witness and "
          + "\(refuted.count) were refuted")
    }
    return problems
  }
}
