/// One part of an apk version as apk-tools' tokenizer reads it, and the cursor to the next part.
struct ApkVersionToken {
  /// What a part is; the order matters: at the first differing kind the lower one is newer.
  enum Kind: UInt8, Comparable {
    case initialDigit, digit, letter, suffix, suffixNumber, commitHash, revision, end, invalid

    static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Why a version stopped being valid, kept until a message is asked for.
  enum Problem {
    case empty, leadingDigit, emptyNumber, unexpected, unknownSuffix, emptyHash, revisionMark
    case emptyRevision, invalidCharacter
  }

  /// `_p` and friends sort after a release, `_rc` and below before it.
  static let releaseRank: Int8 = 5

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0
  private(set) var kind = Kind.initialDigit
  /// The part's value as apk reads it: a wrapping 64-bit number, a byte range, a suffix rank.
  private(set) var number: UInt64 = 0
  private(set) var valueStart = 0
  private(set) var valueEnd = 0
  private(set) var suffixRank: Int8 = 0
  private(set) var problem = Problem.empty
  private(set) var problemOffset = 0

  /// The first part of `bytes`, which must be a number.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    readDigits(else: bytes.isEmpty ? .empty : .leadingDigit)
  }

  /// Whether this part is a suffix that sorts before the plain release.
  var isPreRelease: Bool { kind == .suffix && suffixRank < Self.releaseRank }

  /// Moves to the next part, or to `.end`, or to `.invalid` where the grammar breaks.
  mutating func advance() {
    guard position < bytes.count else {
      kind = .end
      return
    }
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"):
      guard kind <= .digit else { return fail(.unexpected, at: position) }
      valueStart = position
      position += 1
      valueEnd = position
      kind = .letter

    case UInt8(ascii: "."):
      guard kind <= .digit else { return fail(.unexpected, at: position) }
      position += 1
      kind = .digit
      readDigits(else: .emptyNumber)

    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      guard kind == .suffix else { return fail(.unexpected, at: position) }
      kind = .suffixNumber
      readDigits(else: .emptyNumber)

    case UInt8(ascii: "_"):
      guard kind <= .suffixNumber else { return fail(.unexpected, at: position) }
      let mark = position
      position += 1
      valueStart = position
      while position < bytes.count, Self.isLowercase(bytes[position]) { position += 1 }
      valueEnd = position
      suffixRank = Self.rank(ofSuffix: bytes, valueStart, valueEnd)
      guard suffixRank != 0 else { return fail(.unknownSuffix, at: mark) }
      kind = .suffix

    case UInt8(ascii: "~"):
      guard kind < .commitHash else { return fail(.unexpected, at: position) }
      let mark = position
      position += 1
      valueStart = position
      while position < bytes.count, Self.isHexDigit(bytes[position]) { position += 1 }
      valueEnd = position
      guard valueEnd > valueStart else { return fail(.emptyHash, at: mark) }
      kind = .commitHash

    case UInt8(ascii: "-"):
      guard kind < .revision else { return fail(.unexpected, at: position) }
      guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "r") else {
        return fail(.revisionMark, at: position)
      }
      position += 2
      kind = .revision
      readDigits(else: .emptyRevision)

    default:
      fail(.invalidCharacter, at: position)
    }
  }

  /// Orders this part against one of the same kind from another version.
  func order(against other: ApkVersionToken) -> Int {
    switch kind {
    case .digit
    where bytes[valueStart] == UInt8(ascii: "0")
      || other.bytes[other.valueStart] == UInt8(ascii: "0"):
      // A leading zero makes apk compare the digits as text, like a fraction.
      return compareValues(other)
    case .initialDigit, .digit, .suffixNumber, .revision:
      return number == other.number ? 0 : (number < other.number ? -1 : 1)
    case .letter:
      let mine = bytes[valueStart]
      let theirs = other.bytes[other.valueStart]
      return mine == theirs ? 0 : (mine < theirs ? -1 : 1)
    case .suffix:
      return suffixRank == other.suffixRank ? 0 : (suffixRank < other.suffixRank ? -1 : 1)
    default:
      return compareValues(other)
    }
  }

  /// The short text naming why the version is invalid; only meaningful once `kind` is `.invalid`.
  var problemText: String {
    switch problem {
    case .empty: return "empty version"
    case .leadingDigit: return "version must start with a digit"
    case .emptyNumber: return "empty number part"
    case .unexpected: return "unexpected \(Self.describe(bytes[problemOffset]))"
    case .unknownSuffix: return "unknown suffix '_\(text(valueStart, valueEnd))'"
    case .emptyHash: return "empty commit hash after '~'"
    case .revisionMark: return "'-' must be followed by 'r' and the revision number"
    case .emptyRevision: return "empty revision number"
    case .invalidCharacter: return "invalid character \(Self.describe(bytes[problemOffset]))"
    }
  }

  private mutating func readDigits(else problem: Problem) {
    let start = position
    var value: UInt64 = 0
    while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 {
      value = value &* 10 &+ UInt64(bytes[position] &- UInt8(ascii: "0"))
      position += 1
    }
    guard position > start else { return fail(problem, at: start) }
    number = value
    valueStart = start
    valueEnd = position
  }

  private mutating func fail(_ problem: Problem, at offset: Int) {
    kind = .invalid
    self.problem = problem
    problemOffset = offset
  }

  private func compareValues(_ other: ApkVersionToken) -> Int {
    ApkVersion.compareBytes(
      bytes, valueStart..<valueEnd, other.bytes, other.valueStart..<other.valueEnd)
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  private static func isLowercase(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "a") < 6
  }

  /// The rank of a suffix name (without `_`), or 0 when apk does not know it.
  private static func rank(ofSuffix bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Int8
  {
    let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
    for (rank, known) in suffixNames.enumerated() where name.elementsEqual(known.utf8) {
      return Int8(rank)
    }
    return 0
  }

  /// Suffix names by rank; the empty names stand for "unknown" and for the release itself.
  private static let suffixNames = [
    "", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p",
  ]

  static func describe(_ byte: UInt8) -> String {
    guard byte >= 0x20, byte < 0x7f else { return "byte 0x\(String(byte, radix: 16))" }
    return "'\(Character(Unicode.Scalar(byte)))'"
  }
}
