/// One file, folder or link of a package's data or of the image's root.
public struct TreeEntry: Sendable, Equatable {
  /// What the entry is; device nodes are skipped when packages are read, so there is none.
  public enum Kind: Sendable, Equatable {
    case file
    case directory
    case symlink
    case hardlink
    case fifo
  }

  /// The path below the root, normalised: `usr/bin/env`, no `./`, no leading or trailing `/`.
  public var path: String
  public var kind: Kind
  /// Permission bits with the set-id and sticky bits (`0o4755`), without the file type.
  public var mode: Int
  public var uid: Int
  public var gid: Int
  /// For a symlink its target as written; for a hardlink the normalised path it shares.
  public var linkTarget: String
  /// A file's bytes; empty for every other kind.
  public var contents: ArraySlice<UInt8>

  public init(
    path: String, kind: Kind, mode: Int, uid: Int = 0, gid: Int = 0, linkTarget: String = "",
    contents: ArraySlice<UInt8> = []
  ) {
    self.path = path
    self.kind = kind
    self.mode = mode
    self.uid = uid
    self.gid = gid
    self.linkTarget = linkTarget
    self.contents = contents
  }

  /// A folder owned by root.
  static func directory(_ path: String, mode: Int = 0o755, uid: Int = 0, gid: Int = 0)
    -> TreeEntry
  {
    TreeEntry(path: path, kind: .directory, mode: mode, uid: uid, gid: gid)
  }

  /// A file holding `contents`.
  static func file(
    _ path: String, _ contents: [UInt8], mode: Int = 0o644, uid: Int = 0, gid: Int = 0
  ) -> TreeEntry {
    TreeEntry(path: path, kind: .file, mode: mode, uid: uid, gid: gid, contents: contents[...])
  }
}
