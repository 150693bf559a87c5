import Foundation
import MiniSolveYAML

extension [UInt8] {
  /// Whether the bytes end with the UTF-8 of `suffix`.
  fileprivate func ends(with suffix: String) -> Bool {
    let tail = Array(suffix.utf8)
    return count >= tail.count && self[(count - tail.count)...].elementsEqual(tail)
  }
}

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

  /// The YAML files under the given paths, in a stable order, each once; missing paths are
  /// reported.
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
      // A folder given through a symbolic link is walked where the link points (opendir
      // follows it); links below it are not followed, so a link loop cannot make the walk
      // endless.
      files += yamlFiles(below: path)
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        .map { relative in
          let full = (path as NSString).appendingPathComponent(relative)
          return File(
            path: full, kind: File.kind(of: full, folderName: rootName, relative: relative))
        }
    }
    // A file given twice, or given and inside a folder given, is checked once.
    var seen = Set<String>()
    return (files.filter { seen.insert($0.path).inserted }, missing)
  }

  /// The paths, relative to `folder`, of every entry below it named `*.yaml` or `*.yml`; links
  /// are listed but not followed. readdir, not FileManager's enumerator: listing the Wolfi
  /// corpus that way was a twentieth of linting it, before any file was read. Folders are
  /// opened by their names' bytes, so one whose name is not UTF-8 is walked too; what is found
  /// in it is listed with U+FFFD for the bad bytes, and reading it then fails with a finding
  /// instead of the folder being passed over in silence.
  static func yamlFiles(below folder: String) -> [String] {
    var found: [String] = []
    var pending: [[UInt8]] = [[]]
    let root = Array(folder.utf8)
    while let relative = pending.popLast() {
      let folderBytes = relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative
      guard let directory = Self.withCString(folderBytes, { opendir($0) }) else { continue }
      defer { closedir(directory) }
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          Array(raw.prefix { $0 != 0 })
        }
        if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] {
          continue
        }
        let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
        if name.ends(with: ".yaml") || name.ends(with: ".yml") {
          found.append(String(decoding: path, as: UTF8.self))
        }
        var isFolder = Int32(entry.pointee.d_type) == DT_DIR
        if Int32(entry.pointee.d_type) == DT_UNKNOWN {
          var status = stat()
          let full = root + [UInt8(ascii: "/")] + path
          isFolder =
            Self.withCString(full, { lstat($0, &status) }) == 0
            && status.st_mode & S_IFMT == S_IFDIR
        }
        if isFolder { pending.append(path) }
      }
    }
    return found
  }

  /// Calls `body` with `bytes` as a NUL-terminated C string.
  private static func withCString<Result>(
    _ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result
  ) -> Result {
    let terminated = (bytes + [0]).map { CChar(bitPattern: $0) }
    return terminated.withUnsafeBufferPointer { buffer in
      // A buffer of at least one element always has an address.
      guard let start = buffer.baseAddress else { preconditionFailure("empty C string buffer") }
      return body(start)
    }
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
