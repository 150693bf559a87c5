import MiniSolveUniverse
import MiniSolveYAML

/// One package of a locked closure, with the edge that pulled it in.
public struct LockedMember: Sendable, Equatable {
  public var name: String
  public var version: String
  public var architecture: String
  /// `recipe` or `repository`.
  public var originKind: String
  /// Where the package was read: `recipes/zlib.yaml:3:9`, or an index file and line.
  public var origin: String
  /// The artifact's checksum and path as the index gives them (`sha256:…`, apk's `Q1…`).
  public var checksum: String?
  public var location: String?
  public var license: String?
  /// The member whose dependency pulled this one in; nil for a root.
  public var parent: String?
  /// The root request or the dependency as written (`so:libz.so.1`, `libc6 (>= 2.36)`).
  public var requirement: String
  /// Where that root or dependency was declared: `images/nginx.yaml:4:7`.
  public var declaredAt: String?

  public init(
    name: String, version: String, architecture: String, originKind: String, origin: String,
    requirement: String
  ) {
    self.name = name
    self.version = version
    self.architecture = architecture
    self.originKind = originKind
    self.origin = origin
    self.requirement = requirement
  }
}

/// The members of one closure, sorted by name, and the roots asked for.
public struct LockedClosure: Sendable, Equatable {
  public var roots: [String]
  public var members: [LockedMember]

  public init(roots: [String], members: [LockedMember]) {
    self.roots = roots
    self.members = members
  }
}

/// One image: its file, the settings an assembler needs, and per architecture its variants.
public struct LockedImage: Sendable, Equatable {
  public var name: String
  public var file: String
  public var settings: JSONValue
  /// Architecture, then variant (`prod`, `dev`).
  public var closures: [String: [String: LockedClosure]]
}

/// One recipe and its build closure per architecture.
public struct LockedRecipe: Sendable, Equatable {
  public var name: String
  public var file: String
  public var build: [String: LockedClosure]
}

/// The locked manifest: versioned JSON, sorted keys, two-space indent, a trailing newline,
/// the same bytes for the same inputs. `digest` is the SHA-256 of the document without it, so
/// that a hand edit is caught.
public struct Lock: Sendable, Equatable {
  public static let formatVersion = 1
  public static let variants = ["prod", "dev"]

  public var inputs: LockInputs
  public var architectures: [String]
  public var images: [String: LockedImage]
  public var recipes: [String: LockedRecipe]

  public init(
    inputs: LockInputs, architectures: [String], images: [String: LockedImage],
    recipes: [String: LockedRecipe]
  ) {
    self.inputs = inputs
    self.architectures = architectures
    self.images = images
    self.recipes = recipes
  }

  /// The document's text.
  public func rendered() -> String {
    var body = bodyJSON()
    let digest = SHA256.hash(Array(body.rendered().utf8)).hex
    if case .object(var members) = body {
      members["digest"] = .string(digest)
      body = .object(members)
    }
    return body.rendered()
  }

  private func bodyJSON() -> JSONValue {
    var files: [String: JSONValue] = [:]
    for (path, digest) in inputs.files { files[path] = .string(digest) }
    return .object([
      "lock_version": .int(Self.formatVersion),
      "inputs": .object([
        "files": .object(files), "builtin_pipelines": .string(inputs.builtinPipelines),
        "total": .string(inputs.total),
      ]),
      "architectures": .array(architectures.map { .string($0) }),
      "images": .object(
        images.mapValues { image in
          .object([
            "file": .string(image.file), "settings": image.settings,
            "architectures": .object(
              image.closures.mapValues { variants in .object(variants.mapValues(Self.json)) }),
          ])
        }),
      "recipes": .object(
        recipes.mapValues { recipe in
          .object([
            "file": .string(recipe.file),
            "build": .object(recipe.build.mapValues(Self.json)),
          ])
        }),
    ])
  }

  private static func json(_ closure: LockedClosure) -> JSONValue {
    .object([
      "roots": .array(closure.roots.map { .string($0) }),
      "members": .array(
        closure.members.map { member in
          var fields: [String: JSONValue] = [
            "name": .string(member.name), "version": .string(member.version),
            "architecture": .string(member.architecture),
            "origin": .object(["kind": .string(member.originKind), "at": .string(member.origin)]),
            "pulled_by": .object([
              "parent": member.parent.map { .string($0) } ?? .null,
              "requirement": .string(member.requirement),
              "declared_at": member.declaredAt.map { .string($0) } ?? .null,
            ]),
          ]
          if let checksum = member.checksum { fields["checksum"] = .string(checksum) }
          if let location = member.location { fields["location"] = .string(location) }
          if let license = member.license { fields["license"] = .string(license) }
          return .object(fields)
        }),
    ])
  }
}

/// Why a lock file cannot be used.
public struct LockReadError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, starting with the lock's path (and line:column where there is one).
  public var problem: String
  /// The problem and what to do about it.
  public var message: String { problem + "; run minisolve lock" }
  public var description: String { message }

  public init(problem: String) {
    self.problem = problem
  }
}

