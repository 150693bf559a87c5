/// Paths inside a package or image: normalising them and deciding whether links stay inside.
enum EntryPath {
  /// Why a path cannot be taken into an image.
  enum Problem: Error, Equatable {
    case absolute
    case parentComponent
    case nulByte
  }

  /// `./usr//bin/./env/` as `usr/bin/env`; the root itself is the empty path. A path that is
  /// absolute or has a `..` component is refused rather than rewritten.
  static func normalised(_ name: String) throws(Problem) -> String {
    if name.hasPrefix("/") { throw .absolute }
    // A NUL ends a name in a ustar field, so the path would not be the one checked here.
    if name.utf8.contains(0) { throw .nulByte }
    var parts: [Substring] = []
    for part in name.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
      if part == ".." { throw .parentComponent }
      parts.append(part)
    }
    return parts.joined(separator: "/")
  }

  /// Whether the symbolic link at `path` (normalised) with `target` names a place inside the
  /// root when followed by its text alone: an absolute target starts at the root, a relative
  /// one at the link's folder, and a `..` may not climb above the root.
  // TODO(limit): links are judged by their text; a target that passes through another link
  // is not followed, so a chain of links can still name a place the text does not show.
  static func symlinkStaysInside(_ target: String, at path: String) -> Bool {
    guard !target.isEmpty, !target.utf8.contains(0) else { return false }
    var depth = target.hasPrefix("/") ? 0 : path.split(separator: "/").count - 1
    for part in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard depth > 0 else { return false }
        depth -= 1
      default: depth += 1
      }
    }
    return true
  }

  /// The folder holding `path`; the root (empty) for a top-level entry.
  static func parent(of path: String) -> String? {
    guard !path.isEmpty else { return nil }
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<slash])
  }
}
