import MiniSolveYAML

/// A recipe fully expanded for one architecture and set of build options: every variable
/// replaced, every range and `if:` resolved, every `uses:` inlined.
public struct CompiledRecipe: Sendable {
  public var path: String
  public var name: String
  public var version: String
  public var epoch: Int
  public var description: String
  public var url: String?
  public var licenses: [String]
  public var architecture: String
  public var buildOptions: [String]
  public var targetArchitectures: [String]
  /// What must be installed to build: the environment's packages plus every `needs.packages`
  /// of the pipelines the build uses, in order of first mention.
  public var environment: CompiledEnvironment
  public var pipeline: [CompiledStep]
  /// The main package first, then each subpackage in order.
  public var packages: [CompiledPackage]
  public var test: CompiledTest?
  public var vars: [String: String]

  public var fullVersion: String { "\(version)-r\(epoch)" }
}

/// One binary package the recipe yields, with its relations resolved.
public struct CompiledPackage: Sendable {
  public var name: Located<String>
  public var description: String
  public var isSubpackage: Bool
  /// For a subpackage made by `range:`, the data item's key.
  public var rangeKey: String?
  public var runtime: [Located<String>]
  public var provides: [Located<String>]
  public var replaces: [Located<String>]
  public var providerPriority: Int?
  public var replacesPriority: Int?
  public var pipeline: [CompiledStep]
  public var test: CompiledTest?
}

/// A build or test environment after options and pipeline needs are applied.
public struct CompiledEnvironment: Sendable {
  public var packages: [Located<String>] = []
  public var repositories: [String] = []
  public var keyring: [String] = []
  public var variables: [String: String] = [:]

  /// Adds a package unless the same constraint is already there.
  mutating func add(_ package: Located<String>) {
    if !packages.contains(where: { $0.value == package.value }) { packages.append(package) }
  }
}

/// A step after expansion; a `uses:` step holds the named pipeline's steps inline.
public struct CompiledStep: Sendable {
  public var name: String?
  public var uses: String?
  /// The inputs the named pipeline ran with, defaults included.
  public var inputs: [String: String] = [:]
  public var runs: String?
  public var condition: String?
  public var workingDirectory: String?
  public var environment: [String: String] = [:]
  public var steps: [CompiledStep] = []
}

/// A test section after expansion.
public struct CompiledTest: Sendable {
  public var environment: CompiledEnvironment
  public var pipeline: [CompiledStep]
}
