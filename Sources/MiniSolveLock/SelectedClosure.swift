import MiniSolveRecipe
import MiniSolveYAML

/// One closure of a lock, as `why`, `graph` and `sbom` ask for it: an image's variant or a
/// recipe's build closure, on one architecture.
public struct SelectedClosure: Sendable, Equatable {
  public enum Subject: Sendable, Equatable {
    case image(name: String, variant: String)
    case recipe(name: String)
  }

  public var subject: Subject
  public var architecture: String
  public var closure: LockedClosure
  /// The image or recipe file, relative to the project.
  public var file: String

  /// The image's or recipe's name.
  public var name: String {
    switch subject {
    case .image(let name, _), .recipe(let name): name
    }
  }

  /// `prod` or `dev` for an image, `build` for a recipe.
  public var variant: String {
    switch subject {
    case .image(_, let variant): variant
    case .recipe: "build"
    }
  }

  /// `image` or `recipe`.
  public var kind: String {
    switch subject {
    case .image: "image"
    case .recipe: "recipe"
    }
  }

  /// `image hello (prod, x86_64)`.
  public var title: String { "\(kind) \(name) (\(variant), \(architecture))" }

  /// The fields naming the closure in JSON output: `image` or `recipe`, `variant`, `architecture`.
  public var jsonFields: [String: JSONValue] {
    [kind: .string(name), "variant": .string(variant), "architecture": .string(architecture)]
  }

  /// The member named `name`.
  public func member(named name: String) -> LockedMember? {
    closure.members.first { $0.name == name }
  }

  // TODO(limit): the lock names a parent by name only: in the build closure of recipe x that
  // also holds a package x, what the recipe pulled in reads as pulled in by that package.
  /// Whether `member` was asked for by the image or recipe itself rather than by another
  /// member: an image's root, or a requirement of the recipe being built.
  public func isTop(_ member: LockedMember) -> Bool {
    guard let parent = member.parent else { return true }
    guard case .recipe(let recipe) = subject, parent == recipe else { return false }
    // A member that shares the recipe's name cannot have pulled itself in.
    return parent == member.name || self.member(named: parent) == nil
  }

  /// The error for a package the closure does not hold, naming the nearest member.
  func unknownMember(_ name: String) -> LockQueryError {
    var error = LockQueryError.unknown("package", name, among: closure.members.map(\.name))
    error.message = "\(title): " + error.message
    return error
  }

  /// The error for a member pulled in by something that is not a member.
  func brokenEdge(_ member: LockedMember) -> LockQueryError {
    LockQueryError(
      "\(title): \(member.name) was pulled in by '\(member.parent ?? "")', which is not a "
        + "member: the lock is inconsistent; run minisolve lock")
  }
}

/// Why a question about a lock has no answer: an unknown image, recipe, variant,
/// architecture or package, each with what there is instead.
public struct LockQueryError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }

  public init(_ message: String) { self.message = message }

  /// `no image 'helo'; did you mean 'hello'?`, or the names there are.
  static func unknown(_ what: String, _ name: String, among names: [String]) -> LockQueryError {
    var message = "no \(what) '\(name)'"
    if let near = Suggestion.closest(to: name, among: names) {
      message += "; did you mean '\(near)'?"
    } else if names.isEmpty {
      message += "; the lock has none"
    } else {
      message += " (there are: \(sortedNames(names).joined(separator: ", ")))"
    }
    return LockQueryError(message)
  }
}

/// Names in byte order, the order every listing uses.
func sortedNames<S: Sequence>(_ names: S) -> [String] where S.Element == String {
  names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}

extension Lock {
  /// The closure of an image's variant (`prod` or `dev`) on an architecture. Without an
  /// architecture: the only one the image is locked for, else x86_64.
  public func closure(
    image name: String, variant: String = "prod", architecture: String? = nil
  ) throws -> SelectedClosure {
    guard let image = images[name] else {
      throw LockQueryError.unknown("image", name, among: Array(images.keys))
    }
    guard Lock.variants.contains(variant) else {
      throw LockQueryError.unknown("variant", variant, among: Lock.variants)
    }
    let chosen = try Self.architecture(
      architecture, among: Array(image.closures.keys), of: "image \(name)")
    guard let closure = image.closures[chosen]?[variant] else {
      throw LockQueryError("image \(name) has no \(variant) variant for \(chosen) in the lock")
    }
    return SelectedClosure(
      subject: .image(name: name, variant: variant), architecture: chosen, closure: closure,
      file: image.file)
  }

  /// The build closure of a recipe on an architecture (chosen as for images).
  public func buildClosure(recipe name: String, architecture: String? = nil) throws
    -> SelectedClosure
  {
    guard let recipe = recipes[name] else {
      throw LockQueryError.unknown("recipe", name, among: Array(recipes.keys))
    }
    let chosen = try Self.architecture(
      architecture, among: Array(recipe.build.keys), of: "recipe \(name)")
    guard let closure = recipe.build[chosen] else {
      throw LockQueryError("recipe \(name) has no build closure for \(chosen) in the lock")
    }
    return SelectedClosure(
      subject: .recipe(name: name), architecture: chosen, closure: closure, file: recipe.file)
  }

  /// The architecture asked for, by any of its names (`amd64` is `x86_64`), if `locked` has
  /// it; without one, the only one locked, else x86_64.
  static func architecture(
    _ requested: String?, among locked: [String], of what: String
  ) throws -> String {
    let names = sortedNames(locked)
    guard let requested else {
      if names.count == 1 { return names[0] }
      if names.contains("x86_64") { return "x86_64" }
      guard !names.isEmpty else { throw LockQueryError("\(what) is locked for no architecture") }
      throw LockQueryError(
        "\(what) is locked for \(names.joined(separator: ", ")); choose one with --arch")
    }
    guard let canonical = Architecture.named(requested)?.name else {
      throw LockQueryError(Architecture.unknownMessage(requested))
    }
    guard names.contains(canonical) else {
      throw LockQueryError(
        "\(what) is not locked for \(requested) (locked: \(names.joined(separator: ", ")))")
    }
    return canonical
  }
}
