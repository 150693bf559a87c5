import Glibc
import MiniSolveUniverse
import MiniSolveYAML

/// The SQLite cache of parsed inputs (`.minisolve/index.db`): for each file read in a given
/// context, its size, mtime, SHA-256, the packages it yields (as a serialized `PackageSet`, and
/// as rows to query), and the diagnostics reading it gave.
public final class IndexStore {
  public let path: String
  /// Problems with the database itself (damaged, foreign, old), each of which led to a rebuild.
  public private(set) var warnings: [String] = []
  private var database: SQLiteDatabase

  /// What the cache knows of one file in one context.
  public struct Entry: Sendable {
    public var size: Int64
    public var mtimeNanoseconds: Int64
    public var sha256: String
  }

  /// Opens the index at `path`, creating it (and its folder) when missing, and rebuilding it
  /// with a warning when it is damaged, not an index, or of another schema version.
  public init(path: String) throws {
    self.path = path
    try Self.makeParentFolder(of: path)
    do {
      database = try SQLiteDatabase(path: path)
      if let problem = try Self.whileBusy({ try Self.prepare(database) }) {
        let kept = problem.isOurs ? nil : Self.moveAside(path)
        warnings.append(Self.rebuildWarning(path, problem.text, kept: kept))
        database = try Self.rebuild(path: path)
      }
    } catch let error as SQLiteError where error.isCorruption {
      let kept = Self.moveAside(path)
      let problem = "the file is damaged or not an SQLite database"
      warnings.append(Self.rebuildWarning(path, problem, kept: kept))
      database = try Self.rebuild(path: path)
    }
  }

  /// Replaces a database found damaged in use by an empty one, with a warning.
  public func rebuildAfterDamage() throws {
    let kept = Self.moveAside(path)
    warnings.append(Self.rebuildWarning(path, "the file is damaged", kept: kept))
    database = try Self.rebuild(path: path)
  }

  private static func rebuildWarning(_ path: String, _ problem: String, kept: String?) -> String {
    let moved = kept.map { "moved it to '\($0)' and " } ?? ""
    return "\(path): \(problem); \(moved)rebuilding it"
  }

  /// Renames a file that may not be ours to `PATH.bad`, so a mistyped `--index` loses nothing.
  private static func moveAside(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0, status.st_size > 0 else { return nil }
    let target = path + ".bad"
    return rename(path, target) == 0 ? target : nil
  }

  /// Runs `body` again while another process holds a lock that SQLite's busy timeout does not
  /// wait for (switching to WAL, a lock upgrade that would deadlock), for up to 10 seconds.
  private static func whileBusy<Result>(_ body: () throws -> Result) throws -> Result {
    var attempts = 0
    while true {
      do {
        return try body()
      } catch let error as SQLiteError where error.isBusy && attempts < 200 {
        attempts += 1
        usleep(50_000)
      }
    }
  }

  /// The cached state of a file, if any.
  public func entry(path file: String, context: String) throws -> Entry? {
    let statement = try database.prepare(
      "SELECT size, mtime_ns, sha256 FROM files WHERE path = ? AND context = ?")
    try statement.bind([.text(file), .text(context)])
    guard try statement.step() else { return nil }
    return Entry(
      size: statement.integer(0), mtimeNanoseconds: statement.integer(1),
      sha256: statement.text(2) ?? "")
  }

  /// A cached entry whose packages fail their consistency check.
  public struct DamagedEntry: Error {}

  /// The cached packages and diagnostics of a file whose content has the given SHA-256; nil
  /// when the cache has none. Throws `DamagedEntry` when what it has cannot be read.
  public func packages(
    path file: String, context: String, sha256: String
  ) throws -> (set: PackageSet, diagnostics: [Diagnostic])? {
    let statement = try database.prepare(
      "SELECT id, diagnostics FROM files WHERE path = ? AND context = ? AND sha256 = ?")
    try statement.bind([.text(file), .text(context), .text(sha256)])
    guard try statement.step() else { return nil }
    let row = statement.integer(0)
    let diagnostics = StoredDiagnostics.decode(statement.text(1) ?? "", path: file)
    let set = try database.withBlob(table: "files", column: "data", row: row) { size, read in
      PackageSet(size: size, read: read)
    }
    guard let set else { throw DamagedEntry() }
    return (set, diagnostics)
  }

