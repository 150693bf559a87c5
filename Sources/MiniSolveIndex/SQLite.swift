import CSQLite

/// A failed SQLite call: SQLite's own message and result code.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var code: Int32

  public var description: String { "\(message) (SQLite code \(code))" }

  /// Whether another connection holds a lock this one needs.
  var isBusy: Bool {
    let primary = code & 0xff
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
  }

  /// Whether SQLite said the file is damaged or not a database at all.
  var isCorruption: Bool {
    let primary = code & 0xff
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
  }
}

/// One SQLite connection; the only place that calls the SQLite C API.
final class SQLiteDatabase {
  private var handle: OpaquePointer?

  /// Opens (creating when missing) the database file at `path`.
  init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(path, &handle, flags, nil)
    guard status == SQLITE_OK else {
      let error = SQLiteError(message: Self.message(handle), code: status)
      sqlite3_close_v2(handle)
      handle = nil
      throw error
    }
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs SQL statements that return no rows.
  func execute(_ sql: String) throws {
    let status = sqlite3_exec(handle, sql, nil, nil, nil)
    guard status == SQLITE_OK else { throw failure(status) }
  }

  /// Calls `body` with the size of a blob and a function reading bytes of it at an offset
  /// straight into a buffer (SQLite's incremental blob I/O: no copy of the whole blob).
  func withBlob<Result>(
    table: String, column: String, row: Int64,
    _ body: (Int, (Int, UnsafeMutableRawBufferPointer) -> Bool) -> Result
  ) throws -> Result {
    var blob: OpaquePointer?
    let status = sqlite3_blob_open(handle, "main", table, column, row, 0, &blob)
    guard status == SQLITE_OK, let blob else { throw failure(status) }
    defer { sqlite3_blob_close(blob) }
    let size = Int(sqlite3_blob_bytes(blob))
    return body(size) { offset, target in
      guard target.count > 0 else { return true }
      guard let base = target.baseAddress, offset >= 0, offset + target.count <= size else {
        return false
      }
      return sqlite3_blob_read(blob, base, Int32(target.count), Int32(offset)) == SQLITE_OK
    }
  }

  /// A prepared statement for `sql`.
  func prepare(_ sql: String) throws -> SQLiteStatement {
    var statement: OpaquePointer?
    let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
    guard status == SQLITE_OK, let statement else { throw failure(status) }
    return SQLiteStatement(statement, database: self)
  }

  /// The error for a status code, with the connection's message.
  func failure(_ status: Int32) -> SQLiteError {
    SQLiteError(message: Self.message(handle), code: status)
  }

  private static func message(_ handle: OpaquePointer?) -> String {
    guard let handle, let text = sqlite3_errmsg(handle) else { return "out of memory" }
    return String(cString: text)
  }
}

/// A prepared statement: bind parameters (1-based), step through rows, read columns (0-based).
final class SQLiteStatement {
  private let statement: OpaquePointer
  private let database: SQLiteDatabase

  init(_ statement: OpaquePointer, database: SQLiteDatabase) {
    self.statement = statement
    self.database = database
  }

  deinit {
    sqlite3_finalize(statement)
  }

  /// Binds values to the parameters in order and clears the previous run.
  func bind(_ values: [SQLiteValue]) throws {
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let status: Int32
      switch value {
      case .null:
        status = sqlite3_bind_null(statement, index)
      case .integer(let number):
        status = sqlite3_bind_int64(statement, index, number)
      case .text(let text):
        status = sqlite3_bind_text(statement, index, text, -1, transient)
      case .blob(let bytes):
        status = bytes.withUnsafeBytes { raw in
          sqlite3_bind_blob64(statement, index, raw.baseAddress, UInt64(raw.count), transient)
        }
      }
      guard status == SQLITE_OK else { throw database.failure(status) }
    }
  }

  /// Advances to the next row; false when there is none.
  func step() throws -> Bool {
    let status = sqlite3_step(statement)
    switch status {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw database.failure(status)
    }
  }

  /// Binds `values` and runs the statement to completion.
  func run(_ values: [SQLiteValue] = []) throws {
    try bind(values)
    while try step() {}
  }

  func integer(_ column: Int32) -> Int64 {
    sqlite3_column_int64(statement, column)
  }

  func text(_ column: Int32) -> String? {
    guard let pointer = sqlite3_column_text(statement, column) else { return nil }
    return String(cString: pointer)
  }

  /// Calls `body` with a column's bytes, valid only during the call.
  func withBlob<Result>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    let pointer = sqlite3_column_blob(statement, column)
    let count = Int(sqlite3_column_bytes(statement, column))
    return body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
  }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
  case null
  case integer(Int64)
  case text(String)
  case blob([UInt8])
}

/// SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
