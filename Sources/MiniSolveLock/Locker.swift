import Foundation
import MiniSolveIndex
import MiniSolveRecipe
import MiniSolveSolver
import MiniSolveUniverse
import MiniSolveYAML

/// Solves a whole project into a `Lock`: for every image, architecture and variant the runtime
/// closure of its roots, and for every recipe its build closure. Anything that keeps the lock
/// from being complete (a recipe with errors, a root nothing provides, conflicting roots, a
/// build closure that cannot be met) is an error; no partial lock is made.
public struct Locker {
  public var layout: ProjectLayout
  /// The index database, or nil to read everything afresh.
  public var indexPath: String?
  public var toolVersion: String
  /// Warnings met on the way (recipe warnings, index trouble), for the caller to print.
  public private(set) var warnings: [Diagnostic] = []
  public private(set) var notes: [String] = []

  public init(layout: ProjectLayout, indexPath: String?, toolVersion: String) {
    self.layout = layout
    self.indexPath = indexPath
    self.toolVersion = toolVersion
  }

  /// The project's lock.
  public mutating func lock(inputs: LockInputs) throws -> Lock {
    let (images, imageDiagnostics) = try layout.images()
    warnings += imageDiagnostics.filter { $0.severity != .error }
    let imageErrors = imageDiagnostics.filter { $0.severity == .error }
    guard imageErrors.isEmpty else { throw ProjectError.diagnostics(imageErrors) }
    guard !layout.architectures.isEmpty else {
      throw ProjectError.message("the project names no architecture to lock ('archs')")
    }

    var lockedImages: [String: LockedImage] = [:]
    for image in images {
      lockedImages[image.name] = LockedImage(
        name: image.name, file: layout.relative(image.path), settings: image.settings,
        closures: [:])
    }
    var lockedRecipes: [String: LockedRecipe] = [:]
    for architecture in layout.architectures {
      let universe = try load(architecture)
      let scheme = universe.packages.first?.scheme ?? .apk
      let names = [architecture.name, architecture.debianName]
      for image in images where try builds(image, on: architecture) {
        var variants: [String: LockedClosure] = [:]
        let dev = image.devPackages ?? layout.devPackages
        for (variant, roots) in [("prod", image.packages), ("dev", image.packages + dev)] {
          variants[variant] = try closure(
            of: roots, image: image, variant: variant, scheme: scheme, universe: universe,
            architectures: names)
        }
        lockedImages[image.name]?.closures[architecture.name] = variants
      }
      for source in universe.packages.indices where universe.packages[source].kind == .source {
        let record = universe.packages[source]
        let name = universe.strings[record.name]
        // A recipe yields one source package per architecture it builds on.
        let encoding = PackageEncoding(
          universe, architectures: names, seeds: [Int32(source)], scheme: scheme, sources: true)
        guard encoding.variableOfPackage[source] >= 0 else { continue }
        switch ClosureFinder.buildClosure(of: Int32(source), in: encoding) {
        case .success(let found):
          let members = locked(found, universe: universe)
          let file = layout.relative(universe.strings[record.file])
          lockedRecipes[name, default: LockedRecipe(name: name, file: file, build: [:])]
            .build[architecture.name] = LockedClosure(roots: [], members: members)
        case .failure:
          let sentences = Explanation.sentences(
            for: Int32(source), universe: universe, architectures: names)
          throw ProjectError.message(
            "the build closure of recipe \(name) cannot be met on \(architecture.name):\n"
              + sentences.map { "  \(relativePaths($0))" }.joined(separator: "\n"))
        }
      }
    }
    return Lock(
      inputs: inputs, architectures: layout.architectures.map(\.name), images: lockedImages,
      recipes: lockedRecipes)
  }

  /// Whether an image is locked for an architecture: its own `archs`, else the project's.
  private func builds(_ image: ImageFile, on architecture: Architecture) throws -> Bool {
    guard !image.architectures.isEmpty else { return true }
    for name in image.architectures {
      guard let named = Architecture.named(name.value) else {
        throw ProjectError.diagnostics([
          Diagnostic(
            path: name.path, mark: name.mark, category: "unknown-architecture",
            message: Architecture.unknownMessage(name.value))
        ])
      }
      if named.name == architecture.name { return true }
    }
    return false
  }

  private mutating func load(_ architecture: Architecture) throws -> PackageSet {
    let load = try UniverseLoader.load(
      layout.universeRequest(
        architecture: architecture, indexPath: indexPath, toolVersion: toolVersion))
    notes += load.warnings
    let errors = load.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { throw ProjectError.diagnostics(errors) }
    // Each architecture reads the same recipes: keep one copy of each warning.
    func key(_ finding: Diagnostic) -> String {
      "\(finding.path):\(finding.mark.line):\(finding.mark.column) \(finding.message)"
    }
    let seen = Set(warnings.map(key))
    warnings += load.diagnostics.filter { !seen.contains(key($0)) }
    return load.universe
  }

