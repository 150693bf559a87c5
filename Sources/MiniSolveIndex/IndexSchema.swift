/// The index database's tables; docs/INDEX.md describes them for people using the `sqlite3` shell.
enum IndexSchema {
  /// Bumped whenever a table changes; a database of another version is rebuilt.
  static let version = 4

  /// The relation columns of `packages`, one per relation kind, in `RelationKind` order.
  static let relationColumns = [
    "depends", "pre_depends", "provides", "conflicts", "breaks", "replaces", "install_if",
    "recommends", "build_depends", "build_depends_arch", "build_depends_indep", "build_conflicts",
    "build_conflicts_arch", "build_conflicts_indep", "suggests", "enhances",
  ]

  /// What `schema(of:)` reads back from a database made by `create`.
  static var expectedObjects: [String] {
    [
      "table files id path context format size mtime_ns sha256 package_count diagnostics data",
      "table meta key value",
      "table packages file_id position name version architecture kind source line col checksum "
        + "location " + relationColumns.joined(separator: " "),
    ]
  }

  static var create: String {
    """
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE files (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      context TEXT NOT NULL,
      format TEXT NOT NULL,
      size INTEGER NOT NULL,
      mtime_ns INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      package_count INTEGER NOT NULL,
      diagnostics TEXT NOT NULL,
      data BLOB NOT NULL,
      UNIQUE (path, context)
    );
    CREATE TABLE packages (
      file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      version TEXT NOT NULL,
      architecture TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT,
      line INTEGER NOT NULL,
      col INTEGER NOT NULL,
      checksum TEXT,
      location TEXT,
    \(relationColumns.map { "  \($0) TEXT," }.joined(separator: "\n"))
      PRIMARY KEY (file_id, position)
    ) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('schema_version', '\(version)');
    """
  }
}
