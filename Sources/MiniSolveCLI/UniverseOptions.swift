import Foundation
import MiniSolveIndex
import MiniSolveLock
import MiniSolveRecipe
import MiniSolveUniverse
import MiniSolveYAML

/// The options of every command that needs a universe, and loading it from them.
enum UniverseOptions {
  static let specs: [OptionSpec] = [
    .value(
      "project", "DIR", "The project folder: recipes/ (or *.yaml) and pipelines/ (default: .)."),
    .value(
      "repo", "PATH", repeatable: true,
      "A repository index: APKINDEX(.tar.gz), Packages, Sources (plain, .gz, .xz, .lz4); "
        + "apt: the lists this machine's apt has."),
    .value("arch", "ARCH", "Architecture, apk or Debian name (default: this machine's)."),
    .value("pipeline-dir", "DIR", repeatable: true, "Also look for named pipelines in DIR."),
    .value("index", "PATH", "The index database (default: DIR/.minisolve/index.db)."),
    .flag("no-index", "Read every input afresh and cache nothing."),
  ]

  /// `--format text|json`, which every universe command takes.
  static let format = OptionSpec.value("format", "text|json", "Output format (default: text).")

  /// `--index PATH`, nil for `--no-index`, else the project's default index.
  static func indexPath(_ arguments: ParsedArguments, layout: ProjectLayout) -> String? {
    arguments.has("no-index") ? nil : arguments.value("index") ?? layout.defaultIndexPath
  }

  /// Refuses positional arguments, for commands that take none.
  static func noArguments(_ arguments: ParsedArguments, spec: CommandSpec) throws {
    guard let first = arguments.positionals.first else { return }
    throw UsageError(message: "unexpected argument '\(first)'", spec: spec)
  }

  /// The request the options describe.
  static func request(_ arguments: ParsedArguments, spec: CommandSpec) throws -> UniverseRequest {
    var architecture = CompileOptions.host.architecture
    if let arch = arguments.value("arch") {
      architecture = try ArchitectureArgument.parse([arch], default: [], spec: spec)[0]
    }
    var request = UniverseRequest(architecture: architecture)
    request.projectDirectory = arguments.value("project") ?? "."
    request.repositories = arguments.all("repo")
    request.pipelineDirectories = arguments.all("pipeline-dir")
    // A project file (minisolve.yaml) names the recipe folder, pipelines and repositories.
    if let layout = try projectLayout(request.projectDirectory) {
      request.recipeFolder = layout.recipeDirectory
      request.notRecipes = layout.notRecipes
      request.repositories = layout.repositories + request.repositories
      request.pipelineDirectories = layout.pipelineDirectories + request.pipelineDirectories
    }
    request.toolVersion = MiniSolveCommand.version
    if arguments.has("no-index") && arguments.value("index") != nil {
      throw UsageError(message: "--index and --no-index contradict each other", spec: spec)
    }
    if !arguments.has("no-index") {
      request.indexPath =
        arguments.value("index") ?? request.projectDirectory + "/.minisolve/index.db"
    }
    if request.repositories.contains(AptLists.name)
      && AptLists.files(architecture: architecture.debianName).isEmpty
    {
      throw CommandFailure(
        message: "--repo apt: no package list for \(architecture.debianName) in "
          + "\(AptLists.folder); run apt-get update")
    }
    for path in request.repositories + [request.projectDirectory] where path != AptLists.name {
      var status = stat()
      if stat(path, &status) != 0 {
        throw CommandFailure(message: "no such file or folder: \(path)")
      }
    }
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: request.projectDirectory, isDirectory: &isFolder)
    guard isFolder.boolValue else {
      throw CommandFailure(message: "--project must be a folder: \(request.projectDirectory)")
    }
    return request
  }

  /// The layout of a project folder, read when it has a project file or image files (so that
  /// those are not taken for recipes); errors in the project file stop the command.
  static func projectLayout(_ folder: String) throws -> ProjectLayout? {
    let manager = FileManager.default
    let base = folder as NSString
    guard
      manager.fileExists(atPath: base.appendingPathComponent(ProjectLayout.fileName))
        || manager.fileExists(atPath: base.appendingPathComponent("images"))
    else { return nil }
    do {
      return try ProjectLayout.load(folder)
    } catch ProjectError.diagnostics(let diagnostics) {
      throw CommandFailure(message: diagnostics.map(\.description).joined(separator: "\n"))
    } catch ProjectError.message(let message) {
      throw CommandFailure(message: message)
    }
  }

  /// Loads the universe, printing diagnostics and index warnings to standard error.
  static func load(
    _ arguments: ParsedArguments, spec: CommandSpec, terminal: Terminal
  ) throws -> UniverseLoad {
    try load(request(arguments, spec: spec), arguments: arguments, terminal: terminal)
  }

  /// Loads the universe of a request already made from the options.
  static func load(
    _ request: UniverseRequest, arguments: ParsedArguments, terminal: Terminal
  ) throws -> UniverseLoad {
    let started = Date()
    let load = try UniverseLoader.load(request)
    var printer = DiagnosticPrinter(
      colour: terminal.stderrIsTerminal,
      source: { path in
        // Index files may be compressed; only YAML sources are quoted.
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
          ? PipelineLibrary.sourceText(of: path) : nil
      })
    for warning in load.warnings { terminal.err("warning: \(warning)\n") }
    // A badly broken index would bury everything else: 20 findings per file unless --verbose.
    var shown: [String: Int] = [:]
    let cap = arguments.has("verbose") ? Int.max : 20
    for diagnostic in load.diagnostics {
      shown[diagnostic.path, default: 0] += 1
      if shown[diagnostic.path, default: 0] <= cap { terminal.err(printer.render(diagnostic)) }
    }
    for (path, count) in shown.sorted(by: { $0.key < $1.key }) where count > cap {
      terminal.err("\(path): \(count - cap) more findings not shown (--verbose shows all)\n")
    }
    if arguments.has("verbose") {
      let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
      let files = load.read.count + load.reused.count
      terminal.err(
        "loaded \(load.universe.packages.count) packages from "
          + "\(files) file\(files == 1 ? "" : "s") (\(load.read.count) read, "
          + "\(load.reused.count) from the index) in \(seconds) s\n")
    }
    return load
  }
}
