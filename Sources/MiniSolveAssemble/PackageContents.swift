import MiniSolveUniverse

/// What one package puts into an image: its entries in archive order, what was skipped, and
/// which maintainer scripts it has (they are never run).
public struct PackageContents: Sendable {
  /// The package file, as errors and warnings name it.
  public var file: String
  public var entries: [TreeEntry]
  public var warnings: [String]
  /// `postinst`, `.post-install` and the like, as the package names them.
  public var maintainerScripts: [String]

  public init(
    file: String, entries: [TreeEntry], warnings: [String] = [], maintainerScripts: [String] = []
  ) {
    self.file = file
    self.entries = entries
    self.warnings = warnings
    self.maintainerScripts = maintainerScripts
  }

  /// The entries of a package's data tar, checked: every path normalised and inside the root,
  /// every link's target inside the root, every hardlink to an earlier file of the package,
  /// no file over the limit. Device nodes are skipped with a warning.
  static func reading(
    dataTar: [UInt8], file: String, member: String, limits: ArtifactLimits
  ) throws(AssembleError) -> PackageContents {
    let where_ = "\(file): \(member)"
    let tarEntries: [TarEntry]
    do {
      tarEntries = try TarReader.entries(dataTar)
    } catch {
      throw AssembleError("\(where_): \(error)")
    }

    // TODO(compat): pax extended attributes (`SCHILY.xattr.*`) are not read, so files lose
    // file capabilities (`security.capability`, as apk packages of ping or nginx carry them).
    var contents = PackageContents(file: file, entries: [])
    var kinds: [String: TreeEntry.Kind] = [:]
    for tarEntry in tarEntries {
      let path = try normalised(tarEntry.name, where_)
      guard let kind = try kind(of: tarEntry, path, where_) else {
        contents.warnings.append("\(where_): skipped device node '\(path)'")
        continue
      }
      if path.isEmpty { continue }
      var entry = TreeEntry(
        path: path, kind: kind, mode: tarEntry.mode, uid: tarEntry.uid, gid: tarEntry.gid)

      switch kind {
      case .file:
        guard tarEntry.contents.count <= limits.maximumFileSize else {
          throw AssembleError(
            "\(where_): '\(path)' is \(tarEntry.contents.count) bytes, over the limit of "
              + InputError.byteCount(limits.maximumFileSize))
        }
        entry.contents = tarEntry.contents
      case .symlink:
        guard EntryPath.symlinkStaysInside(tarEntry.linkName, at: path) else {
          throw AssembleError(
            "\(where_): symbolic link '\(path)' points outside the root: '\(tarEntry.linkName)'")
        }
        entry.linkTarget = tarEntry.linkName
      case .hardlink:
        let target = try normalised(tarEntry.linkName, where_)
        guard kinds[target] == .file else {
          throw AssembleError(
            "\(where_): hard link '\(path)' does not name an earlier file of the package: "
              + "'\(tarEntry.linkName)'")
        }
        entry.linkTarget = target
      case .directory, .fifo: break
      }

      if let earlier = kinds[path], earlier != .directory || kind != .directory {
        throw AssembleError("\(where_): '\(path)' is in the archive twice")
      }
      kinds[path] = kind
      contents.entries.append(entry)
    }
    return contents
  }

  /// The normalised path of an entry name or hardlink target, or the error naming it.
  private static func normalised(_ name: String, _ where_: String) throws(AssembleError)
    -> String
  {
    do {
      return try EntryPath.normalised(name)
    } catch {
      switch error {
      case .absolute: throw AssembleError("\(where_): '\(name)' is an absolute path")
      case .parentComponent: throw AssembleError("\(where_): '\(name)' has a '..' component")
      case .nulByte: throw AssembleError("\(where_): '\(name)' has a NUL byte")
      }
    }
  }

  /// The kind of a tar member; nil for a device node; other types are refused.
  private static func kind(of entry: TarEntry, _ path: String, _ where_: String)
    throws(AssembleError) -> TreeEntry.Kind?
  {
    switch entry.type {
    case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): return .file
    case UInt8(ascii: "1"): return .hardlink
    case UInt8(ascii: "2"): return .symlink
    case UInt8(ascii: "3"), UInt8(ascii: "4"): return nil
    case UInt8(ascii: "5"): return .directory
    case UInt8(ascii: "6"): return .fifo
    default:
      let type = Character(UnicodeScalar(entry.type))
      throw AssembleError("\(where_): '\(path)' has the unsupported tar type '\(type)'")
    }
  }
}
