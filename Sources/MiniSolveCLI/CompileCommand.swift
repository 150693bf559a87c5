import MiniSolveRecipe
import MiniSolveYAML

/// `minisolve compile`: prints a recipe fully expanded, as JSON.
enum CompileCommand: Command {
  static let spec = CommandSpec(
    name: "compile",
    summary: "Print a recipe fully expanded (variables, ranges, pipelines) as JSON.",
    arguments: "RECIPE [options]",
    discussion: """
      Every binary package with its runtime dependencies and provides, the build environment
      (with the needs of every pipeline used), and the pipeline with every 'uses' inlined and
      every variable replaced. Diagnostics go to standard error; exits 1 on any error.
      """,
    options: [
      .value("arch", "ARCH", "Architecture to compile for (default: this machine's)."),
      .value("build-option", "NAME", repeatable: true, "Enable the recipe's option NAME."),
      .value("pipeline-dir", "DIR", repeatable: true, "Also look for named pipelines in DIR."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
      throw UsageError(message: "name exactly one recipe file", spec: spec)
    }
    var options = CompileOptions.host
    if let arch = arguments.value("arch") {
      options.architecture = try ArchitectureArgument.parse([arch], default: [], spec: spec)[0]
    }
    options.buildOptions = arguments.all("build-option")
    guard let bytes = PipelineLibrary.read(path) else {
      throw CommandFailure(message: "cannot read \(path)")
    }

    var printer = DiagnosticPrinter(
      colour: terminal.stderrIsTerminal, source: PipelineLibrary.sourceText(of:))
    let (recipe, diagnostics) = RecipeDecoder.decode(bytes, path: path)
    for diagnostic in diagnostics { terminal.err(printer.render(diagnostic)) }
    guard let recipe else { return ExitCode.failure }

    let library = PipelineLibrary(directories: arguments.all("pipeline-dir"))
    let (compiled, findings) = Compiler.compile(
      recipe, source: bytes, options: options, library: library)
    for diagnostic in findings { terminal.err(printer.render(diagnostic)) }
    guard let compiled else { return ExitCode.failure }
    terminal.out(compiled.json.rendered())
    return ExitCode.success
  }
}
