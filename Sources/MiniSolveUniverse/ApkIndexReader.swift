import MiniSolveYAML

/// Reads an Alpine/Wolfi `APKINDEX` text: stanzas of `K:value` lines separated by blank lines.
/// A stanza that breaks the format is reported with its line and skipped.
struct ApkIndexReader {
  let path: String
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String) {
    self.path = path
  }

  /// Adds every well-formed stanza of `bytes` to `builder`.
  mutating func read(
    _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, into builder: inout PackageSetBuilder
  ) {
    var fields: [(key: UInt8, value: String, line: Int)] = []
    var stanzaLine = firstLine
    var line = firstLine
    var position = 0
    while position <= bytes.count {
      var end = position
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      if end == position || (end == position + 1 && bytes[position] == UInt8(ascii: "\r")) {
        if !fields.isEmpty, let draft = draft(fields, line: stanzaLine) { builder.add(draft) }
        fields.removeAll(keepingCapacity: true)
      } else {
        if fields.isEmpty { stanzaLine = line }
        if end - position >= 2 && bytes[position + 1] == UInt8(ascii: ":") {
          var valueEnd = end
          if bytes[valueEnd - 1] == UInt8(ascii: "\r") { valueEnd -= 1 }
          let value = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[(position + 2)..<valueEnd]),
            as: UTF8.self)
          fields.append((bytes[position], value, line))
        } else {
          fields.append((0, "", line))
        }
      }
      if end >= bytes.count {
        if !fields.isEmpty, let draft = draft(fields, line: stanzaLine) { builder.add(draft) }
        break
      }
      position = end + 1
      line += 1
    }
  }

  /// The package a stanza describes, or nil (after a diagnostic) when it cannot be read.
  private mutating func draft(
    _ fields: [(key: UInt8, value: String, line: Int)], line: Int
  ) -> PackageDraft? {
    if let bad = fields.first(where: { $0.key == 0 }) {
      report(line: bad.line, "line is not a 'K:value' pair; stanza skipped")
      return nil
    }
    for key in [UInt8(ascii: "P"), UInt8(ascii: "V")] {
      let repeated = fields.filter { $0.key == key }
      if repeated.count > 1 {
        let letter = Character(Unicode.Scalar(key))
        report(line: repeated[1].line, "'\(letter):' appears twice in one stanza; skipped")
        return nil
      }
    }
    guard let name = fields.last(where: { $0.key == UInt8(ascii: "P") })?.value, !name.isEmpty
    else {
      report(line: line, "stanza has no 'P:' (name) line; skipped")
      return nil
    }
    // apk names are free-form but never hold spaces or control characters.
    guard !name.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
      report(line: line, column: 3, "invalid package name '\(name)'; skipped")
      return nil
    }
    guard let versionField = fields.last(where: { $0.key == UInt8(ascii: "V") }) else {
      report(line: line, "package '\(name)' has no 'V:' (version) line; skipped")
      return nil
    }
    let version = versionField.value
    if let problem = ApkVersion.problem(in: version) {
      report(line: versionField.line, column: 3, "package '\(name)': \(problem); skipped")
      return nil
    }

    let architecture = fields.last(where: { $0.key == UInt8(ascii: "A") })?.value ?? "noarch"
    var draft = PackageDraft(
      name: name, version: version, architecture: architecture, scheme: .apk, file: path,
      line: line)
    for field in fields {
      guard fill(&draft, key: field.key, value: field.value, line: field.line) else { return nil }
    }
    return draft
  }

  /// Applies one line to the draft; false (after a diagnostic) when its value is unreadable.
  private mutating func fill(
    _ draft: inout PackageDraft, key: UInt8, value: String, line: Int
  ) -> Bool {
    switch key {
    case UInt8(ascii: "D"), UInt8(ascii: "p"), UInt8(ascii: "i"), UInt8(ascii: "r"):
      var column = 3
      for token in value.split(separator: " ", omittingEmptySubsequences: false) {
        defer { column += token.utf8.count + 1 }
        guard !token.isEmpty else { continue }
        let constraint: Constraint
        do {
          constraint = try Constraint.apk(String(token))
        } catch let error as ConstraintError {
          report(
            line: line, column: column + error.offset,
            "package '\(draft.name)': \(error.message); stanza skipped")
          return false
        } catch {
          return false
        }
        let kind = Self.kind(key, conflict: constraint.isConflict)
        draft.relations.append(.init(kind, [constraint], line: line, column: column))
      }
    case UInt8(ascii: "o"): draft.source = value
    case UInt8(ascii: "C"): draft.checksum = value
    case UInt8(ascii: "L"): draft.license = value
    case UInt8(ascii: "S"): draft.size = Int64(value) ?? -1
    case UInt8(ascii: "k"): draft.providerPriority = Int(value) ?? 0
    case UInt8(ascii: "q"): draft.replacesPriority = Int(value) ?? 0
    default: break
    }
    return true
  }

  private static func kind(_ key: UInt8, conflict: Bool) -> RelationKind {
    switch key {
    case UInt8(ascii: "p"): .provides
    case UInt8(ascii: "i"): .installIf
    case UInt8(ascii: "r"): .replaces
    default: conflict ? .conflicts : .depends
    }
  }

  private mutating func report(line: Int, column: Int = 1, _ message: String) {
    diagnostics.append(
      Diagnostic(
        path: path, mark: Mark(line: line, column: column), severity: .warning,
        category: "malformed-stanza", message: message))
  }
}
