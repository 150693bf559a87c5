import MiniSolveYAML

/// What changed between two locks: inputs added, removed or changed, and per image,
/// architecture and variant (and per recipe's build closure) the packages added, removed and
/// changed in version.
public struct LockDiff: Sendable, Equatable {
  /// One closure's changes.
  public struct Change: Sendable, Equatable {
    /// Whether the closure is in both locks, only the new one, or only the old one.
    public enum Status: String, Sendable {
      case changed, new, gone
    }

    /// A member that came or went.
    public struct Package: Sendable, Equatable {
      public var name: String
      public var version: String
    }

    /// A member whose version changed.
    public struct Update: Sendable, Equatable {
      public var name: String
      public var old: String
      public var new: String
    }

    /// `image` or `recipe`.
    public var kind: String
    public var name: String
    public var architecture: String
    /// `prod`, `dev`, or `build` for a recipe.
    public var variant: String
    public var status = Status.changed
    public var added: [Package] = []
    public var removed: [Package] = []
    public var changed: [Update] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// `image nginx x86_64 prod`, or `recipe zlib x86_64 build (new)`.
    public var subject: String {
      let base = "\(kind) \(name) \(architecture) \(variant)"
      return status == .changed ? base : "\(base) (\(status.rawValue))"
    }
  }

  public var inputsAdded: [String] = []
  public var inputsRemoved: [String] = []
  public var inputsChanged: [String] = []
  public var changes: [Change] = []

  public var isEmpty: Bool {
    inputsAdded.isEmpty && inputsRemoved.isEmpty && inputsChanged.isEmpty && changes.isEmpty
  }

  public init(from old: Lock, to new: Lock) {
    let oldFiles = old.inputs.files
    let newFiles = new.inputs.files
    inputsAdded = Self.sorted(newFiles.keys.filter { oldFiles[$0] == nil })
    inputsRemoved = Self.sorted(oldFiles.keys.filter { newFiles[$0] == nil })
    inputsChanged = Self.sorted(
      newFiles.keys.filter { oldFiles[$0] != nil && oldFiles[$0] != newFiles[$0] })
    if old.inputs.builtinPipelines != new.inputs.builtinPipelines {
      inputsChanged.append("<minisolve's built-in pipelines>")
    }

    let before = Self.closures(of: old)
    let after = Self.closures(of: new)
    for key in Self.sorted(Set(before.keys).union(after.keys)) {
      guard let change = Self.change(before[key], after[key]) else { continue }
      if !change.isEmpty || change.status != .changed { changes.append(change) }
    }
  }

  /// Every closure of a lock by its subject (`image nginx x86_64 prod`), with a change that
  /// names it and holds nothing yet.
  private static func closures(of lock: Lock) -> [String: (Change, LockedClosure)] {
    var closures: [String: (Change, LockedClosure)] = [:]
    func add(_ change: Change, _ closure: LockedClosure) {
      closures[change.subject] = (change, closure)
    }
    for (name, image) in lock.images {
      for (architecture, variants) in image.closures {
        for (variant, closure) in variants {
          add(
            Change(kind: "image", name: name, architecture: architecture, variant: variant),
            closure)
        }
      }
    }
    for (name, recipe) in lock.recipes {
      for (architecture, closure) in recipe.build {
        add(
          Change(kind: "recipe", name: name, architecture: architecture, variant: "build"),
          closure)
      }
    }
    return closures
  }

  /// What changed in one closure; nil when it is in neither lock.
  private static func change(
    _ old: (Change, LockedClosure)?, _ new: (Change, LockedClosure)?
  ) -> Change? {
    guard var change = new?.0 ?? old?.0 else { return nil }
    if old == nil { change.status = .new }
    if new == nil { change.status = .gone }
    let before = members(old?.1)
    let after = members(new?.1)
    for key in sorted(after.keys) {
      guard let member = after[key] else { continue }
      if let previous = before[key] {
        if previous.version != member.version {
          change.changed.append(
            Change.Update(name: member.name, old: previous.version, new: member.version))
        }
      } else {
        change.added.append(Change.Package(name: member.name, version: member.version))
      }
    }
    for key in sorted(before.keys) where after[key] == nil {
      if let member = before[key] {
        change.removed.append(Change.Package(name: member.name, version: member.version))
      }
    }
    return change
  }

  /// A closure's members by name and architecture.
  private static func members(_ closure: LockedClosure?) -> [String: LockedMember] {
    Dictionary(
      (closure?.members ?? []).map { ($0.name + " " + $0.architecture, $0) },
      uniquingKeysWith: { first, _ in first })
  }

  /// The changes as lines: a header per subject, then `+ added`, `- removed`, `~ changed`.
  public var lines: [String] {
    var lines: [String] = []
    if !inputsAdded.isEmpty || !inputsRemoved.isEmpty || !inputsChanged.isEmpty {
      lines.append("inputs:")
      lines += inputsAdded.map { "  + \($0)" }
      lines += inputsRemoved.map { "  - \($0)" }
      lines += inputsChanged.map { "  ~ \($0)" }
    }
    for change in changes {
      lines.append("\(change.subject):")
      lines += change.added.map { "  + \($0.name) \($0.version)" }
      lines += change.removed.map { "  - \($0.name) \($0.version)" }
      lines += change.changed.map { "  ~ \($0.name) \($0.old) -> \($0.new)" }
    }
    return lines
  }

  /// `{"equal", "inputs": {"added", "removed", "changed"}, "closures": [{"kind", "name",
  /// "architecture", "variant", "status", "added", "removed", "changed"}]}`.
  public var json: JSONValue {
    func package(_ package: Change.Package) -> JSONValue {
      .object(["name": .string(package.name), "version": .string(package.version)])
    }
    return .object([
      "equal": .bool(isEmpty),
      "inputs": .object([
        "added": .strings(inputsAdded), "removed": .strings(inputsRemoved),
        "changed": .strings(inputsChanged),
      ]),
      "closures": .array(
        changes.map { change in
          .object([
            "kind": .string(change.kind), "name": .string(change.name),
            "architecture": .string(change.architecture), "variant": .string(change.variant),
            "status": .string(change.status.rawValue),
            "added": .array(change.added.map(package)),
            "removed": .array(change.removed.map(package)),
            "changed": .array(
              change.changed.map { update in
                .object([
                  "name": .string(update.name), "old": .string(update.old),
                  "new": .string(update.new),
                ])
              }),
          ])
        }),
    ])
  }

  private static func sorted<S: Sequence>(_ items: S) -> [String] where S.Element == String {
    items.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
