import Foundation
import MiniSolveIndex
import MiniSolveRecipe
import MiniSolveUniverse

/// Every input a lock depends on, each with its SHA-256: recipes, pipelines, images,
/// repository indexes, the project file, and minisolve's built-in pipelines. Their total
/// decides whether a lock is current without solving.
public struct LockInputs: Sendable, Equatable {
  /// Relative path to SHA-256 (hex).
  public var files: [String: String]
  /// SHA-256 of minisolve's built-in pipelines, which recipes may use.
  public var builtinPipelines: String

  /// The SHA-256 of everything above, in a fixed order.
  public var total: String {
    var hasher = SHA256.Hasher()
    for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      hasher.update(Array("\(path)\u{0}\(files[path] ?? "")\n".utf8))
    }
    hasher.update(Array("<builtin>\u{0}\(builtinPipelines)\n".utf8))
    return hasher.finalize().hex
  }

  /// Hashes the inputs of a project.
  public static func of(_ layout: ProjectLayout) throws -> LockInputs {
    var paths: [String] = []
    var folders = [layout.recipeDirectory] + layout.pipelineDirectories
    let projectPipelines = (layout.directory as NSString).appendingPathComponent("pipelines")
    if !folders.contains(projectPipelines)
      && !projectPipelines.hasPrefix(layout.recipeDirectory + "/")
    {
      folders.append(projectPipelines)
    }
    let existing = folders.filter { FileManager.default.fileExists(atPath: $0) }
    paths += Linter.files(in: existing).files.map(\.path)
    paths += layout.imageFiles()
    for architecture in layout.architectures {
      paths += AptLists.expand(layout.repositories, architecture: architecture.debianName)
    }
    if let projectFile = layout.projectFile { paths.append(projectFile) }
    var files: [String: String] = [:]
    for path in paths {
      let standard = ProjectLayout.standardized(path)
      do {
        files[layout.relative(standard)] = try SHA256.hash(file: standard).hex
      } catch {
        throw ProjectError.message("cannot read \(standard): \(error)")
      }
    }
    var builtin = SHA256.Hasher()
    for name in BuiltinPipelines.sources.keys.sorted() {
      builtin.update(Array("\(name)\u{0}\(BuiltinPipelines.sources[name] ?? "")\n".utf8))
    }
    return LockInputs(files: files, builtinPipelines: builtin.finalize().hex)
  }
}
