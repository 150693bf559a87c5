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
    /// What a file is, from where it lies: a named pipeline inside a folder named
    /// `pipelines`, an image inside a folder named `images`, the project file
    /// `minisolve.yaml`, else a recipe.
    public enum Kind: Sendable, Equatable {
      case recipe, pipeline, image, project
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
      self.path = path
      self.kind = kind
    }

    public var isPipeline: Bool { kind == .pipeline }

    /// The kind of a file from its path below the folder given (`relative`), or of a file
    /// given by itself (`relative` nil).
    static func kind(of path: String, folderName: String, relative: String?) -> Kind {
      let name = URL(fileURLWithPath: path).lastPathComponent
      // A file given by itself: every folder on its path as given counts, so that
      // `pipelines/greet/install.yaml`, as pre-commit passes it, is a pipeline.
      let parents =
        relative.map { $0.split(separator: "/").dropLast().map(String.init) + [folderName] }
        ?? path.split(separator: "/").dropLast().map(String.init)
      if name == "minisolve.yaml" && relative?.contains("/") != true {
        return .project
      }
      if parents.contains("pipelines") { return .pipeline }
      if parents.contains("images") { return .image }
      return .recipe
    }
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
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        files.append(File(path: path, kind: File.kind(of: path, folderName: parent, relative: nil)))
        continue
      }
      let rootName = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
      // A folder given through a symbolic link is walked where the link points; links below
      // it are not followed, so a link loop cannot make the walk endless.
      let walked = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      files += yamlFiles(below: walked)
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        .map { relative in
          let full = (path as NSString).appendingPathComponent(relative)
          return File(
            path: full, kind: File.kind(of: full, folderName: rootName, relative: relative))
        }
    }
    return (files, missing)
  }

  /// The paths, relative to `folder`, of every entry below it named `*.yaml` or `*.yml`; links
  /// are listed but not followed. readdir, not FileManager's enumerator: listing the Wolfi
  /// corpus that way was a twentieth of linting it, before any file was read.
  static func yamlFiles(below folder: String) -> [String] {
    var found: [String] = []
    var pending = [""]
    while let relative = pending.popLast() {
      guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else {
        continue
      }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name == "." || name == ".." { continue }
        let path = relative.isEmpty ? name : relative + "/" + name
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(path) }
        var isFolder = Int32(entry.pointee.d_type) == DT_DIR
        if Int32(entry.pointee.d_type) == DT_UNKNOWN {
          var status = stat()
          isFolder =
            lstat(folder + "/" + path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
        if isFolder { pending.append(path) }
      }
    }
    return found
  }

  /// Everything wrong with one recipe, or with one named pipeline file.
  public func lint(_ path: String, asPipeline: Bool = false) -> [Diagnostic] {
    lint(File(path: path, kind: asPipeline ? .pipeline : .recipe))
  }

  /// Everything wrong with one file of any kind.
  public func lint(_ file: File) -> [Diagnostic] {
    let path = file.path
    guard let bytes = PipelineLibrary.read(path) else {
      return [Diagnostic(path: path, mark: .start, category: "io", message: "cannot read the file")]
    }
    switch file.kind {
    case .pipeline: return lintPipeline(path, bytes: bytes)
    case .image: return ProjectFileDecoder.image(bytes, path: path).diagnostics
    case .project: return ProjectFileDecoder.project(bytes, path: path).diagnostics
    case .recipe: break
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