extension Lock {
  /// Reads a lock, refusing malformed JSON (with line:column), another format version, a
  /// missing or mistyped field (with its JSON path) and a digest that does not match.
  public init(text: String, path: String) throws {
    let document: JSONValue
    do {
      document = try JSONParser.parse(text)
    } catch let failure as JSONParser.Failure {
      throw LockReadError(
        problem: "\(path):\(failure.line):\(failure.column): malformed lock: \(failure.message)")
    }
    var reader = LockReader(path: path)
    let version = try reader.int(document["lock_version"], "lock_version")
    guard version == Self.formatVersion else {
      throw LockReadError(problem: "\(path): lock_version \(version) is not \(Self.formatVersion)")
    }
    let digest = try reader.string(document["digest"], "digest")
    let inputsNode = document["inputs"]
    var files: [String: String] = [:]
    for (key, value) in try reader.object(inputsNode?["files"], "inputs.files") {
      files[key] = try reader.string(value, "inputs.files.\(key)")
    }
    inputs = LockInputs(
      files: files,
      builtinPipelines: try reader.string(
        inputsNode?["builtin_pipelines"], "inputs.builtin_pipelines"))
    let total = try reader.string(inputsNode?["total"], "inputs.total")
    architectures = try reader.array(document["architectures"], "architectures").enumerated()
      .map { try reader.string($0.element, "architectures[\($0.offset)]") }
    images = [:]
    for (name, node) in try reader.object(document["images"], "images") {
      var closures: [String: [String: LockedClosure]] = [:]
      let where_ = "images.\(name)"
      for (arch, variants) in try reader.object(node["architectures"], "\(where_).architectures") {
        var byVariant: [String: LockedClosure] = [:]
        for (variant, closure) in try reader.object(variants, "\(where_).architectures.\(arch)") {
          byVariant[variant] = try reader.closure(
            closure, "\(where_).architectures.\(arch).\(variant)")
        }
        closures[arch] = byVariant
      }
      images[name] = LockedImage(
        name: name, file: try reader.string(node["file"], "\(where_).file"),
        settings: node["settings"] ?? .object([:]), closures: closures)
    }
    recipes = [:]
    for (name, node) in try reader.object(document["recipes"], "recipes") {
      var build: [String: LockedClosure] = [:]
      for (arch, closure) in try reader.object(node["build"], "recipes.\(name).build") {
        build[arch] = try reader.closure(closure, "recipes.\(name).build.\(arch)")
      }
      recipes[name] = LockedRecipe(
        name: name, file: try reader.string(node["file"], "recipes.\(name).file"), build: build)
    }
    guard total == inputs.total else {
      throw LockReadError(
        problem: "\(path): inputs.total does not match the input checksums: the lock was edited "
          + "by hand")
    }
    // The digest covers the text itself, so a change of layout counts as an edit too.
    guard digest.utf8.count == 64, Array(text.utf8).withUnsafeBytes(LockText.digestMatches) else {
      throw LockReadError(
        problem: "\(path): the lock's content does not match its digest: it was edited by hand")
    }
  }
}

/// Typed reads from a lock document, each failure naming the JSON path.
private struct LockReader {
  let path: String

  func fail(_ where_: String, _ what: String) -> LockReadError {
    LockReadError(problem: "\(path): '\(where_)' \(what)")
  }

  func string(_ value: JSONValue?, _ where_: String) throws -> String {
    guard let text = value?.stringValue else { throw fail(where_, "must be a string") }
    return text
  }

  func optionalString(_ value: JSONValue?, _ where_: String) throws -> String? {
    if value == nil || value == .null { return nil }
    return try string(value, where_)
  }

  func int(_ value: JSONValue?, _ where_: String) throws -> Int {
    guard let number = value?.intValue else { throw fail(where_, "must be an integer") }
    return number
  }

  func array(_ value: JSONValue?, _ where_: String) throws -> [JSONValue] {
    guard let items = value?.arrayValue else { throw fail(where_, "must be a list") }
    return items
  }

  func object(_ value: JSONValue?, _ where_: String) throws -> [(String, JSONValue)] {
    guard let members = value?.objectValue else { throw fail(where_, "must be an object") }
    return members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
      ($0.key, $0.value)
    }
  }

  func closure(_ value: JSONValue, _ where_: String) throws -> LockedClosure {
    let roots = try array(value["roots"], "\(where_).roots").enumerated().map {
      try string($0.element, "\(where_).roots[\($0.offset)]")
    }
    var members: [LockedMember] = []
    for (index, item) in try array(value["members"], "\(where_).members").enumerated() {
      let at = "\(where_).members[\(index)]"
      var member = LockedMember(
        name: try string(item["name"], "\(at).name"),
        version: try string(item["version"], "\(at).version"),
        architecture: try string(item["architecture"], "\(at).architecture"),
        originKind: try string(item["origin"]?["kind"], "\(at).origin.kind"),
        origin: try string(item["origin"]?["at"], "\(at).origin.at"),
        requirement: try string(item["pulled_by"]?["requirement"], "\(at).pulled_by.requirement"))
      member.parent = try optionalString(item["pulled_by"]?["parent"], "\(at).pulled_by.parent")
      member.declaredAt = try optionalString(
        item["pulled_by"]?["declared_at"], "\(at).pulled_by.declared_at")
      member.checksum = try optionalString(item["checksum"], "\(at).checksum")
      member.location = try optionalString(item["location"], "\(at).location")
      member.license = try optionalString(item["license"], "\(at).license")
      members.append(member)
    }
    return LockedClosure(roots: roots, members: members)
  }
}
