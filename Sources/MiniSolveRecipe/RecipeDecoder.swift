import MiniSolveYAML

/// Reads a recipe file into a `Recipe`, reporting everything wrong with it, not just the first.
public struct RecipeDecoder {
  public let path: String
  private let read: NodeReading
  private(set) var diagnostics: [Diagnostic] = []

  public init(path: String) {
    self.path = path
    self.read = NodeReading(path: path)
  }

  /// The recipe, or nil when it has errors; the diagnostics hold warnings either way.
  public static func decode(
    _ bytes: [UInt8], path: String, limits: YAMLLimits = .default
  ) -> (recipe: Recipe?, diagnostics: [Diagnostic]) {
    let root: Node
    do {
      guard let node = try YAMLReader.parse(bytes, limits: limits) else {
        let empty = Diagnostic(
          path: path, mark: .start, category: "empty", message: "the file holds no recipe")
        return (nil, [empty])
      }
      root = node
    } catch let error as YAMLError {
      return (nil, [Diagnostic(path: path, yamlError: error)])
    } catch {
      let failure = Diagnostic(
        path: path, mark: .start, category: "io", message: "\(error)")
      return (nil, [failure])
    }

    var checker = ShapeChecker(schema: RecipeSchema.recipe, path: path)
    checker.check(root)
    var decoder = RecipeDecoder(path: path)
    decoder.diagnostics = checker.diagnostics
    let recipe = decoder.recipe(root)
    let failed = decoder.diagnostics.contains { $0.severity == .error }
    return (failed ? nil : recipe, decoder.diagnostics)
  }

  mutating func recipe(_ root: Node) -> Recipe {
    let package = root["package"]
    let packageDeclaration = PackageDeclaration(
      name: read.string(package?["name"]) ?? Located("", path: path, mark: root.mark),
      version: read.string(package?["version"]) ?? Located("", path: path, mark: root.mark),
      epoch: read.integer(package?["epoch"]) ?? 0,
      description: read.string(package?["description"]),
      url: read.string(package?["url"])?.value,
      licenses: (package?["copyright"]?.sequence ?? []).compactMap {
        read.string($0["license"])?.value
      },
      dependencies: dependencies(package?["dependencies"]),
      targetArchitectures: read.strings(package?["target-architecture"]).map(\.value))

    return Recipe(
      path: path,
      package: packageDeclaration,
      environment: environment(root["environment"]),
      pipeline: steps(root["pipeline"]),
      subpackages: (root["subpackages"]?.sequence ?? []).map { subpackage($0) },
      data: (root["data"]?.sequence ?? []).compactMap { dataSet($0) },
      vars: read.entries(root["vars"]),
      varTransforms: (root["var-transforms"]?.sequence ?? []).compactMap { varTransform($0) },
      options: (root["options"]?.mapping ?? []).compactMap { buildOption($0) },
      test: test(root["test"]))
  }

  mutating func dependencies(_ node: Node?) -> Dependencies {
    var result = Dependencies()
    result.runtime = read.strings(node?["runtime"])
    result.provides = read.strings(node?["provides"])
    result.replaces = read.strings(node?["replaces"])
    result.providerPriority = read.string(node?["provider-priority"])
    result.replacesPriority = read.string(node?["replaces-priority"])
    for constraint in result.runtime + result.provides + result.replaces
    where Self.writesDoubleEquals(constraint.value) {
      warn(
        constraint.mark, "double-equals",
        "'\(constraint.value)' uses '==', which melange reads as any version; write '='")
    }
    return result
  }

