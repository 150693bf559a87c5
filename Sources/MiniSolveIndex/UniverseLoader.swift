import Foundation
import MiniSolveRecipe
import MiniSolveUniverse
import MiniSolveYAML

/// Where a universe comes from: a project's recipes and any repository indexes.
public struct UniverseRequest: Sendable {
  public var projectDirectory = "."
  public var repositories: [String] = []
  public var architecture: Architecture
  public var pipelineDirectories: [String] = []
  /// The index database; nil to read everything afresh and cache nothing.
  public var indexPath: String?
  /// Mixed into cache keys, so that another minisolve version does not trust this one's work.
  public var toolVersion = ""
  /// Largest index file read, compressed.
  public var fileLimit = 512 << 20
  /// Whether the project's recipes join the universe; false for the repositories alone.
  public var includesRecipes = true

  public init(architecture: Architecture) {
    self.architecture = architecture
  }

  /// The recipe folder when the project file names one.
  public var recipeFolder: String?
  /// Files and folders under the recipe folder that are not recipes (a project's image files
  /// and `minisolve.yaml`, when the recipes sit in the project folder itself).
  public var notRecipes: [String] = []

  /// `recipeFolder` when set, else `recipes/` in the project when it exists, else the project
  /// folder itself.
  public var recipeDirectory: String {
    if let recipeFolder { return recipeFolder }
    let folder = (projectDirectory as NSString).appendingPathComponent("recipes")
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
    return exists && isFolder.boolValue ? folder : projectDirectory
  }
}

/// The universe and what loading it took.
public struct UniverseLoad: Sendable {
  public var universe: PackageSet
  /// Files parsed in this run, and files whose packages came from the index.
  public var read: [String] = []
  public var reused: [String] = []
  /// Files the index held that are gone from the inputs.
  public var dropped: [String] = []
  public var diagnostics: [Diagnostic] = []
  /// Problems with the index itself; loading went on without it or with a rebuilt one.
  public var warnings: [String] = []
  /// Whether an index was asked for but could not be used (loading went on without it).
  public var indexFailed = false
}

/// Builds the universe from recipes and repository indexes, through the index cache.
public struct UniverseLoader {
  let request: UniverseRequest
  private var store: IndexStore?
  private var load = UniverseLoad(universe: PackageSet())

  /// Loads the universe of `request`.
  public static func load(_ request: UniverseRequest) throws -> UniverseLoad {
    var loader = UniverseLoader(request: request)
    return try loader.run()
  }

  private init(request: UniverseRequest) {
    self.request = request
  }

  private mutating func run() throws -> UniverseLoad {
    if let indexPath = request.indexPath {
      do {
        let opened = try IndexStore(path: indexPath)
        load.warnings += opened.warnings
        store = opened
      } catch {
        load.warnings.append("\(indexPath): \(error); going on without the index")
        load.indexFailed = true
      }
    }

    var sets: [PackageSet] = []
    try loadRepositories(into: &sets)
    if request.includesRecipes { loadRecipes(into: &sets) }
    if sets.count == 1 {
      // A lone cached set already has its indexes: no copy needed.
      load.universe = sets[0]
    } else {
      var builder = PackageSetBuilder()
      for set in sets { builder.add(contentsOf: set) }
      load.universe = builder.finish()
    }
    return load
  }

  /// The repositories named, each once (`a` and `./a` are one file).
  private var repositories: [String] {
    var seen = Set<String>()
    let named = AptLists.expand(
      request.repositories, architecture: request.architecture.debianName)
    return named.filter { path in
      seen.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted
    }
  }

  private mutating func loadRepositories(into sets: inout [PackageSet]) throws {
    for path in repositories {
      let set = try cached(path: path, context: "repository") { bytes in
        // Errors of the whole file (truncated, not an index) name the file.
        let index: RepositoryIndex
        do {
          index = try RepositoryIndex.read(bytes, path: path)
        } catch let error as InputError where !error.message.contains(path) {
          throw InputError("\(path): \(error.message)")
        }
        return (index.format.rawValue, index.packages, index.diagnostics)
      }
      sets.append(set)
    }
  }

