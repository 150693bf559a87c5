import MiniSolveIndex
import MiniSolveRecipe
import MiniSolveSolver
import MiniSolveUniverse

/// The closure of an image's root names in another repository: how many packages the same
/// roots pull in there (a Debian `Packages` index, say, against an apk image).
public struct RepositoryClosure: Sendable, Equatable {
  /// The size of the closure of the roots the repository has; nil when those cannot be
  /// installed together.
  public var members: Int?
  /// Root names no package of the repository has or provides.
  public var absent: [String]
}

/// Solves root names over one repository index, its universe loaded once per architecture
/// through the index cache (the project's recipes are left out).
public struct RepositoryComparison {
  public var repository: String
  /// The index database, or nil to read the repository afresh.
  public var indexPath: String?
  public var toolVersion: String
  /// Problems with the index and stanzas of the repository that were skipped, to print.
  public private(set) var warnings: [String] = []
  private var universes: [String: PackageSet] = [:]

  public init(repository: String, indexPath: String?, toolVersion: String) {
    self.repository = repository
    self.indexPath = indexPath
    self.toolVersion = toolVersion
  }

  // TODO(compat): roots are matched by name only: an apk name that Debian spells otherwise
  // (`so:libc.so.6`, `openssl-dev` for `libssl-dev`) is reported absent, not translated.
  /// The closure of the names of `roots` (versions dropped: they belong to another
  /// distribution) on `architecture` (apk, Go or Debian name; `x86_64` solves over `amd64`).
  /// Nil when the repository has no package built for the architecture (an amd64 index
  /// compared with an aarch64 image): nothing to compare.
  public mutating func closure(of roots: [String], architecture name: String) throws
    -> RepositoryClosure?
  {
    guard let architecture = Architecture.named(name) else {
      throw ProjectError.message("unknown architecture '\(name)'")
    }
    let universe = try self.universe(architecture)
    let native = Set(
      [architecture.name, architecture.debianName].compactMap {
        universe.strings.id(of: $0)
      })
    guard universe.packages.contains(where: { native.contains($0.architecture) }) else {
      return nil
    }
    let scheme = universe.packages.first?.scheme ?? .debian
    var names: [String] = []
    for root in roots {
      let name = Self.name(of: root)
      if !names.contains(name) { names.append(name) }
    }
    var absent: [String] = []
    let architectures = [architecture.name, architecture.debianName]
    while true {
      let constraints = names.filter { !absent.contains($0) }.map { Constraint(name: $0) }
      guard !constraints.isEmpty else { return RepositoryClosure(members: 0, absent: absent) }
      let encoding = PackageEncoding(
        universe, architectures: architectures, reachableFrom: constraints, scheme: scheme)
      switch ClosureFinder.closure(of: constraints, scheme: scheme, in: encoding) {
      case .success(let closure):
        return RepositoryClosure(members: closure.members.count, absent: absent)
      case .failure(.noCandidates(let missing)):
        absent += missing
      case .failure(.unsatisfiable):
        return RepositoryClosure(members: nil, absent: absent)
      }
    }
  }

  /// A root's package name: `openssl>=3.2` and `libssl3 (>= 3.0)` name `openssl`, `libssl3`.
  static func name(of root: String) -> String {
    for scheme in [VersionScheme.apk, .debian] {
      if let constraint = try? Constraint.root(root, scheme: scheme) { return constraint.name }
    }
    return root
  }

  private mutating func universe(_ architecture: Architecture) throws -> PackageSet {
    if let known = universes[architecture.name] { return known }
    var request = UniverseRequest(architecture: architecture)
    request.repositories = [repository]
    request.includesRecipes = false
    request.indexPath = indexPath
    request.toolVersion = toolVersion
    let load = try UniverseLoader.load(request)
    warnings += load.warnings
    // Stanzas that break the index's format were skipped; name a few.
    warnings += load.diagnostics.prefix(20).map {
      "\($0.path):\($0.mark.line): \($0.message); skipped"
    }
    if load.diagnostics.count > 20 {
      warnings.append("\(repository): \(load.diagnostics.count - 20) more stanzas skipped")
    }
    universes[architecture.name] = load.universe
    return load.universe
  }
}