  /// Whether `==` is written in a constraint outside its `${{...}}`: inside one it is an
  /// expression's comparison, and an `=` on each side of one is no `==` once it is replaced
  /// (`foo=${{package.version}}=1`). Text after an unclosed `${{` is not looked at.
  static func writesDoubleEquals(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes in
      let equals = UInt8(ascii: "=")
      var position = 0
      while true {
        let open = Substitution.find(Substitution.opening, in: bytes, from: position)
        let outside = bytes[position..<(open ?? bytes.count)]
        if zip(outside, outside.dropFirst()).contains(where: { $0 == equals && $1 == equals }) {
          return true
        }
        guard let open,
          let close = Substitution.find(Substitution.closing, in: bytes, from: open + 3)
        else { return false }
        position = close + 2
      }
    }
  }

  func environment(_ node: Node?) -> EnvironmentDeclaration {
    var result = EnvironmentDeclaration()
    result.packages = read.strings(node?["contents"]?["packages"])
    result.repositories = read.strings(node?["contents"]?["repositories"]).map(\.value)
    result.keyring = read.strings(node?["contents"]?["keyring"]).map(\.value)
    result.variables = read.entries(node?["environment"])
    return result
  }

  mutating func steps(_ node: Node?) -> [Step] {
    (node?.sequence ?? []).compactMap { $0.mapping == nil ? nil : step($0) }
  }

  mutating func step(_ node: Node) -> Step {
    var step = Step(path: path, mark: node.mark)
    step.name = read.string(node["name"])
    step.uses = read.string(node["uses"])
    step.runs = read.string(node["runs"])
    step.condition = read.string(node["if"])
    step.workingDirectory = read.string(node["working-directory"])
    step.environment = read.entries(node["environment"])
    step.needs = read.strings(node["needs"]?["packages"])
    step.label = read.string(node["label"])?.value
    step.with = (node["with"]?.mapping ?? []).compactMap { pair in
      guard let key = read.key(pair) else { return nil }
      return (key, read.string(pair.value) ?? Located("", path: path, mark: pair.value.mark))
    }
    step.inputs = (node["inputs"]?.mapping ?? []).compactMap { pair in
      guard let key = read.key(pair) else { return nil }
      return PipelineInput(
        name: key, defaultValue: read.string(pair.value["default"]),
        required: read.bool(pair.value["required"]))
    }
    step.pipeline = steps(node["pipeline"])

    if let with = node["with"], step.uses == nil, !with.isNull {
      error(with.mark, "with-without-uses", "'with' gives inputs, but the step has no 'uses'")
    }
    if let uses = step.uses, let runs = step.runs {
      error(
        runs.mark, "uses-and-runs",
        "a step either 'uses' a pipeline or 'runs' a script, not both ('uses' at \(uses.mark))")
    }
    return step
  }

  mutating func subpackage(_ node: Node) -> SubpackageDeclaration {
    SubpackageDeclaration(
      name: read.string(node["name"]) ?? Located("", path: path, mark: node.mark),
      range: read.string(node["range"]),
      condition: read.string(node["if"]),
      description: read.string(node["description"]),
      dependencies: dependencies(node["dependencies"]),
      pipeline: steps(node["pipeline"]),
      test: test(node["test"]))
  }

  func dataSet(_ node: Node) -> DataSet? {
    guard let name = read.string(node["name"]) else { return nil }
    let items = read.entries(node["items"]).sorted {
      $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
    }
    return DataSet(name: name, items: items.map { (key: $0.name, value: $0.value) })
  }

  func varTransform(_ node: Node) -> VarTransform? {
    guard let from = read.string(node["from"]), let match = read.string(node["match"]),
      let replace = read.string(node["replace"]), let to = read.string(node["to"])
    else { return nil }
    return VarTransform(from: from, match: match, replace: replace, to: to)
  }

  func buildOption(_ pair: Pair) -> BuildOption? {
    guard let name = read.key(pair) else { return nil }
    let packages = pair.value["environment"]?["contents"]?["packages"]
    return BuildOption(
      name: name, vars: read.entries(pair.value["vars"]),
      addedPackages: read.strings(packages?["add"]),
      removedPackages: read.strings(packages?["remove"]))
  }

  mutating func test(_ node: Node?) -> TestDeclaration? {
    guard let node, node.mapping != nil else { return nil }
    return TestDeclaration(
      environment: environment(node["environment"]), pipeline: steps(node["pipeline"]))
  }

  private mutating func error(_ mark: Mark, _ category: String, _ message: String) {
    diagnostics.append(Diagnostic(path: path, mark: mark, category: category, message: message))
  }

  private mutating func warn(_ mark: Mark, _ category: String, _ message: String) {
    diagnostics.append(
      Diagnostic(path: path, mark: mark, severity: .warning, category: category, message: message))
  }
}
