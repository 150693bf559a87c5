/// The image's root as packages and settings fill it: one entry per path and who put it there.
struct RootTree {
  /// Who wrote an entry: a package (its index among the packages) or the image settings.
  enum Owner: Equatable {
    case package(Int)
    case settings
  }

  /// One package to merge: its name for messages and its entries.
  struct Package {
    var name: String
    var contents: PackageContents
  }

  private(set) var entries: [String: (entry: TreeEntry, owner: Owner)] = [:]

  init() {}

  // TODO(compat): Debian's merged-/usr aliasing is not resolved: when one package makes `lib`
  // a symlink and another puts files in a `lib` folder, `finished` refuses the pair.
  /// Merges packages in order. A folder may come from several packages (the first one's
  /// owner and mode stay); any other path from two packages is a conflict unless one of them
  /// replaces the other (`replaces(a, b)`: package `a` replaces package `b`), in which case
  /// the replacing one's entry stays. Every conflict is reported at once.
  init(
    merging packages: [Package], replaces: (_ replacing: Int, _ replaced: Int) -> Bool
  ) throws(AssembleError) {
    var conflicts: [String] = []
    for (index, package) in packages.enumerated() {
      for entry in package.contents.entries {
        guard let existing = entries[entry.path], case .package(let earlier) = existing.owner
        else {
          entries[entry.path] = (entry, .package(index))
          continue
        }
        if existing.entry.kind == .directory && entry.kind == .directory { continue }
        if replaces(index, earlier) {
          entries[entry.path] = (entry, .package(index))
        } else if !replaces(earlier, index) {
          conflicts.append(
            "'\(entry.path)' is in both \(packages[earlier].name) and \(package.name), and "
              + "neither replaces the other")
        }
      }
    }
    guard conflicts.isEmpty else {
      throw AssembleError(
        "\(conflicts.count) file conflict\(conflicts.count == 1 ? "" : "s"):\n  "
          + conflicts.sorted().joined(separator: "\n  "))
    }
  }

  subscript(path: String) -> TreeEntry? { entries[path]?.entry }

  /// Puts `entry` in place of whatever was at its path.
  mutating func set(_ entry: TreeEntry, owner: Owner = .settings) {
    entries[entry.path] = (entry, owner)
  }

  /// Changes the entry at `path` in place; false when there is none.
  @discardableResult
  mutating func update(_ path: String, _ change: (inout TreeEntry) -> Void) -> Bool {
    guard var existing = entries[path] else { return false }
    change(&existing.entry)
    entries[path] = existing
    return true
  }

  /// Makes every missing folder above `path` (mode 0755, root's).
  mutating func makeParents(of path: String) {
    var parent = EntryPath.parent(of: path)
    while let folder = parent, !folder.isEmpty, entries[folder] == nil {
      entries[folder] = (.directory(folder), .settings)
      parent = EntryPath.parent(of: folder)
    }
  }

  /// The entries, after adding missing folders and checking that every path's parents are
  /// folders (a path below a symlink or a file would be written through it or fail) and that
  /// every hardlink names a file. `names` names an owner for messages.
  mutating func finished(names: (Owner) -> String) throws(AssembleError) -> [TreeEntry] {
    for path in Array(entries.keys) { makeParents(of: path) }
    var problems: [String] = []
    for (path, (entry, owner)) in entries {
      if let parent = EntryPath.parent(of: path), !parent.isEmpty,
        let (above, aboveOwner) = entries[parent], above.kind != .directory
      {
        problems.append(
          "'\(path)' of \(names(owner)) is below '\(parent)', which \(names(aboveOwner)) makes "
            + "a \(above.kind) rather than a folder")
      }
      if entry.kind == .hardlink, entries[entry.linkTarget]?.entry.kind != .file {
        problems.append(
          "hard link '\(path)' of \(names(owner)) names '\(entry.linkTarget)', which is not a file")
      }
    }
    guard problems.isEmpty else {
      throw AssembleError(
        "the image's files do not fit together:\n  " + problems.sorted().joined(separator: "\n  "))
    }
    return entries.values.map(\.entry)
  }
}
