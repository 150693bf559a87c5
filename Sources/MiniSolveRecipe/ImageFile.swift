import MiniSolveYAML

/// One image file: the root packages of its production variant, what its dev variant adds,
/// and the settings an assembler needs, kept as JSON in the schema's types.
public struct ImageFile: Sendable {
  /// The file's name without `.yaml`.
  public var name: String
  public var path: String
  public var packages: [Located<String>]
  /// Extra roots of the dev variant; nil when the file does not say (the project's default).
  public var devPackages: [Located<String>]?
  public var architectures: [Located<String>]
  /// Every key but `contents.packages` and `dev`: accounts, entrypoint, cmd, work-dir,
  /// environment, paths, annotations, repositories and the rest, with integers and booleans
  /// typed as the schema says.
  public var settings: JSONValue
}

/// `minisolve.yaml`: where a project's inputs are. Every field is optional.
public struct ProjectFile: Sendable {
  public var recipes: String?
  public var pipelines: [String]?
  public var images: String?
  public var repositories: [String]?
  public var architectures: [Located<String>]?
  public var lock: String?
  public var devPackages: [Located<String>]?

  public init() {}
}

/// Decodes image and project files with the diagnostics recipes get.
public enum ProjectFileDecoder {
  /// An image file, or nil with the errors that stopped it.
  public static func image(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default)
    -> (image: ImageFile?, diagnostics: [Diagnostic])
  {
    let (root, diagnostics) = checked(bytes, path: path, schema: ImageSchema.image, limits: limits)
    guard let root, !diagnostics.contains(where: { $0.severity == .error }) else {
      return (nil, diagnostics)
    }
    let read = NodeReading(path: path)
    var settings = ShapeJSON.value(root, shape: .object("Image"), schema: ImageSchema.image)
    if case .object(var members) = settings {
      members["dev"] = nil
      if case .object(var contents)? = members["contents"] {
        contents["packages"] = nil
        members["contents"] = .object(contents)
      }
      settings = .object(members)
    }
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let name = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
    let image = ImageFile(
      name: name, path: path, packages: read.strings(root["contents"]?["packages"]),
      devPackages: root["dev"]?["packages"].map { read.strings($0) },
      architectures: read.strings(root["archs"]), settings: settings)
    var found = diagnostics
    if image.packages.isEmpty {
      found.append(
        Diagnostic(
          path: path, mark: root["contents"]?.mark ?? root.mark, category: "missing-key",
          message: "the image names no package in 'contents.packages'"))
      return (nil, found)
    }
    return (image, found)
  }

  /// A project file, or nil with the errors that stopped it.
  public static func project(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default)
    -> (project: ProjectFile?, diagnostics: [Diagnostic])
  {
    let (root, diagnostics) = checked(
      bytes, path: path, schema: ImageSchema.project, limits: limits, emptyIsFine: true)
    guard !diagnostics.contains(where: { $0.severity == .error }) else {
      return (nil, diagnostics)
    }
    var project = ProjectFile()
    guard let root else { return (project, diagnostics) }
    let read = NodeReading(path: path)
    project.recipes = read.string(root["recipes"])?.value
    project.pipelines = root["pipelines"].map { read.strings($0).map(\.value) }
    project.images = read.string(root["images"])?.value
    project.repositories = root["repositories"].map { read.strings($0).map(\.value) }
    project.architectures = root["archs"].map { read.strings($0) }
    project.lock = read.string(root["lock"])?.value
    project.devPackages = root["dev"]?["packages"].map { read.strings($0) }
    return (project, diagnostics)
  }

  /// Parses and checks a file against a schema; nil root for an empty file.
  private static func checked(
    _ bytes: [UInt8], path: String, schema: SchemaDefinition, limits: YAMLLimits,
    emptyIsFine: Bool = false
  ) -> (Node?, [Diagnostic]) {
    let root: Node
    do {
      guard let node = try YAMLReader.parse(bytes, limits: limits) else {
        if emptyIsFine { return (nil, []) }
        return (
          nil,
          [Diagnostic(path: path, mark: .start, category: "empty", message: "the file is empty")]
        )
      }
      root = node
    } catch let error as YAMLError {
      return (nil, [Diagnostic(path: path, yamlError: error)])
    } catch {
      return (nil, [Diagnostic(path: path, mark: .start, category: "io", message: "\(error)")])
    }
    var checker = ShapeChecker(schema: schema, path: path)
    checker.check(root)
    return (root, checker.diagnostics)
  }
}

/// Converts a checked node to JSON in the types its shape gives: integers and booleans typed,
/// everything else as its source text.
enum ShapeJSON {
  static func value(_ node: Node, shape: Shape, schema: SchemaDefinition) -> JSONValue {
    if node.isNull { return .null }
    switch shape {
    case .string, .integerText:
      return .string(node.scalar?.text ?? "")
    case .integer:
      return node.scalar.flatMap { IntegerText.value($0.text) }.map { .int($0) } ?? .null
    case .boolean:
      return node.scalar.flatMap { BooleanText.value($0.text) }.map { .bool($0) } ?? .null
    case .list(let item):
      return .array((node.sequence ?? []).map { value($0, shape: item, schema: schema) })
    case .map(let item):
      var members: [String: JSONValue] = [:]
      for pair in node.mapping ?? [] {
        guard let key = pair.key.scalar?.text else { continue }
        members[key] = value(pair.value, shape: item, schema: schema)
      }
      return .object(members)
    case .object(let name):
      guard let object = schema.objects[name] else { return .null }
      var members: [String: JSONValue] = [:]
      for pair in node.mapping ?? [] {
        guard let key = pair.key.scalar?.text, let field = object.field(key) else { continue }
        let converted = value(pair.value, shape: field.shape, schema: schema)
        if converted != .null { members[key] = converted }
      }
      return .object(members)
    }
  }
}
