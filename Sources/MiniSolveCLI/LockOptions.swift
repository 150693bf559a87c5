import Foundation
import MiniSolveLock
import MiniSolveRecipe
import MiniSolveYAML

/// The options of the commands that read a project's lock (`why`, `graph`, `sbom`, `audit`),
/// and reading the lock and choosing a closure from them.
enum LockOptions {
  static let project = OptionSpec.value("project", "DIR", "The project folder (default: .).")
  static let image = OptionSpec.value("image", "NAME", "The image (images/NAME.yaml).")
  static let variant = OptionSpec.value(
    "variant", "prod|dev", "The image's variant (default: prod).")
  static let arch = OptionSpec.value(
    "arch", "ARCH", "The architecture (default: the only one locked, else x86_64).")

  /// The project's layout and lock; a missing or malformed lock is a failure.
  static func lock(
    _ arguments: ParsedArguments, terminal: Terminal
  ) throws -> (layout: ProjectLayout, lock: Lock) {
    let folder = try projectFolder(arguments)
    let layout: ProjectLayout
    do {
      layout = try ProjectLayout.load(folder)
    } catch ProjectError.diagnostics(let diagnostics) {
      var printer = DiagnosticPrinter(
        colour: terminal.stderrIsTerminal, source: PipelineLibrary.sourceText(of:))
      for diagnostic in diagnostics { terminal.err(printer.render(diagnostic)) }
      throw CommandFailure(message: "the project file has errors")
    } catch ProjectError.message(let message) {
      throw CommandFailure(message: message)
    }
    return (layout, try read(layout.lockPath, shownAs: layout.relative(layout.lockPath)))
  }

  /// `--project`, or `.`; a failure when it is not a folder.
  static func projectFolder(_ arguments: ParsedArguments) throws -> String {
    let folder = arguments.value("project") ?? "."
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
      isFolder.boolValue
    else { throw CommandFailure(message: "--project must be a folder: \(folder)") }
    return folder
  }

  /// The lock at `path`; a missing or malformed one is a failure.
  static func read(_ path: String, shownAs shown: String? = nil) throws -> Lock {
    do {
      guard let lock = try LockFile.read(path) else {
        throw CommandFailure(message: "no lock at \(shown ?? path); run minisolve lock")
      }
      return lock
    } catch let error as LockReadError {
      throw CommandFailure(message: error.message)
    }
  }

  /// The closure an image (`--image`, or sbom's argument), `--variant` and `--arch` choose,
  /// or `--build` and `--arch`.
  static func selection(
    _ arguments: ParsedArguments, image: String?, in lock: Lock, spec: CommandSpec
  ) throws -> SelectedClosure {
    let variant = try OptionChoice.value(
      arguments, "variant", among: Lock.variants, default: "prod", spec: spec)
    do {
      if let recipe = arguments.value("build") {
        if arguments.value("image") != nil || arguments.value("variant") != nil {
          throw UsageError(
            message: "--build names a recipe; it takes no --image or --variant", spec: spec)
        }
        return try lock.buildClosure(recipe: recipe, architecture: arguments.value("arch"))
      }
      guard let image else {
        let names = lock.images.keys.sorted().joined(separator: ", ")
        throw UsageError(
          message: "name an image with --image (the lock has: \(names.isEmpty ? "none" : names))",
          spec: spec)
      }
      return try lock.closure(image: image, variant: variant, architecture: arguments.value("arch"))
    } catch let error as LockQueryError {
      throw CommandFailure(message: error.message)
    }
  }
}

/// An option whose value is one of a few words: `--format dot|mermaid`.
enum OptionChoice {
  /// The value given, or `fallback`; another word is a usage error with "did you mean".
  static func value(
    _ arguments: ParsedArguments, _ option: String, among choices: [String],
    default fallback: String?, spec: CommandSpec
  ) throws -> String {
    guard let value = arguments.value(option) ?? fallback else {
      throw UsageError(
        message: "--\(option) is required: \(choices.joined(separator: " or "))", spec: spec)
    }
    guard choices.contains(value) else {
      var message =
        "unknown --\(option) '\(value)'; choose \(choices.joined(separator: ", "))"
      if let near = Suggestion.closest(to: value, among: choices) {
        message = "unknown --\(option) '\(value)'; did you mean '\(near)'?"
      }
      throw UsageError(message: message, spec: spec)
    }
    return value
  }
}