  /// Records what reading a file gave, replacing what was cached for it.
  public func store(
    path file: String, context: String, format: String, entry: Entry, set: PackageSet,
    diagnostics: [Diagnostic]
  ) throws {
    try Self.whileBusy { try database.execute("BEGIN IMMEDIATE") }
    do {
      try database.prepare("DELETE FROM files WHERE path = ? AND context = ?")
        .run([.text(file), .text(context)])
      let insert = try database.prepare(
        """
        INSERT INTO files (path, context, format, size, mtime_ns, sha256, package_count,
          diagnostics, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      try insert.run([
        .text(file), .text(context), .text(format), .integer(entry.size),
        .integer(entry.mtimeNanoseconds), .text(entry.sha256), .integer(Int64(set.packages.count)),
        .text(StoredDiagnostics.encode(diagnostics)), .blob(set.serialized()),
      ])
      let fileID = try lastInsertedRow()
      try PackageRows.insert(set, fileID: fileID, into: database)
      try database.execute("COMMIT")
    } catch {
      try? database.execute("ROLLBACK")
      throw error
    }
  }

  /// Every cached file with its context, in order.
  public func entries() throws -> [(path: String, context: String)] {
    let statement = try database.prepare("SELECT path, context FROM files ORDER BY path, context")
    var found: [(path: String, context: String)] = []
    while try statement.step() { found.append((statement.text(0) ?? "", statement.text(1) ?? "")) }
    return found
  }

  /// Drops cached files (and their packages) in one transaction.
  public func remove(_ entries: [(path: String, context: String)]) throws {
    guard !entries.isEmpty else { return }
    try Self.whileBusy { try database.execute("BEGIN IMMEDIATE") }
    do {
      let delete = try database.prepare("DELETE FROM files WHERE path = ? AND context = ?")
      for entry in entries { try delete.run([.text(entry.path), .text(entry.context)]) }
      try database.execute("COMMIT")
    } catch {
      try? database.execute("ROLLBACK")
      throw error
    }
  }

  private func lastInsertedRow() throws -> Int64 {
    let statement = try database.prepare("SELECT last_insert_rowid()")
    guard try statement.step() else { return 0 }
    return statement.integer(0)
  }

  /// Why an existing database cannot be used; `isOurs` when it is a minisolve index.
  private struct Problem {
    var text: String
    var isOurs: Bool
  }

  /// Sets the connection up and checks the schema; returns a problem that calls for a rebuild.
  private static func prepare(_ database: SQLiteDatabase) throws -> Problem? {
    // NORMAL skips an fsync per commit: a power cut may lose the last entries, never consistency.
    try database.execute(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
    let tables = try database.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table'")
    _ = try tables.step()
    if tables.integer(0) == 0 {
      try database.execute("BEGIN IMMEDIATE")
      // Another process may have created the schema while this one waited for the lock.
      let again = try database.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
      _ = try again.step()
      if again.integer(0) == 0 { try database.execute(IndexSchema.create) }
      try database.execute("COMMIT")
      return nil
    }
    guard
      let version = try? database.prepare(
        "SELECT value FROM meta WHERE key = 'schema_version'"),
      (try? version.step()) == true, let text = version.text(0)
    else { return Problem(text: "not a minisolve index", isOurs: false) }
    guard text == String(IndexSchema.version) else {
      let problem = "index schema version \(text), this minisolve uses \(IndexSchema.version)"
      return Problem(text: problem, isOurs: true)
    }
    guard try schema(of: database) == IndexSchema.expectedObjects else {
      return Problem(text: "the index's tables were changed", isOurs: true)
    }
    return nil
  }

  /// Every table, index and trigger with its columns: `table files: id path ...`.
  private static func schema(of database: SQLiteDatabase) throws -> [String] {
    let objects = try database.prepare(
      "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    var found: [String] = []
    while try objects.step() {
      let type = objects.text(0) ?? ""
      let name = objects.text(1) ?? ""
      var line = "\(type) \(name)"
      if type == "table" {
        let columns = try database.prepare("SELECT name FROM pragma_table_info(?)")
        try columns.bind([.text(name)])
        while try columns.step() { line += " " + (columns.text(0) ?? "") }
      }
      found.append(line)
    }
    return found
  }

  /// Removes the database and its journal files and creates an empty index in their place.
  private static func rebuild(path: String) throws -> SQLiteDatabase {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    let database = try SQLiteDatabase(path: path)
    if let problem = try whileBusy({ try prepare(database) }) {
      throw SQLiteError(message: "cannot create the index: \(problem.text)", code: 1)
    }
    return database
  }

  private static func makeParentFolder(of path: String) throws {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
    let folder = String(path[..<slash])
    if mkdir(folder, 0o755) != 0 && errno != EEXIST {
      let reason = String(cString: strerror(errno))
      throw SQLiteError(message: "cannot create folder '\(folder)': \(reason)", code: 1)
    }
  }
}
