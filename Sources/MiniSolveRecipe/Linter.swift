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

  /// The YAML files under the given paths, in a stable order; missing paths are reported.
  public static func files(in paths: [String]) -> (files: [String], missing: [String]) {
    var files: [String] = []
    var missing: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        missing.append(path)
        continue
      }
      guard isFolder.boolValue else {
        files.append(path)
        continue
      }
      let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
      files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        .map { (path as NSString).appendingPathComponent($0) }
    }
    return (files, missing)
  }

  /// Everything wrong with one file; a file inside a `pipelines` folder is a named pipeline.
  public func lint(_ path: String) -> [Diagnostic] {
    guard let bytes = PipelineLibrary.read(path) else {
      return [Diagnostic(path: path, mark: .start, category: "io", message: "cannot read the file")]
    }
    if path.split(separator: "/").dropLast().contains("pipelines") {
      return lintPipeline(path, bytes: bytes)
    }
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
