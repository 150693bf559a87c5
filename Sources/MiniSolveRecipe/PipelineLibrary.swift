import Foundation
import MiniSolveYAML

/// A named pipeline that `uses:` refers to, read from its file. A class: every call of a
/// pipeline hands it on, and copying its step field by field showed in profiles.
public final class PipelineDefinition: Sendable {
  public let name: String
  /// The file it came from; built-in pipelines are `<builtin>/NAME.yaml`.
  public let path: String
  public let step: Step

  init(name: String, path: String, step: Step) {
    self.name = name
    self.path = path
    self.step = step
  }
}

/// Finds named pipelines: the project's `pipelines/`, then each extra folder in order, then the
/// built-in set. Each file is read and checked once, however many recipes use it.
public final class PipelineLibrary {
  public enum Lookup {
    case found(PipelineDefinition)
    /// The file exists but is not a valid pipeline; its diagnostics say why.
    case invalid(path: String, diagnostics: [Diagnostic])
    case missing(searched: [String])
    case refused(reason: String)
  }

  public static let builtinPrefix = "<builtin>/"

  public let directories: [String]
  private var cache: [String: Lookup] = [:]
  /// Paths found missing: files do not appear during a run, and each check is a system call.
  private var absent: Set<String> = []
  /// Each name already looked up from each project folder: recipes use the same few pipelines
  /// again and again, and building and checking their paths each time showed in profiles.
  private var answers: [Question: Lookup] = [:]
  private struct Question: Hashable {
    var name: String
    var projectDirectory: String?
  }
  /// Var-transform patterns compiled so far: recipes are compiled once per architecture, and
  /// compiling the same pattern again was a visible part of linting.
  private var regexes: [String: RegexReplacement] = [:]

  /// The project pipeline folder of each recipe folder seen.
  private var projectFolders: [String: String?] = [:]

  /// The `pipelines` folder a recipe's own pipelines are in (`Compiler.projectPipelineFolder`),
  /// asked of the file system once per recipe folder: the answers were a visible part of
  /// linting the Wolfi corpus.
  func projectPipelineFolder(for recipePath: String) -> String? {
    let key = recipePath.lastIndex(of: "/").map { String(recipePath[..<$0]) } ?? ""
    if let known = projectFolders[key] { return known }
    let found = Compiler.projectPipelineFolder(for: recipePath)
    projectFolders[key] = .some(found)
    return found
  }

  /// A var-transform pattern, compiled once per library.
  func regex(_ pattern: String) throws -> RegexReplacement {
    if let known = regexes[pattern] { return known }
    let compiled = try RegexReplacement(pattern: pattern)
    regexes[pattern] = compiled
    return compiled
  }

  public init(directories: [String]) {
    self.directories = directories
  }

  /// The pipeline `name` as seen from a recipe whose project pipeline folder is `projectDirectory`.
  public func lookup(_ name: String, projectDirectory: String?) -> Lookup {
    let question = Question(name: name, projectDirectory: projectDirectory)
    if let known = answers[question] { return known }
    let answer = search(name, projectDirectory: projectDirectory)
    answers[question] = answer
    return answer
  }

  private func search(_ name: String, projectDirectory: String?) -> Lookup {
    if let reason = Self.problem(with: name) { return .refused(reason: reason) }
    let folders = (projectDirectory.map { [$0] } ?? []) + directories
    for folder in folders {
      let path = (folder as NSString).appendingPathComponent(name + ".yaml")
      if let cached = cache[path] { return cached }
      if absent.contains(path) { continue }
      guard FileManager.default.isReadableFile(atPath: path) else {
        absent.insert(path)
        continue
      }
      let result = load(name: name, path: path, bytes: Self.read(path))
      cache[path] = result
      return result
    }
    let builtinPath = Self.builtinPrefix + name + ".yaml"
    if let cached = cache[builtinPath] { return cached }
    guard let text = BuiltinPipelines.sources[name] else {
      return .missing(searched: folders + ["the built-in pipelines"])
    }
    let result = load(name: name, path: builtinPath, bytes: Array(text.utf8))
    cache[builtinPath] = result
    return result
  }

  /// The text of a file this library read, for printing source lines under diagnostics.
  public static func sourceText(of path: String) -> String? {
    if path.hasPrefix(builtinPrefix) {
      let name = path.dropFirst(builtinPrefix.count).dropLast(".yaml".count)
      return BuiltinPipelines.sources[String(name)]
    }
    return (try? String(contentsOfFile: path, encoding: .utf8))
  }

  /// The findings in one pipeline file, read on its own.
  func check(path: String, bytes: [UInt8]) -> [Diagnostic] {
    let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    if case .invalid(_, let diagnostics) = load(name: name, path: path, bytes: bytes) {
      return diagnostics
    }
    return []
  }

  private func load(name: String, path: String, bytes: [UInt8]?) -> Lookup {
    guard let bytes else {
      let diagnostic = Diagnostic(
        path: path, mark: .start, category: "io", message: "cannot read the pipeline file")
      return .invalid(path: path, diagnostics: [diagnostic])
    }
    let root: Node
    do {
      guard let node = try YAMLReader.parse(bytes) else {
        let empty = Diagnostic(
          path: path, mark: .start, category: "empty", message: "the pipeline file is empty")
        return .invalid(path: path, diagnostics: [empty])
      }
      root = node
    } catch let error as YAMLError {
      return .invalid(path: path, diagnostics: [Diagnostic(path: path, yamlError: error)])
    } catch {
      let failure = Diagnostic(path: path, mark: .start, category: "io", message: "\(error)")
      return .invalid(path: path, diagnostics: [failure])
    }

    var checker = ShapeChecker(schema: RecipeSchema.pipeline, path: path)
    checker.check(root)
    var decoder = RecipeDecoder(path: path)
    let step = decoder.step(root)
    let diagnostics = checker.diagnostics + decoder.diagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      return .invalid(path: path, diagnostics: diagnostics)
    }
    return .found(PipelineDefinition(name: name, path: path, step: step))
  }

  /// Names are relative paths inside a pipeline folder: no leading `/`, no `..`, no empty part.
  static func problem(with name: String) -> String? {
    if name.isEmpty { return "the pipeline name is empty" }
    if name.hasPrefix("/") {
      return "'\(name)' is an absolute path; name a pipeline, as in 'autoconf/make'"
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    if parts.contains("..") { return "'\(name)' climbs out of the pipeline folders with '..'" }
    if parts.contains(where: { $0.isEmpty || $0 == "." }) {
      return "'\(name)' has an empty or '.' path part"
    }
    return nil
  }

  public static func read(_ path: String) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](data)
  }
}