  private mutating func loadRecipes(into sets: inout [PackageSet]) {
    let folder = request.recipeDirectory
    var recipes: [String] = []
    let notRecipes = request.notRecipes
    let skipped = { (path: String) in
      notRecipes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
    for file in Linter.files(in: [folder]).files where file.kind == .recipe && !skipped(file.path) {
      // A FIFO or device named *.yaml would block the read; only regular files are recipes.
      if (try? FileStatus(path: file.path).isRegular) == false {
        load.diagnostics.append(
          Diagnostic(
            path: file.path, mark: .start, severity: .warning, category: "not-a-file",
            message: "not a regular file; skipped"))
        continue
      }
      recipes.append(file.path)
    }
    let context = recipeContext(folder: folder)
    let library = PipelineLibrary(directories: request.pipelineDirectories)
    let options = CompileOptions(architecture: request.architecture)
    for path in recipes {
      let set: PackageSet
      do {
        set = try cached(path: path, context: context) { bytes in
          var recipeBuilder = PackageSetBuilder()
          let (recipe, decodeFindings) = RecipeDecoder.decode(bytes, path: path)
          var findings = decodeFindings
          if let recipe {
            let (compiled, compileFindings) = Compiler.compile(
              recipe, source: bytes, options: options, library: library)
            findings += compileFindings
            if let compiled {
              // A recipe with a constraint that does not parse is left out whole, as one
              // that does not compile is.
              let problems = RecipePackages.add(compiled, to: &recipeBuilder)
              findings += problems
              if !problems.isEmpty { recipeBuilder = PackageSetBuilder() }
            }
          }
          return ("recipe", recipeBuilder.finish(), findings.filter { $0.severity == .error })
        }
      } catch {
        load.diagnostics.append(
          Diagnostic(path: path, mark: .start, category: "unreadable", message: "\(error)"))
        continue
      }
      if !set.packages.isEmpty { sets.append(set) }
    }
    forgetStale(recipeContext: context)
  }

  /// The packages of one file: from the index when its content is unchanged, else parsed by
  /// `parse` (and stored). Problems with the index are warnings; the file is then parsed.
  private mutating func cached(
    path: String, context: String,
    parse: ([UInt8]) throws -> (format: String, set: PackageSet, diagnostics: [Diagnostic])
  ) throws -> PackageSet {
    let status = try FileStatus(path: path)
    var known: IndexStore.Entry?
    do {
      known = try store?.entry(path: path, context: context)
    } catch {
      indexProblem(error)
    }

    // Unchanged size and mtime mean unchanged content, as git's index assumes.
    var bytes: [UInt8]?
    var digest: String
    if let known, known.size == status.size, known.mtimeNanoseconds == status.mtimeNanoseconds {
      digest = known.sha256
    } else {
      let read = try FileBytes.read(path, limit: request.fileLimit)
      bytes = read
      digest = SHA256.hash(read).hex
    }
    do {
      if let hit = try store?.packages(path: path, context: context, sha256: digest) {
        load.reused.append(path)
        load.diagnostics += hit.diagnostics
        return hit.set
      }
    } catch is IndexStore.DamagedEntry {
      load.warnings.append("the cached packages of \(path) were damaged; reading it again")
    } catch {
      indexProblem(error)
    }

    let contents = try bytes ?? FileBytes.read(path, limit: request.fileLimit)
    if bytes == nil { digest = SHA256.hash(contents).hex }
    let parsed = try parse(contents)
    load.read.append(path)
    load.diagnostics += parsed.diagnostics
    let entry = IndexStore.Entry(
      size: status.size, mtimeNanoseconds: status.mtimeNanoseconds, sha256: digest)
    do {
      try store?.store(
        path: path, context: context, format: parsed.format, entry: entry, set: parsed.set,
        diagnostics: parsed.diagnostics)
    } catch {
      indexProblem(error)
    }
    return parsed.set
  }

  /// Drops cached entries that no run would use again: files that are gone, and recipes of
  /// this architecture read with other pipelines. A repository not named in this run stays
  /// cached for runs that name it, so that two projects sharing an index do not evict each other.
  private mutating func forgetStale(recipeContext: String) {
    guard let store else { return }
    let architecture = recipeContext.split(separator: ":").prefix(2).joined(separator: ":") + ":"
    do {
      let stale = try store.entries().filter { entry in
        if entry.context.hasPrefix(architecture) && entry.context != recipeContext { return true }
        return !FileManager.default.fileExists(atPath: entry.path)
      }
      try store.remove(stale)
      var seen = Set<String>()
      load.dropped += stale.map(\.path).filter { seen.insert($0).inserted }
    } catch {
      indexProblem(error)
    }
  }

  /// Notes a failure of the index: a damaged one is rebuilt, else it is not used any more.
  private mutating func indexProblem(_ error: any Error) {
    guard let store else { return }
    if let failure = error as? SQLiteError, failure.isCorruption,
      (try? store.rebuildAfterDamage()) != nil
    {
      load.warnings.append(store.warnings.last ?? "")
      return
    }
    load.warnings.append("\(store.path): \(error); going on without the index")
    load.indexFailed = true
    self.store = nil
  }

  /// What compiled recipes depend on besides their own text: the architecture, every pipeline
  /// a recipe may use, and the minisolve version (which fixes the built-in pipelines).
  private func recipeContext(folder: String) -> String {
    var hasher = SHA256.Hasher()
    let versions =
      "\(request.toolVersion) \(RecipePackages.formatVersion) \(PackageSet.serializationFormat)"
    hasher.update(Array("\(versions)\n\(request.architecture.name)\n".utf8))
    var folders = [(folder as NSString).appendingPathComponent("pipelines")]
    if (folder as NSString).lastPathComponent == "recipes" {
      let project = (folder as NSString).deletingLastPathComponent
      folders.append((project as NSString).appendingPathComponent("pipelines"))
    }
    folders += request.pipelineDirectories
    let existing = folders.filter { FileManager.default.fileExists(atPath: $0) }
    for file in Linter.files(in: existing).files {
      hasher.update(Array("\(file.path)\n".utf8))
      hasher.update((try? FileBytes.read(file.path, limit: 8 << 20)) ?? [])
    }
    return "recipe:\(request.architecture.name):\(hasher.finalize().hex.prefix(16))"
  }
}
