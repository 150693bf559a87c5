extension RootTree {
  /// Writes the account files and home folders, then applies `paths` in order, as apko does
  /// after installing packages.
  mutating func apply(_ settings: ImageSettings) throws(AssembleError) {
    try writeAccounts(settings)
    for (index, path) in settings.paths.enumerated() {
      try apply(path, key: "paths[\(index)]")
    }
  }

  private mutating func writeAccounts(_ settings: ImageSettings) throws(AssembleError) {
    let passwd = AccountFiles.passwd(
      existing: try existingFile("etc/passwd"), users: settings.users)
    let group = AccountFiles.group(existing: try existingFile("etc/group"), groups: settings.groups)
    makeParents(of: "etc/passwd")
    set(.file("etc/passwd", passwd))
    set(.file("etc/group", group))

    // Home folders that are missing are made private to their user.
    for user in [AccountFiles.root] + settings.users where user.homedir != "/dev/null" {
      let home = try normalised(user.homedir, "the home folder of \(user.username)")
      guard !home.isEmpty, self[home] == nil else { continue }
      makeParents(of: home)
      set(.directory(home, mode: 0o700, uid: user.uid, gid: user.gid))
    }
  }

  /// The contents of a file packages put at `path`, nil when there is none.
  private func existingFile(_ path: String) throws(AssembleError) -> ArraySlice<UInt8>? {
    guard let entry = self[path] else { return nil }
    guard entry.kind == .file else {
      throw AssembleError("/\(path) from the packages is a \(entry.kind), not a file")
    }
    return entry.contents
  }

  private mutating func apply(_ setting: ImageSettings.PathSetting, key: String)
    throws(AssembleError)
  {
    let path = try normalised(setting.path, "image settings: \(key).path")
    guard !path.isEmpty else { throw AssembleError("image settings: \(key).path is the root") }
    let existing = self[path]
    /// `entry` with the setting's owner and, when given, `mode`.
    func owned(_ entry: TreeEntry, mode: Int? = nil) -> TreeEntry {
      var entry = entry
      entry.uid = setting.uid
      entry.gid = setting.gid
      entry.mode = mode ?? entry.mode
      return entry
    }

    switch setting.kind {
    // TODO(compat): apko applies permissions 0 when none are given; here a new folder gets
    // 0755 (an existing one keeps its mode) and a new file 0644.
    case .directory:
      if let existing, existing.kind != .directory {
        throw AssembleError("image settings: \(key): /\(path) is a \(existing.kind), not a folder")
      }
      makeParents(of: path)
      let mode = setting.permissions ?? existing?.mode ?? 0o755
      set(owned(.directory(path, mode: mode)))
      // As apko does, `recursive` gives everything inside the folder's mode and owner.
      if setting.recursive {
        for inside in entries.keys where inside.hasPrefix(path + "/") {
          update(inside) { $0 = owned($0, mode: mode) }
        }
      }
    case .emptyFile:
      makeParents(of: path)
      set(owned(.file(path, [], mode: setting.permissions ?? 0o644)))
    case .hardlink:
      let source = try normalised(
        try required(setting.source, "\(key).source"), "image settings: \(key).source")
      guard let target = self[source], target.kind == .file else {
        throw AssembleError("image settings: \(key): /\(source) is not a file to link to")
      }
      makeParents(of: path)
      set(TreeEntry(path: path, kind: .hardlink, mode: target.mode, linkTarget: source))
      // A hard link has no mode or owner of its own: they belong to the file it shares.
      if setting.permissions != nil || setting.uid != 0 || setting.gid != 0 {
        update(source) { $0 = owned($0, mode: setting.permissions ?? $0.mode) }
      }
    case .symlink:
      let target = try required(setting.source, "\(key).source")
      guard EntryPath.symlinkStaysInside(target, at: path) else {
        throw AssembleError("image settings: \(key): '\(target)' points outside the root")
      }
      makeParents(of: path)
      set(owned(TreeEntry(path: path, kind: .symlink, mode: 0o777, linkTarget: target)))
    case .permissions:
      let mode = try required(setting.permissions, "\(key).permissions")
      let changed = update(path) { $0 = owned($0, mode: mode) }
      guard changed else { throw AssembleError("image settings: \(key): /\(path) does not exist") }
    }
  }

  private func required<Value>(_ value: Value?, _ key: String) throws(AssembleError) -> Value {
    guard let value else { throw AssembleError("image settings: \(key) is required") }
    return value
  }

  /// An absolute image path as a tree path; `what` names it in the error.
  private func normalised(_ path: String, _ what: String) throws(AssembleError) -> String {
    let relative = path.drop { $0 == "/" }
    do {
      return try EntryPath.normalised(String(relative))
    } catch {
      let problem = error == .nulByte ? "a NUL byte" : "a '..' component"
      throw AssembleError("\(what) '\(path)' has \(problem)")
    }
  }
}
