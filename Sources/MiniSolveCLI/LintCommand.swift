import Dispatch
import Foundation
import MiniSolveRecipe
import MiniSolveYAML
import Synchronization

/// `minisolve lint`: checks recipe and pipeline files like source code.
enum LintCommand: Command {
  static let spec = CommandSpec(
    name: "lint", summary: "Check recipes and pipelines; report every problem with its position.",
    arguments: "[PATH...] [options]",
    discussion: """
      PATH is a recipe, a pipeline file or a folder searched for *.yaml (default: recipes/).
      Files inside a folder named 'pipelines' are checked as named pipelines. Each recipe is
      decoded, then compiled for every --arch, so unknown variables, inputs and pipelines are
      found too. Exits 1 when any error is found.
      """,
    options: [
      .value("pipeline-dir", "DIR", repeatable: true, "Also look for named pipelines in DIR."),
      .value("arch", "ARCH", repeatable: true, "Compile for ARCH (default: x86_64 and aarch64)."),
      .value("format", "text|json", "Output format (default: text)."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    let architectures = try ArchitectureArgument.parse(
      arguments.all("arch"), default: ["x86_64", "aarch64"], spec: spec)
    let paths = arguments.positionals.isEmpty ? ["recipes"] : arguments.positionals
    let (files, missing) = Linter.files(in: paths)
    if let first = missing.first {
      throw CommandFailure(message: "no such file or folder: \(first)")
    }

    let diagnostics = lintInParallel(
      files, pipelineDirectories: arguments.all("pipeline-dir"), architectures: architectures)

    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    switch format {
    case .json:
      let report: JSONValue = .object([
        "diagnostics": .array(diagnostics.map(\.json)),
        "files": .int(files.count),
        "errors": .int(errors),
        "warnings": .int(warnings),
      ])
      terminal.out(report.rendered())
    case .text:
      var printer = DiagnosticPrinter(
        colour: terminal.stdoutIsTerminal, source: PipelineLibrary.sourceText(of:))
      for diagnostic in diagnostics { terminal.out(printer.render(diagnostic)) }
      let plural = { (count: Int, noun: String) in "\(count) \(noun)\(count == 1 ? "" : "s")" }
      terminal.err(
        "checked \(plural(files.count, "file")): \(plural(errors, "error")), "
          + "\(plural(warnings, "warning"))\n")
    }
    return errors > 0 ? ExitCode.failure : ExitCode.success
  }
}

/// Lints files on every core, each worker with its own pipeline library (a cache that is not
/// shared); the findings come back in file order, as one worker would give them.
func lintInParallel(
  _ files: [Linter.File], pipelineDirectories: [String], architectures: [Architecture]
) -> [Diagnostic] {
  let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, files.count))
  let results = Mutex<[[Diagnostic]]>(Array(repeating: [], count: files.count))
  // Each worker takes the next file not yet taken, so that none idles while another still has
  // a share of large recipes left.
  let next = Atomic<Int>(0)
  DispatchQueue.concurrentPerform(iterations: workers) { _ in
    let linter = Linter(
      library: PipelineLibrary(directories: pipelineDirectories), architectures: architectures)
    var found: [(Int, [Diagnostic])] = []
    while true {
      let index = next.add(1, ordering: .relaxed).oldValue
      guard index < files.count else { break }
      found.append((index, linter.lint(files[index])))
    }
    results.withLock { all in
      for (index, diagnostics) in found { all[index] = diagnostics }
    }
  }
  return results.withLock { $0.flatMap { $0 } }
}

/// `--format text|json`.
enum OutputFormat: String {
  case text, json

  init(_ value: String?, spec: CommandSpec) throws {
    guard let value else {
      self = .text
      return
    }
    guard let format = OutputFormat(rawValue: value) else {
      throw UsageError(message: "unknown format '\(value)'; choose text or json", spec: spec)
    }
    self = format
  }
}

/// `--arch` values checked against the architectures minisolve knows.
enum ArchitectureArgument {
  static func parse(
    _ values: [String], default fallback: [String], spec: CommandSpec
  ) throws -> [Architecture] {
    var result: [Architecture] = []
    for name in values.isEmpty ? fallback : values {
      guard let architecture = Architecture.named(name) else {
        throw UsageError(message: Architecture.unknownMessage(name), spec: spec)
      }
      result.append(architecture)
    }
    return result
  }
}

extension Diagnostic {
  var json: JSONValue {
    .object([
      "path": .string(path), "line": .int(mark.line), "column": .int(mark.column),
      "severity": .string(severity.rawValue), "category": .string(category),
      "message": .string(message),
    ])
  }
}