  private func closure(
    of roots: [Located<String>], image: ImageFile, variant: String, scheme: VersionScheme,
    universe: PackageSet, architectures: [String]
  ) throws -> LockedClosure {
    var constraints: [Constraint] = []
    var sites: [String: String] = [:]
    for root in roots {
      do {
        let constraint = try Constraint.root(root.value, scheme: scheme)
        // TODO(compat): apk reads `!name` in the world as "never install name"; the solver
        // takes roots as requests only, so such a root is refused rather than installed.
        guard !constraint.isConflict else {
          throw ConstraintError(
            message: "a root that keeps a package out is not supported", offset: 0)
        }
        constraints.append(constraint)
        sites[constraint.rendered(scheme)] =
          "\(layout.relative(root.path)):\(root.mark.line):\(root.mark.column)"
      } catch let error as ConstraintError {
        throw ProjectError.diagnostics([
          Diagnostic(
            path: root.path, mark: root.mark, category: "invalid-constraint",
            message: "'\(root.value)': \(error.message)")
        ])
      }
    }
    let encoding = PackageEncoding(
      universe, architectures: architectures, reachableFrom: constraints, scheme: scheme)
    switch ClosureFinder.closure(of: constraints, scheme: scheme, in: encoding) {
    case .success(let found):
      var members = locked(found, universe: universe)
      for index in members.indices where members[index].parent == nil {
        members[index].declaredAt = sites[members[index].requirement]
      }
      return LockedClosure(roots: roots.map(\.value), members: members)
    case .failure(.noCandidates(let missing)):
      let first = roots.first { missing.contains($0.value) } ?? roots[0]
      var message =
        "image \(image.name) (\(variant)): no package satisfies " + missing.joined(separator: ", ")
      var place = (first.path, first.mark)
      let fromDefaults =
        variant == "dev" && image.devPackages == nil && layout.devPackagesAreDefault
        && !image.packages.contains { missing.contains($0.value) }
      if fromDefaults {
        // A default dev package (busybox, apk-tools) the project's universe does not have:
        // nobody wrote it, so point at the image and say how to choose others.
        let defaults = ProjectLayout.defaultDevPackages.joined(separator: ", ")
        message +=
          ", one of the default dev packages (\(defaults)); "
          + "name the dev packages in the image's dev.packages or in minisolve.yaml's dev.packages"
        place = (image.path, .start)
      }
      throw ProjectError.diagnostics([
        Diagnostic(path: place.0, mark: place.1, category: "no-package", message: message)
      ])
    case .failure(.unsatisfiable):
      let sentences = Explanation.sentences(
        roots: constraints, scheme: scheme, universe: universe, architectures: architectures)
      throw ProjectError.message(
        "\(layout.relative(image.path)): image \(image.name) (\(variant)) cannot be "
          + "installed:\n" + sentences.map { "  \(relativePaths($0))" }.joined(separator: "\n"))
    }
  }

  /// A sentence with each `(/absolute/path:line...` written relative to the project, as the
  /// lock writes paths.
  private func relativePaths(_ sentence: String) -> String {
    var result = ""
    var rest = Substring(sentence)
    while let open = rest.firstRange(of: "(/") {
      result += rest[..<open.lowerBound] + "("
      let path = rest[rest.index(after: open.lowerBound)...].prefix { $0 != ":" && $0 != ")" }
      result += layout.relative(String(path))
      rest = rest[path.endIndex...]
    }
    return result + rest
  }

  /// A closure's members as the lock holds them, paths relative to the project.
  private func locked(_ closure: Closure, universe: PackageSet) -> [LockedMember] {
    closure.members.map { id in
      let record = universe.packages[Int(id)]
      let edge = closure.pulledBy[id]
      let file = universe.strings[record.file]
      let isRecipe = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
      var origin = "\(layout.relative(file)):\(record.line)"
      if record.column > 0 { origin += ":\(record.column)" }
      var member = LockedMember(
        name: universe.strings[record.name], version: universe.strings[record.version],
        architecture: universe.strings[record.architecture],
        originKind: isRecipe ? "recipe" : "repository", origin: origin,
        requirement: edge?.requirement ?? "")
      member.checksum = universe.string(record.checksum)
      member.location = universe.string(record.location)
      member.license = universe.string(record.license)
      member.parent = edge?.parent.map { universe.strings[universe.packages[Int($0)].name] }
      member.declaredAt = edge?.site.map { site in
        // `file:line[:col]`: make the file part relative.
        guard let colon = site.range(of: ":", options: .backwards) else { return site }
        var head = String(site[..<colon.lowerBound])
        var tail = String(site[colon.lowerBound...])
        if let second = head.range(of: ":", options: .backwards),
          Int(head[second.upperBound...]) != nil
        {
          tail = String(head[second.lowerBound...]) + tail
          head = String(head[..<second.lowerBound])
        }
        return layout.relative(head) + tail
      }
      return member
    }
  }
}
