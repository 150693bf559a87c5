/// Debian's relationship syntax: `a (>= 1) | b:any [amd64] <!nocheck>, c`.
extension Constraint {
  /// Parses a relationship field into groups of alternatives; empty `,` entries are skipped.
  public static func debianRelations(_ text: String) throws -> [[Constraint]] {
    try ApkVersion.withBytes(text) { try debianRelations($0) }
  }

  /// Parses a relationship field given as UTF-8 bytes, as read from a Packages or Sources index.
  public static func debianRelations(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [[Constraint]] {
    var parser = DebianRelationParser(bytes: bytes)
    return try parser.relations()
  }

  /// The Debian spelling; apk's `!`, `@tag` and `~` have none and keep apk's marks.
  func renderedDebian() -> String {
    var text = isConflict ? "!" : ""
    text += name
    if let pin { text += "@" + pin }
    if let qualifier { text += ":" + qualifier }
    if relation != .any { text += " (\(DebianRelationParser.spelling(relation)) \(version))" }
    if !architectures.isEmpty { text += " [" + architectures.joined(separator: " ") + "]" }
    for group in profiles { text += " <" + group.joined(separator: " ") + ">" }
    return text
  }
}

/// A cursor over a relationship field, following dpkg's parser and Dpkg::Deps where they differ.
private struct DebianRelationParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  mutating func relations() throws -> [[Constraint]] {
    var groups: [[Constraint]] = []
    var group: [Constraint] = []
    while true {
      skipSpace()
      guard index < bytes.count else { return groups }
      // Dpkg::Deps drops entries with nothing between their commas, trailing ones included.
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      group.append(try alternative())
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "|") {
        index += 1
        skipSpace()
        guard index < bytes.count, bytes[index] != UInt8(ascii: ",") else {
          let found = index < bytes.count ? describe(bytes[index]) : "end of text"
          throw ConstraintError(message: "expected a package name, found \(found)", offset: index)
        }
        continue
      }
      groups.append(group)
      group = []
      guard index < bytes.count else { return groups }
      guard bytes[index] == UInt8(ascii: ",") else {
        throw ConstraintError(message: "unexpected \(describe(bytes[index]))", offset: index)
      }
      index += 1
    }
  }

  /// `name[:qualifier] [(op version)] [[arch ...]] [<profile ...>...]`.
  private mutating func alternative() throws -> Constraint {
    let nameStart = index
    while index < bytes.count, !endsWord(bytes[index]) { index += 1 }
    guard index > nameStart else {
      let found = index < bytes.count ? describe(bytes[index]) : "end of text"
      throw ConstraintError(message: "expected a package name, found \(found)", offset: index)
    }
    try checkWord(nameStart..<index, what: "package name", extra: "-+._", negatable: false)
    var constraint = Constraint(name: Constraint.text(bytes, nameStart..<index))

    if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
      index += 1
      let start = index
      while index < bytes.count, !endsWord(bytes[index], colonEnds: false) { index += 1 }
      guard index > start else {
        throw ConstraintError(message: "missing architecture qualifier after ':'", offset: start)
      }
      try checkWord(start..<index, what: "architecture qualifier", extra: "-", negatable: false)
      constraint.qualifier = Constraint.text(bytes, start..<index)
    }

    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "(") {
      try versionBound(into: &constraint)
      skipSpace()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "[") {
      constraint.architectures = try list(closing: "]", what: "architecture", extra: "-")
      skipSpace()
    }
    while index < bytes.count, bytes[index] == UInt8(ascii: "<") {
      constraint.profiles.append(try list(closing: ">", what: "build profile", extra: "-+._"))
      skipSpace()
    }
    return constraint
  }

  /// `(op version)`, with dpkg's obsolete `<` and `>` meaning `<=` and `>=`.
  private mutating func versionBound(into constraint: inout Constraint) throws {
    index += 1
    skipSpace()
    let operatorStart = index
    let first = index < bytes.count ? bytes[index] : 0
    let second = index + 1 < bytes.count ? bytes[index + 1] : 0
    switch (first, second) {
    case (UInt8(ascii: "<"), UInt8(ascii: "<")): (constraint.relation, index) = (.less, index + 2)
    case (UInt8(ascii: "<"), UInt8(ascii: "=")):
      (constraint.relation, index) = (.lessEqual, index + 2)
    case (UInt8(ascii: ">"), UInt8(ascii: ">")):
      (constraint.relation, index) = (.greater, index + 2)
    case (UInt8(ascii: ">"), UInt8(ascii: "=")):
      (constraint.relation, index) = (.greaterEqual, index + 2)
    case (UInt8(ascii: "<"), UInt8(ascii: ">")), (UInt8(ascii: ">"), UInt8(ascii: "<")):
      let spelled = Constraint.text(bytes, index..<(index + 2))
      throw ConstraintError(message: "bad version relation '\(spelled)'", offset: operatorStart)
    case (UInt8(ascii: "<"), _): (constraint.relation, index) = (.lessEqual, index + 1)
    case (UInt8(ascii: ">"), _): (constraint.relation, index) = (.greaterEqual, index + 1)
    case (UInt8(ascii: "="), _): (constraint.relation, index) = (.equal, index + 1)
    default:
      throw ConstraintError(message: "missing relation operator after '('", offset: operatorStart)
    }

    skipSpace()
    let versionStart = index
    while index < bytes.count, !DebianVersionParts.isSpace(bytes[index]),
      bytes[index] != UInt8(ascii: "("), bytes[index] != UInt8(ascii: ")")
    {
      index += 1
    }
    let versionEnd = index
    guard versionEnd > versionStart else {
      throw ConstraintError(message: "missing version", offset: versionStart)
    }
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else {
      let found = index < bytes.count ? describe(bytes[index]) : "end of text"
      throw ConstraintError(message: "expected ')' after version, found \(found)", offset: index)
    }
    index += 1

    let version = UnsafeBufferPointer(rebasing: bytes[versionStart..<versionEnd])
    let spelled = Constraint.text(bytes, versionStart..<versionEnd)
    if let problem = DebianVersion.problemDetail(version) {
      throw ConstraintError(
        message: "invalid version '\(spelled)': \(problem.reason)",
        offset: versionStart + problem.offset)
    }
    constraint.version = spelled
  }

  /// `[amd64 !i386]` or `<!nocheck stage1>`: whitespace-separated words, each maybe negated.
  private mutating func list(closing: Unicode.Scalar, what: String, extra: String) throws
    -> [String]
  {
    let open = index
    let close = UInt8(ascii: closing)
    index += 1
    var words: [String] = []
    while true {
      skipSpace()
      guard index < bytes.count else {
        throw ConstraintError(message: "missing '\(closing)'", offset: index)
      }
      if bytes[index] == close {
        index += 1
        break
      }
      let start = index
      while index < bytes.count, !DebianVersionParts.isSpace(bytes[index]), bytes[index] != close {
        index += 1
      }
      try checkWord(start..<index, what: what, extra: extra, negatable: true)
      words.append(Constraint.text(bytes, start..<index))
    }
    guard !words.isEmpty else {
      throw ConstraintError(message: "empty \(what) list", offset: open)
    }
    return words
  }

  /// dpkg's name rule: a letter or digit, then letters, digits and `extra`.
  private func checkWord(_ range: Range<Int>, what: String, extra: String, negatable: Bool) throws {
    var start = range.lowerBound
    if negatable, bytes[start] == UInt8(ascii: "!") { start += 1 }
    guard start < range.upperBound, DebianVersionParts.isAlphanumeric(bytes[start]) else {
      throw ConstraintError(message: "\(what) must start with a letter or digit", offset: start)
    }
    for offset in start..<range.upperBound {
      let byte = bytes[offset]
      if DebianVersionParts.isAlphanumeric(byte) || extra.utf8.contains(byte) { continue }
      throw ConstraintError(
        message: "invalid character \(describe(byte)) in \(what)", offset: offset)
    }
  }

  /// The bytes that end a name or qualifier, as dpkg's scanner stops at them.
  private func endsWord(_ byte: UInt8, colonEnds: Bool = true) -> Bool {
    switch byte {
    case UInt8(ascii: ":"):
      return colonEnds
    case UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "["),
      UInt8(ascii: "<"):
      return true
    default:
      return DebianVersionParts.isSpace(byte)
    }
  }

  private mutating func skipSpace() {
    while index < bytes.count, DebianVersionParts.isSpace(bytes[index]) { index += 1 }
  }

  private func describe(_ byte: UInt8) -> String { ApkVersionToken.describe(byte) }

  static func spelling(_ relation: VersionRelation) -> String {
    switch relation {
    case .any: ""
    case .less: "<<"
    case .lessEqual: "<="
    case .equal: "="
    case .greaterEqual: ">="
    case .greater: ">>"
    case .prefix: "~"
    }
  }
}

extension Constraint {
  /// How Debian writes a relation (`<<`, `>=`): for text made without a `Constraint`.
  static func debianSpelling(_ relation: VersionRelation) -> String {
    DebianRelationParser.spelling(relation)
  }
}
