import Foundation
import MiniSolveIndex
import MiniSolveRecipe
import MiniSolveUniverse
import MiniSolveYAML

/// Where a project's inputs are: from `minisolve.yaml` when there is one, else by convention
/// (`recipes/`, `pipelines/`, `images/`, `minisolve.lock`, x86_64 and aarch64). Paths are
/// absolute; the lock writes them relative to `directory`.
public struct ProjectLayout: Sendable {
  public static let fileName = "minisolve.yaml"
  public static let defaultArchitectures = ["x86_64", "aarch64"]
  public static let defaultDevPackages = ["busybox", "apk-tools"]

  public var directory: String
  /// `minisolve.yaml`, when the project has one.
  public var projectFile: String?
  public var recipeDirectory: String
  /// Pipeline folders the project names (its `pipelines/` is found by convention too).
  public var pipelineDirectories: [String]
  public var imageDirectory: String
  public var repositories: [String]
  public var architectures: [Architecture]
  public var lockPath: String
  /// Roots every dev variant adds, unless an image names its own.
  public var devPackages: [Located<String>]
  /// Whether `devPackages` are `defaultDevPackages` because the project file names none.
  public var devPackagesAreDefault: Bool

  /// Reads the project folder's layout; errors in `minisolve.yaml` are thrown as diagnostics.
  public static func load(_ folder: String) throws -> ProjectLayout {
    let directory = URL(fileURLWithPath: folder).standardizedFileURL.path
    func inside(_ path: String) -> String {
      path.hasPrefix("/")
        ? URL(fileURLWithPath: path).standardizedFileURL.path
        : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }
    var file = ProjectFile()
    let projectPath = inside(fileName)
    var projectFile: String?
    if FileManager.default.fileExists(atPath: projectPath) {
      projectFile = projectPath
      let bytes = try FileBytes.read(projectPath, limit: 1 << 20)
      let (decoded, diagnostics) = ProjectFileDecoder.project(bytes, path: projectPath)
      guard let decoded else { throw ProjectError.diagnostics(diagnostics) }
      file = decoded
    }
    var architectures: [Architecture] = []
    for name in file.architectures ?? [] {
      guard let architecture = Architecture.named(name.value) else {
        throw ProjectError.diagnostics([
          Diagnostic(
            path: name.path, mark: name.mark, category: "unknown-architecture",
            message: Architecture.unknownMessage(name.value))
        ])
      }
      if !architectures.contains(where: { $0.name == architecture.name }) {
        architectures.append(architecture)
      }
    }
    if file.architectures == nil {
      architectures = defaultArchitectures.compactMap(Architecture.named)
    }
    let recipes = inside(file.recipes ?? "recipes")
    var isFolder: ObjCBool = false
    let hasRecipes =
      FileManager.default.fileExists(atPath: recipes, isDirectory: &isFolder)
      && isFolder.boolValue
    if file.recipes != nil && !hasRecipes {
      throw ProjectError.message("\(projectPath): the recipe folder \(recipes) does not exist")
    }
    let defaultDev = defaultDevPackages.map {
      Located($0, path: projectFile ?? directory, mark: .start)
    }
    return ProjectLayout(
      directory: directory, projectFile: projectFile,
      recipeDirectory: hasRecipes ? recipes : directory,
      pipelineDirectories: (file.pipelines ?? []).map(inside),
      imageDirectory: inside(file.images ?? "images"),
      repositories: (file.repositories ?? []).map { $0 == "apt" ? $0 : inside($0) },
      architectures: architectures, lockPath: inside(file.lock ?? "minisolve.lock"),
      devPackages: file.devPackages ?? defaultDev,
      devPackagesAreDefault: file.devPackages == nil)
  }

  /// What the recipe folder holds that is not a recipe: the image folder and the project
  /// file, when the recipes sit in the project folder itself.
  public var notRecipes: [String] {
    [imageDirectory, projectFile].compactMap { $0 }.filter {
      $0.hasPrefix(recipeDirectory + "/")
    }
  }

  /// The index database a project uses unless told otherwise.
  public var defaultIndexPath: String { directory + "/.minisolve/index.db" }

  /// The request that loads this project's universe (recipes, pipelines, repositories) for
  /// one architecture.
  public func universeRequest(
    architecture: Architecture, indexPath: String?, toolVersion: String
  ) -> UniverseRequest {
    var request = UniverseRequest(architecture: architecture)
    request.projectDirectory = directory
    request.recipeFolder = recipeDirectory
    request.notRecipes = notRecipes
    request.repositories = repositories
    request.pipelineDirectories = pipelineDirectories
    request.indexPath = indexPath
    request.toolVersion = toolVersion
    return request
  }

  /// `path` relative to the project folder (`../x` for files outside it), as the lock writes it.
  public func relative(_ path: String) -> String {
    ProjectLayout.relative(path, to: directory)
  }

  static func relative(_ path: String, to base: String) -> String {
    guard path.hasPrefix("/") else { return path }
    // The common case, a plain path inside the folder, without the cost of URL.
    if isPlain(path) && isPlain(base) && path.hasPrefix(base + "/") {
      return String(path.dropFirst(base.utf8.count + 1))
    }
    let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    let origin = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
    var common = 0
    while common < min(target.count, origin.count) && target[common] == origin[common] {
      common += 1
    }
    let up = Array(repeating: "..", count: origin.count - common)
    let parts = up + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// An absolute path as `URL.standardizedFileURL` gives it, without building a URL when the
  /// path is already plain.
  static func standardized(_ path: String) -> String {
    isPlain(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Whether `path` is absolute with no empty, `.` or `..` part and no trailing slash.
  static func isPlain(_ path: String) -> Bool {
    guard path.hasPrefix("/") else { return false }
    if path == "/" { return true }
    let parts = path.utf8.dropFirst()
      .split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    return !parts.contains { part in
      part.isEmpty || part.elementsEqual(".".utf8) || part.elementsEqual("..".utf8)
    }
  }

  /// The image files, sorted by name, each decoded; the diagnostics of all of them.
  public func images() throws -> (images: [ImageFile], diagnostics: [Diagnostic]) {
    var images: [ImageFile] = []
    var diagnostics: [Diagnostic] = []
    for path in imageFiles() {
      let bytes = try FileBytes.read(path, limit: 1 << 20)
      let (image, found) = ProjectFileDecoder.image(bytes, path: path)
      diagnostics += found
      if let image { images.append(image) }
    }
    return (images, diagnostics)
  }

  /// `images/*.yaml`, sorted.
  public func imageFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: imageDirectory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .map { (imageDirectory as NSString).appendingPathComponent($0) }
  }
}

/// Why a project cannot be read or locked.
public enum ProjectError: Error, Sendable {
  /// Findings in the project's files, with positions.
  case diagnostics([Diagnostic])
  case message(String)
}
