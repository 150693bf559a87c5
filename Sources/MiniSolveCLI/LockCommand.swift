import Foundation
import MiniSolveLock
import MiniSolveRecipe
import MiniSolveYAML

/// `minisolve lock`: solves every image and recipe of the project into `minisolve.lock`.
enum LockCommand: Command {
  static let spec = CommandSpec(
    name: "lock", summary: "Write (or, with --check, verify) the project's minisolve.lock.",
    arguments: "[options]",
    discussion: """
      Solves, for every image (images/*.yaml) and architecture, the production variant (the
      runtime closure of contents.packages) and the dev variant (plus dev.packages, or the
      project's dev packages: busybox and apk-tools unless minisolve.yaml says otherwise), and
      for every recipe its build closure, and writes them with the SHA-256 of every input to
      the lock (minisolve.lock, or what minisolve.yaml names). The write is atomic: a failed or
      killed run leaves the old lock as it was. When no input changed, nothing is solved.

      With --check, writes nothing: exits 0 when the lock is current, 1 with a summary of what
      would change when it is stale, and 1 with an error when it is missing, malformed or was
      edited by hand. When no input changed it answers from the checksums without solving.
      """,
    options: [
      .value("project", "DIR", "The project folder (default: .)."),
      .flag("check", "Verify the lock instead of writing it."),
      .value("index", "PATH", "The index database (default: DIR/.minisolve/index.db)."),
      .flag("no-index", "Read every input afresh and cache nothing."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let started = Date()
    try UniverseOptions.noArguments(arguments, spec: spec)
    if arguments.has("no-index") && arguments.value("index") != nil {
      throw UsageError(message: "--index and --no-index contradict each other", spec: spec)
    }
    let folder = try LockOptions.projectFolder(arguments)

    let layout: ProjectLayout
    let inputs: LockInputs
    do {
      layout = try ProjectLayout.load(folder)
      inputs = try LockInputs.of(layout)
    } catch let error as ProjectError {
      return report(error, writing: !arguments.has("check"), terminal: terminal)
    }
    let shownPath = layout.relative(layout.lockPath)
    // An intact lock of the same inputs is current: no need to read all of it.
    if let locked = LockFile.intactInputs(layout.lockPath), locked.total == inputs.total {
      if !arguments.has("check") { removeStaleTemporaries(layout, started, terminal) }
      terminal.out("lock: \(shownPath) is current (\(inputs.files.count) inputs unchanged)\n")
      return ExitCode.success
    }
    let existing: Lock?
    do {
      existing = try LockFile.read(layout.lockPath)
    } catch let error as LockReadError {
      if arguments.has("check") { throw CommandFailure(message: error.message) }
      terminal.err("warning: \(error.problem); writing a new one\n")
      existing = nil
    }
    if arguments.has("check") && existing == nil {
      throw CommandFailure(message: "no lock at \(shownPath); run minisolve lock")
    }

    var locker = Locker(
      layout: layout,
      indexPath: UniverseOptions.indexPath(arguments, layout: layout),
      toolVersion: MiniSolveCommand.version)
    let lock: Lock
    do {
      lock = try locker.lock(inputs: inputs)
    } catch let error as ProjectError {
      printWarnings(locker, terminal: terminal)
      return report(error, writing: !arguments.has("check"), terminal: terminal)
    }
    printWarnings(locker, terminal: terminal)

    if arguments.has("check"), let existing {
      let diff = LockDiff(from: existing, to: lock)
      var text = "lock: \(shownPath) is stale; minisolve lock would change:\n"
      for line in diff.lines { text += "  \(line)\n" }
      terminal.out(text)
      return ExitCode.failure
    }
    removeStaleTemporaries(layout, started, terminal)
    do {
      try LockFile.write(lock.rendered(), to: layout.lockPath)
    } catch let error as LockWriteError {
      throw CommandFailure(message: error.description)
    }
    let closures = lock.images.values.reduce(0) { sum, image in
      sum + image.closures.values.reduce(0) { $0 + $1.count }
    }
    var text =
      "lock: wrote \(shownPath): \(count(lock.images.count, "image")) "
      + "(\(count(closures, "closure"))), \(count(lock.recipes.count, "recipe")), "
      + "\(lock.architectures.joined(separator: " and "))\n"
    if let existing {
      for line in LockDiff(from: existing, to: lock).lines { text += "  \(line)\n" }
    }
    terminal.out(text)
    return ExitCode.success
  }

  /// Removes what killed runs left beside the lock, saying so.
  private static func removeStaleTemporaries(
    _ layout: ProjectLayout, _ started: Date, _ terminal: Terminal
  ) {
    for path in LockFile.removeStaleTemporaries(of: layout.lockPath, olderThan: started) {
      terminal.err("warning: removed \(layout.relative(path)), left by a run that was stopped\n")
    }
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  private static func printWarnings(_ locker: Locker, terminal: Terminal) {
    for note in locker.notes { terminal.err("warning: \(note)\n") }
    var printer = printer(terminal)
    for warning in locker.warnings { terminal.err(printer.render(warning)) }
  }

  private static func printer(_ terminal: Terminal) -> DiagnosticPrinter {
    DiagnosticPrinter(
      colour: terminal.stderrIsTerminal,
      source: { path in
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
          ? PipelineLibrary.sourceText(of: path) : nil
      })
  }

  /// Prints a project error; the exit code of a failure.
  private static func report(_ error: ProjectError, writing: Bool, terminal: Terminal)
    -> Int32
  {
    switch error {
    case .diagnostics(let diagnostics):
      var printer = printer(terminal)
      for diagnostic in diagnostics { terminal.err(printer.render(diagnostic)) }
    case .message(let message):
      terminal.err("error: \(message)\n")
    }
    // --check never writes; saying so would only puzzle.
    if writing { terminal.err("error: nothing was written\n") }
    return ExitCode.failure
  }
}
