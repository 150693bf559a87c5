/// apk-tools' dependency syntax: `[!]name[@tag][op version]`.
extension Constraint {
  /// Parses one apk dependency such as `so:libc.so.6`, `!foo<2`, `bar@edge>=1.2` or `baz~1.2`.
  public static func apk(_ text: String) throws -> Constraint {
    try ApkVersion.withBytes(text) { try apk(bytes: $0) }
  }

  /// Parses one apk dependency given as UTF-8 bytes.
  public static func apk(bytes: UnsafeBufferPointer<UInt8>) throws -> Constraint {
    var index = 0
    let isConflict = !bytes.isEmpty && bytes[0] == UInt8(ascii: "!")
    if isConflict { index += 1 }

    // The name runs to the first operator byte; an `@` in it starts the repository tag.
    let nameStart = index
    var tagMark: Int?
    while index < bytes.count, ApkOperator.bit(bytes[index]) == 0 {
      let byte = bytes[index]
      if byte == UInt8(ascii: "@"), tagMark == nil {
        tagMark = index
      } else if !(tagMark == nil ? isApkNameByte(byte) : isApkTagByte(byte)) {
        let place = tagMark == nil ? "package name" : "repository tag"
        throw ConstraintError(
          message: "invalid character \(ApkVersionToken.describe(byte)) in \(place)", offset: index)
      }
      index += 1
    }
    let nameEnd = tagMark ?? index
    guard nameEnd > nameStart else {
      throw ConstraintError(message: "missing package name", offset: nameStart)
    }
    if let tagMark, index == tagMark + 1 {
      throw ConstraintError(message: "missing repository tag after '@'", offset: index)
    }
    var constraint = Constraint(name: text(bytes, nameStart..<nameEnd))
    constraint.isConflict = isConflict
    constraint.pin = tagMark.map { text(bytes, ($0 + 1)..<index) }
    guard index < bytes.count else { return constraint }

    // apk adds up the operator's bytes, so `=<` is `<=` and `=~` is `~`.
    let operatorStart = index
    var mask: UInt8 = 0
    while index < bytes.count, ApkOperator.bit(bytes[index]) != 0 {
      mask |= ApkOperator.bit(bytes[index])
      index += 1
    }
    let spelled = text(bytes, operatorStart..<index)
    // TODO(compat): apk's `<~`, `>~` and checksum `><` have no VersionRelation; refused.
    guard let relation = ApkOperator.relation(mask) else {
      throw ConstraintError(message: "unsupported operator '\(spelled)'", offset: operatorStart)
    }
    guard index < bytes.count else {
      throw ConstraintError(message: "missing version after '\(spelled)'", offset: index)
    }
    let version = UnsafeBufferPointer(rebasing: bytes[index...])
    if let problem = ApkVersion.problemDetail(version) {
      throw ConstraintError(
        message: "invalid version '\(text(bytes, index..<bytes.count))': \(problem.reason)",
        offset: index + problem.offset)
    }
    constraint.relation = relation
    constraint.version = text(bytes, index..<bytes.count)
    return constraint
  }

  /// The apk spelling; Debian's qualifier, architectures and profiles have none and are left out.
  func renderedApk() -> String {
    var text = isConflict ? "!" : ""
    text += name
    if let pin { text += "@" + pin }
    if relation != .any { text += ApkOperator.spelling(relation) + version }
    return text
  }

  /// Letters, digits and `+ - . _ : / [ ]`: package names and provides like `cmd:[`, `/bin/sh`.
  private static func isApkNameByte(_ byte: UInt8) -> Bool {
    if DebianVersionParts.isAlphanumeric(byte) { return true }
    switch byte {
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"):
      return true
    default:
      return false
    }
  }

  private static func isApkTagByte(_ byte: UInt8) -> Bool {
    DebianVersionParts.isAlphanumeric(byte) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

/// apk's comparison operators as the bit sets apk-tools builds from them.
private enum ApkOperator {
  static let less: UInt8 = 1
  static let equal: UInt8 = 2
  static let greater: UInt8 = 4
  static let fuzzy: UInt8 = 8

  static func bit(_ byte: UInt8) -> UInt8 {
    switch byte {
    case UInt8(ascii: "<"): less
    case UInt8(ascii: "="): equal
    case UInt8(ascii: ">"): greater
    case UInt8(ascii: "~"): fuzzy | equal
    default: 0
    }
  }

  static func relation(_ mask: UInt8) -> VersionRelation? {
    switch mask {
    case less: .less
    case less | equal: .lessEqual
    case equal: .equal
    case greater | equal: .greaterEqual
    case greater: .greater
    case fuzzy | equal: .prefix
    default: nil
    }
  }

  static func spelling(_ relation: VersionRelation) -> String {
    switch relation {
    case .any: ""
    case .less: "<"
    case .lessEqual: "<="
    case .equal: "="
    case .greaterEqual: ">="
    case .greater: ">"
    case .prefix: "~"
    }
  }
}

extension Constraint {
  /// How apk writes a relation (`<`, `>=`, `~`): for text made without a `Constraint`.
  static func apkSpelling(_ relation: VersionRelation) -> String {
    ApkOperator.spelling(relation)
  }
}
