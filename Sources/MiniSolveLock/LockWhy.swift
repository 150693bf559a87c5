import MiniSolveYAML

/// Why a package is in a locked closure: the edges from a root of the image (or from the
/// recipe being built) down to it, each with its requirement and where it was declared. The
/// lock keeps one edge per member, the one that pulled it in, so there is one chain.
public struct LockWhy: Sendable, Equatable {
  public var selection: SelectedClosure
  /// The members from the top (a root, or a requirement of the recipe) down to the package.
  public var chain: [LockedMember]

  /// The chain to `package`; an error names near members and the closures of `lock` that do
  /// hold the package.
  public init(package: String, in selection: SelectedClosure, lock: Lock) throws {
    self.selection = selection
    guard var member = selection.member(named: package) else {
      var error = selection.unknownMember(package)
      let holders = lock.closures(holding: package)
      if !holders.isEmpty {
        let more = holders.count > 3 ? " and \(holders.count - 3) more" : ""
        error.message += "; it is in \(holders.prefix(3).joined(separator: ", "))\(more)"
      }
      throw error
    }
    var chain = [member]
    while !selection.isTop(member) {
      guard let parentName = member.parent, let parent = selection.member(named: parentName)
      else { throw selection.brokenEdge(member) }
      guard !chain.contains(where: { $0.name == parent.name }) else {
        throw LockQueryError(
          "\(selection.title): the edges above \(package) form a loop through \(parent.name): "
            + "the lock is inconsistent; run minisolve lock")
      }
      chain.append(parent)
      member = parent
    }
    self.chain = chain.reversed()
  }

  /// The chain as lines: `hello (root, images/hello.yaml:3:7)`, then one line per edge,
  /// `libgreet  <- hello needs so:libgreet.so.1 (recipes/hello.yaml:11:9)`.
  public var lines: [String] {
    var lines: [String] = []
    guard let top = chain.first else { return lines }
    switch selection.subject {
    case .image:
      let asked =
        top.requirement == top.name || top.requirement.isEmpty ? "" : " \(top.requirement)"
      let site = top.declaredAt.map { ", \($0)" } ?? ""
      lines.append("\(top.name) (root\(asked)\(site))")
    case .recipe(let recipe):
      lines.append("\(recipe) (recipe, \(selection.file))")
      lines.append(Self.edge(top))
    }
    lines += chain.dropFirst().map(Self.edge)
    return lines
  }

  private static func edge(_ member: LockedMember) -> String {
    let site = member.declaredAt.map { " (\($0))" } ?? ""
    return "\(member.name)  <- \(member.parent ?? "") needs \(member.requirement)\(site)"
  }

  /// `{"image", "variant", "architecture", "package", "chain": [{"name", "version",
  /// "parent", "requirement", "declared_at"}]}` (`recipe` instead of `image` for a build).
  public var json: JSONValue {
    var fields = selection.jsonFields
    fields["package"] = .string(chain.last?.name ?? "")
    fields["chain"] = .array(
      chain.map { member in
        .object([
          "name": .string(member.name), "version": .string(member.version),
          "parent": member.parent.map { .string($0) } ?? .null,
          "requirement": .string(member.requirement),
          "declared_at": member.declaredAt.map { .string($0) } ?? .null,
        ])
      })
    return .object(fields)
  }
}

extension Lock {
  /// The titles of every closure holding a member named `name`, images first, sorted.
  public func closures(holding name: String) -> [String] {
    var titles: [String] = []
    for imageName in sortedNames(images.keys) {
      guard let image = images[imageName] else { continue }
      for architecture in sortedNames(image.closures.keys) {
        for variant in Lock.variants
        where image.closures[architecture]?[variant]?.members.contains(where: { $0.name == name })
          == true
        {
          titles.append("image \(imageName) (\(variant), \(architecture))")
        }
      }
    }
    for recipeName in sortedNames(recipes.keys) {
      guard let recipe = recipes[recipeName] else { continue }
      for architecture in sortedNames(recipe.build.keys)
      where recipe.build[architecture]?.members.contains(where: { $0.name == name }) == true {
        titles.append("recipe \(recipeName) (build, \(architecture))")
      }
    }
    return titles
  }
}
