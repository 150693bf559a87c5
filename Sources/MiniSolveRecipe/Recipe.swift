import MiniSolveYAML

/// A recipe as written, typed but not yet expanded: variables, ranges and `uses:` are still
/// unresolved. `Compiler` turns it into a `CompiledRecipe`.
public struct Recipe: Sendable {
  public var path: String
  public var package: PackageDeclaration
  public var environment: EnvironmentDeclaration
  public var pipeline: [Step]
  public var subpackages: [SubpackageDeclaration]
  public var data: [DataSet]
  public var vars: [(name: String, value: Located<String>)]
  public var varTransforms: [VarTransform]
  public var options: [BuildOption]
  public var test: TestDeclaration?
}

/// The `package:` section.
public struct PackageDeclaration: Sendable {
  public var name: Located<String>
  public var version: Located<String>
  public var epoch: Int
  public var description: Located<String>?
  public var url: String?
  public var licenses: [String]
  public var dependencies: Dependencies
  public var targetArchitectures: [String]
}

/// Runtime relations of one binary package, before substitution.
public struct Dependencies: Sendable {
  public var runtime: [Located<String>] = []
  public var provides: [Located<String>] = []
  public var replaces: [Located<String>] = []
  public var providerPriority: Located<String>?
  public var replacesPriority: Located<String>?

  public init() {}
}

/// An `environment:` section (of the build or of a test).
public struct EnvironmentDeclaration: Sendable {
  public var packages: [Located<String>] = []
  public var repositories: [String] = []
  public var keyring: [String] = []
  public var variables: [(name: String, value: Located<String>)] = []

  public init() {}
}

/// One subpackage entry, possibly a template expanded once per item of a `data` set.
public struct SubpackageDeclaration: Sendable {
  public var name: Located<String>
  public var range: Located<String>?
  public var condition: Located<String>?
  public var description: Located<String>?
  public var dependencies: Dependencies
  public var pipeline: [Step]
  public var test: TestDeclaration?
}

/// A `data:` entry: items that `range:` iterates over, in key order.
public struct DataSet: Sendable {
  public var name: Located<String>
  public var items: [(key: String, value: Located<String>)]
}

/// A `var-transforms:` entry: `to` becomes `from` with every `match` replaced.
public struct VarTransform: Sendable {
  public var from: Located<String>
  public var match: Located<String>
  public var replace: Located<String>
  public var to: Located<String>
}

/// An `options:` entry, enabled by `--build-option NAME`.
public struct BuildOption: Sendable {
  public var name: Located<String>
  public var vars: [(name: String, value: Located<String>)]
  public var addedPackages: [Located<String>]
  public var removedPackages: [Located<String>]
}

/// A `test:` section.
public struct TestDeclaration: Sendable {
  public var environment: EnvironmentDeclaration
  public var pipeline: [Step]
}
