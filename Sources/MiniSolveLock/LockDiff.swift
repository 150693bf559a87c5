/// What changed between two locks: inputs added, removed or changed, and per image,
/// architecture and variant (and per recipe's build closure) the packages added, removed and
/// changed in version.
public struct LockDiff: Sendable, Equatable {
  /// One closure's changes.
  public struct Change: Sendable, Equatable {
    /// `image nginx x86_64 prod` or `recipe zlib x86_64 build`.
    public var subject: String
    public var added: [String] = []
    public var removed: [String] = []
    /// `name old -> new`.
    public var changed: [String] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
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

    var subjects: [String: (old: LockedClosure?, new: LockedClosure?)] = [:]
    func collect(_ lock: Lock, isNew: Bool) {
      for (name, image) in lock.images {
        for (arch, variants) in image.closures {
          for (variant, closure) in variants {
            let key = "image \(name) \(arch) \(variant)"
            if isNew {
              subjects[key, default: (nil, nil)].new = closure
            } else {
              subjects[key, default: (nil, nil)].old = closure
            }
          }
        }
      }
      for (name, recipe) in lock.recipes {
        for (arch, closure) in recipe.build {
          let key = "recipe \(name) \(arch) build"
          if isNew {
            subjects[key, default: (nil, nil)].new = closure
          } else {
            subjects[key, default: (nil, nil)].old = closure
          }
        }
      }
    }
    collect(old, isNew: false)
    collect(new, isNew: true)
    for subject in Self.sorted(Array(subjects.keys)) {
      guard let pair = subjects[subject] else { continue }
      var change = Change(subject: subject)
      let before = Dictionary(
        (pair.old?.members ?? []).map { ($0.name + " " + $0.architecture, $0) },
        uniquingKeysWith: { first, _ in first })
      let after = Dictionary(
        (pair.new?.members ?? []).map { ($0.name + " " + $0.architecture, $0) },
        uniquingKeysWith: { first, _ in first })
      for key in Self.sorted(Array(after.keys)) {
        guard let member = after[key] else { continue }
        if let previous = before[key] {
          if previous.version != member.version {
            change.changed.append("\(member.name) \(previous.version) -> \(member.version)")
          }
        } else {
          change.added.append("\(member.name) \(member.version)")
        }
      }
      for key in Self.sorted(Array(before.keys)) where after[key] == nil {
        if let member = before[key] { change.removed.append("\(member.name) \(member.version)") }
      }
      if pair.old == nil { change.subject += " (new)" }
      if pair.new == nil { change.subject += " (gone)" }
      if !change.isEmpty || pair.old == nil || pair.new == nil { changes.append(change) }
    }
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
      lines += change.added.map { "  + \($0)" }
      lines += change.removed.map { "  - \($0)" }
      lines += change.changed.map { "  ~ \($0)" }
    }
    return lines
  }

  private static func sorted<S: Sequence>(_ items: S) -> [String] where S.Element == String {
    items.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
