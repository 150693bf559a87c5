import MiniSolveUniverse

/// Writes a package set as rows of the `packages` table, relations rendered as text, so that
/// people can query the index with the `sqlite3` shell.
enum PackageRows {
  static func insert(_ set: PackageSet, fileID: Int64, into database: SQLiteDatabase) throws {
    let columns =
      [
        "file_id", "position", "name", "version", "architecture", "kind", "source", "line", "col",
        "checksum",
        "location",
      ] + IndexSchema.relationColumns
    let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let insert = try database.prepare(
      "INSERT INTO packages (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")

    for id in set.packages.indices {
      let record = set.packages[id]
      var values: [SQLiteValue] = [
        .integer(fileID), .integer(Int64(id)), .text(set.strings[record.name]),
        .text(set.strings[record.version]),
        .text(set.strings[record.architecture]),
        .text(record.kind == .binary ? "binary" : "source"), optional(set.string(record.source)),
        .integer(Int64(record.line)), .integer(Int64(record.column)),
        optional(set.string(record.checksum)), optional(set.string(record.location)),
      ]
      for kind in RelationKind.allCases {
        values.append(optional(set.relationText(of: Int32(id), kind: kind)))
      }
      try insert.run(values)
    }
  }

  private static func optional(_ text: String?) -> SQLiteValue {
    text.map { .text($0) } ?? .null
  }
}
