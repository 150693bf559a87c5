import MiniSolveYAML

/// Reads Debian's `Packages` (binary) and `Sources` (source) indexes into drafts. A stanza that
/// breaks the format is reported with its line and skipped; the rest of the file is kept.
struct DebianIndexReader {
  let path: String
  let isSources: Bool
  private(set) var diagnostics: [Diagnostic] = []

  init(path: String, isSources: Bool) {
    self.path = path
    self.isSources = isSources
  }

  /// Adds every well-formed stanza of `bytes` to `builder`.
  mutating func read(
    _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, into builder: inout PackageSetBuilder
  ) {
    var stanzas = ControlStanzas(bytes, firstLine: firstLine)
    var fields: [ControlField] = []
    fields.reserveCapacity(64)
    while let (line, error) = stanzas.next(into: &fields) {
      if let error {
        report(line: error.line, "\(error.message); stanza skipped")
        continue
      }
      if let draft = draft(fields, stanzas: stanzas, line: line) { builder.add(draft) }
    }
  }

  /// The package a stanza describes, or nil (after a diagnostic) when it cannot be read.
  private mutating func draft(
    _ fields: [ControlField], stanzas: ControlStanzas, line: Int
  ) -> PackageDraft? {
    var name: String?
    var version: String?
    var versionLine = line
    // A source's architecture is the list it builds for (`any all`); `any` when not given.
    var architecture = isSources ? "any" : ""
    for field in fields {
      if stanzas.fieldName(field, is: "Package") {
        // Two stanzas run together (a missing blank line) show as a repeated name.
        if name != nil {
          report(line: field.line, "field 'Package' appears twice in one stanza; skipped")
          return nil
        }
        name = stanzas.text(field.value)
      } else if stanzas.fieldName(field, is: "Version") {
        if version != nil {
          report(line: field.line, "field 'Version' appears twice in one stanza; skipped")
          return nil
        }
        version = stanzas.text(field.value)
        versionLine = field.line
      } else if stanzas.fieldName(field, is: "Architecture") {
        architecture = stanzas.text(field.value)
      }
    }
    guard let name, !name.isEmpty else {
      report(line: line, "stanza has no 'Package' field; skipped")
      return nil
    }
    guard Self.isPackageName(name) else {
      report(line: line, "invalid package name '\(name)'; skipped")
      return nil
    }
    guard let version else {
      report(line: line, "package '\(name)' has no 'Version' field; skipped")
      return nil
    }
    if let problem = DebianVersion.problem(in: version) {
      report(line: versionLine, "package '\(name)': \(problem); skipped")
      return nil
    }
    guard !architecture.isEmpty else {
      report(line: line, "package '\(name)' has no 'Architecture' field; skipped")
      return nil
    }

    var draft = PackageDraft(
      name: name, version: version, architecture: architecture, scheme: .debian, file: path,
      line: line)
    draft.kind = isSources ? .source : .binary
    for field in fields {
      guard fill(&draft, field, stanzas: stanzas) else { return nil }
    }
    return draft
  }

  /// Applies one field to the draft; false (after a diagnostic) when its value is unreadable.
  private mutating func fill(
    _ draft: inout PackageDraft, _ field: ControlField, stanzas: ControlStanzas
  ) -> Bool {
    if let kind = relationKind(field, stanzas: stanzas) {
      do {
        let groups = try Constraint.debianRelations(
          UnsafeBufferPointer(rebasing: stanzas.bytes[field.value]))
        for alternatives in groups {
          draft.relations.append(.init(kind, alternatives, line: field.line))
        }
      } catch let error as ConstraintError {
        report(
          line: field.line,
          "package '\(draft.name)': \(stanzas.text(field.name)): \(error.message); skipped")
        return false
      } catch {
        return false
      }
    } else if stanzas.fieldName(field, is: "Source") {
      // `Source: name (version)` when the source version differs; the name is what matters.
      let text = stanzas.text(field.value)
      draft.source = String(text.split(separator: " ").first ?? Substring(text))
    } else if stanzas.fieldName(field, is: "Essential") {
      draft.essential = stanzas.text(field.value) == "yes"
    } else if stanzas.fieldName(field, is: "Multi-Arch") {
      draft.multiArch = Self.multiArch(stanzas.text(field.value))
    } else if stanzas.fieldName(field, is: "Filename") {
      draft.location = stanzas.text(field.value)
    } else if stanzas.fieldName(field, is: "Size") {
      draft.size = Int64(stanzas.text(field.value)) ?? -1
    } else if stanzas.fieldName(field, is: "SHA256") {
      draft.checksum = "sha256:" + stanzas.text(field.value)
    } else if isSources && stanzas.fieldName(field, is: "Directory") {
      draft.location = stanzas.text(field.value)
    }
    return true
  }

  private func relationKind(_ field: ControlField, stanzas: ControlStanzas) -> RelationKind? {
    if isSources {
      if stanzas.fieldName(field, is: "Build-Depends") { return .buildDepends }
      if stanzas.fieldName(field, is: "Build-Depends-Arch") { return .buildDependsArch }
      if stanzas.fieldName(field, is: "Build-Depends-Indep") { return .buildDependsIndep }
      if stanzas.fieldName(field, is: "Build-Conflicts") { return .buildConflicts }
      if stanzas.fieldName(field, is: "Build-Conflicts-Arch") { return .buildConflictsArch }
      if stanzas.fieldName(field, is: "Build-Conflicts-Indep") { return .buildConflictsIndep }
      return nil
    }
    if stanzas.fieldName(field, is: "Depends") { return .depends }
    if stanzas.fieldName(field, is: "Pre-Depends") { return .preDepends }
    if stanzas.fieldName(field, is: "Provides") { return .provides }
    if stanzas.fieldName(field, is: "Conflicts") { return .conflicts }
    if stanzas.fieldName(field, is: "Breaks") { return .breaks }
    if stanzas.fieldName(field, is: "Replaces") { return .replaces }
    if stanzas.fieldName(field, is: "Recommends") { return .recommends }
    if stanzas.fieldName(field, is: "Suggests") { return .suggests }
    if stanzas.fieldName(field, is: "Enhances") { return .enhances }
    return nil
  }

  /// dpkg's rule: a letter or digit, then letters, digits, `+`, `-`, `.` (and `_`, which
  /// dpkg's parser lets through).
  static func isPackageName(_ name: String) -> Bool {
    var bytes = name.utf8.makeIterator()
    guard let first = bytes.next(), isAlphanumeric(first) else { return false }
    while let byte = bytes.next() {
      guard isAlphanumeric(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x5F
      else { return false }
    }
    return true
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func multiArch(_ text: String) -> MultiArch {
    switch text {
    case "same": .same
    case "foreign": .foreign
    case "allowed": .allowed
    default: .none
    }
  }

  private mutating func report(line: Int, _ message: String) {
    diagnostics.append(
      Diagnostic(
        path: path, mark: Mark(line: line, column: 1), severity: .warning,
        category: "malformed-stanza", message: message))
  }
}
