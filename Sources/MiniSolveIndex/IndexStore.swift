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
        warnings.append("\(path): \(problem); rebuilding it")
        database = try Self.rebuild(path: path)
      }
    } catch let error as SQLiteError where error.isCorruption {
      warnings.append("\(path): the file is damaged or not an SQLite database; rebuilding it")
      database = try Self.rebuild(path: path)
    }
  }

  /// Replaces a database found damaged in use by an empty one, with a warning.
  public func rebuildAfterDamage() throws {
    warnings.append("\(path): the file is damaged; rebuilding it")
    database = try Self.rebuild(path: path)
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

  /// The cached packages and diagnostics of a file whose content has the given SHA-256; nil
  /// when the cache has none or what it has cannot be read.
  public func packages(
    path file: String, context: String, sha256: String
  ) throws -> (set: PackageSet, diagnostics: [Diagnostic])? {
    let statement = try database.prepare(
      "SELECT data, diagnostics FROM files WHERE path = ? AND context = ? AND sha256 = ?")
    try statement.bind([.text(file), .text(context), .text(sha256)])
    guard try statement.step() else { return nil }
    guard let set = statement.withBlob(0, { PackageSet(serialized: $0) }) else { return nil }
    return (set, StoredDiagnostics.decode(statement.text(1) ?? "", path: file))
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

  /// Drops the cached files of `context` that are not in `keep`; returns their paths.
  public func forget(context: String, keeping keep: Set<String>) throws -> [String] {
    let statement = try database.prepare("SELECT path FROM files WHERE context = ? ORDER BY path")
    try statement.bind([.text(context)])
    var gone: [String] = []
    while try statement.step() {
      if let file = statement.text(0), !keep.contains(file) { gone.append(file) }
    }
    guard !gone.isEmpty else { return [] }
    try Self.whileBusy { try database.execute("BEGIN IMMEDIATE") }
    let delete = try database.prepare("DELETE FROM files WHERE path = ? AND context = ?")
    for file in gone { try delete.run([.text(file), .text(context)]) }
    try database.execute("COMMIT")
    return gone
  }

  private func lastInsertedRow() throws -> Int64 {
    let statement = try database.prepare("SELECT last_insert_rowid()")
    guard try statement.step() else { return 0 }
    return statement.integer(0)
  }

  /// Sets the connection up and checks the schema; returns a problem that calls for a rebuild.
  private static func prepare(_ database: SQLiteDatabase) throws -> String? {
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
      try version.step(), let text = version.text(0)
    else { return "not a minisolve index" }
    guard text == String(IndexSchema.version) else {
      return "index schema version \(text), this minisolve uses \(IndexSchema.version)"
    }
    return nil
  }

  /// Removes the database and its journal files and creates an empty index in their place.
  private static func rebuild(path: String) throws -> SQLiteDatabase {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    let database = try SQLiteDatabase(path: path)
    if let problem = try whileBusy({ try prepare(database) }) {
      throw SQLiteError(message: "cannot create the index: \(problem)", code: 1)
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
