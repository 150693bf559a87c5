import Foundation
import MiniSolveYAML

/// Checks recipe and pipeline files as `minisolve lint` does: decoding, then compiling each
/// recipe for every requested architecture, so that expansion errors surface too.
public struct Linter {
  public var library: PipelineLibrary
  public var architectures: [Architecture]

  public init(library: PipelineLibrary, architectures: [Architecture]) {
    self.library = library
    self.architectures = architectures
  }

  /// A file to lint and how to read it.
  public struct File: Sendable, Equatable {
    public var path: String
    /// Inside a folder named `pipelines` (below the PATH given, the PATH itself, or on the
    /// path of a file given).
    public var isPipeline: Bool
  }

  /// The YAML files under the given paths, in a stable order; missing paths are reported.
  public static func files(in paths: [String]) -> (files: [File], missing: [String]) {
    var files: [File] = []
    var missing: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        missing.append(path)
        continue
      }
      guard isFolder.boolValue else {
        // As below a folder given: a pipeline when a folder on the path as given is named
        // `pipelines`, as in `pipelines/greet/install.yaml`, which pre-commit passes.
        let folders = path.split(separator: "/").dropLast()
        files.append(File(path: path, isPipeline: folders.contains("pipelines")))
        continue
      }
      let rootIsPipelines =
        URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        == "pipelines"
      let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
      files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        .map { relative in
          let inside = relative.split(separator: "/").dropLast().contains("pipelines")
          return File(
            path: (path as NSString).appendingPathComponent(relative),
            isPipeline: rootIsPipelines || inside)
        }
    }
    return (files, missing)
  }

  /// Everything wrong with one recipe, or with one named pipeline file.
  public func lint(_ path: String, asPipeline: Bool = false) -> [Diagnostic] {
    guard let bytes = PipelineLibrary.read(path) else {
      return [Diagnostic(path: path, mark: .start, category: "io", message: "cannot read the file")]
    }
    if asPipeline { return lintPipeline(path, bytes: bytes) }
    let (recipe, diagnostics) = RecipeDecoder.decode(bytes, path: path)
    guard let recipe else { return diagnostics }
    var all = diagnostics
    for architecture in architectures {
      let options = CompileOptions(architecture: architecture)
      for diagnostic in Compiler.compile(recipe, source: bytes, options: options, library: library)
        .diagnostics where !all.contains(diagnostic)
      {
        all.append(diagnostic)
      }
    }
    return all
  }

  private func lintPipeline(_ path: String, bytes: [UInt8]) -> [Diagnostic] {
    let lookup = PipelineLibrary(directories: [])
    return lookup.check(path: path, bytes: bytes)
  }
}
