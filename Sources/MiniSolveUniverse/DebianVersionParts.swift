/// A Debian version split as dpkg's parseversion splits it: epoch, upstream and revision.
struct DebianVersionParts {
  /// How the text before the first `:` reads as an epoch, by dpkg's strtol-based rules.
  enum Epoch: Equatable {
    case absent, value(Int), empty, notNumber, negative, tooBig
  }

  /// The bytes after leading blanks, up to the first blank after them.
  let start: Int
  let end: Int
  let epochText: Epoch
  /// The offset of the `:` ending the epoch, when there is one.
  let colon: Int?
  let upstream: Range<Int>
  /// Empty and at `end` when there is no `-`.
  let revision: Range<Int>

  /// The epoch compare uses; 0 when `epochText` is no valid number.
  var epoch: Int {
    if case .value(let value) = epochText, let colon, colon + 1 < end { return value }
    return 0
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var start = 0
    while start < bytes.count, Self.isBlank(bytes[start]) { start += 1 }
    var end = start
    while end < bytes.count, !Self.isBlank(bytes[end]) { end += 1 }
    self.start = start
    self.end = end

    var colon: Int?
    for index in start..<end where bytes[index] == UInt8(ascii: ":") {
      colon = index
      break
    }
    self.colon = colon
    epochText = colon.map { Self.readEpoch(bytes, start, $0) } ?? .absent

    // A text whose epoch dpkg rejects is compared as if it all were the version.
    var versionStart = start
    if case .value = epochText, let colon, colon + 1 < end { versionStart = colon + 1 }
    var hyphen: Int?
    var index = end
    while index > versionStart {
      index -= 1
      if bytes[index] == UInt8(ascii: "-") {
        hyphen = index
        break
      }
    }
    upstream = versionStart..<(hyphen ?? end)
    revision = hyphen.map { ($0 + 1)..<end } ?? end..<end
  }

  /// The first problem dpkg's parseversion finds, with its byte offset; nil when there is none.
  func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> (reason: String, offset: Int)? {
    if start == end { return ("version string is empty", 0) }
    for index in end..<bytes.count where !Self.isBlank(bytes[index]) {
      return ("version string has embedded spaces", end)
    }

    if let colon {
      switch epochText {
      case .empty: return ("epoch in version is empty", start)
      case .notNumber: return ("epoch in version is not number", start)
      case .negative: return ("epoch in version is negative", start)
      case .tooBig: return ("epoch in version is too big", start)
      case .absent, .value: break
      }
      if colon + 1 == end { return ("nothing after colon in version number", colon) }
    }
    if revision.isEmpty, revision.lowerBound > upstream.upperBound {
      return ("revision number is empty", upstream.upperBound)
    }
    if upstream.isEmpty { return ("version number is empty", upstream.lowerBound) }

    // dpkg only warns about an upstream part that does not start with a digit.
    for index in upstream where !Self.isVersionByte(bytes[index], revision: false) {
      return ("invalid character \(describe(bytes[index])) in version number", index)
    }
    for index in revision where !Self.isVersionByte(bytes[index], revision: true) {
      return ("invalid character \(describe(bytes[index])) in revision number", index)
    }
    return nil
  }

  /// strtol's reading of `bytes[start..<colon]`, then dpkg's checks on the number.
  private static func readEpoch(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ colon: Int)
    -> Epoch
  {
    var index = start
    while index < colon, isSpace(bytes[index]) { index += 1 }
    var negative = false
    if index < colon, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    let digitsStart = index
    var value = 0
    while index < colon, bytes[index] &- UInt8(ascii: "0") < 10 {
      // Saturates past Int32.max: dpkg only needs to know that it is too big.
      value = min(value * 10 + Int(bytes[index] &- UInt8(ascii: "0")), Int(Int32.max) + 1)
      index += 1
    }
    if index == digitsStart { return .empty }
    if index != colon { return .notNumber }
    if negative, value != 0 { return .negative }
    if value > Int(Int32.max) { return .tooBig }
    return .value(value)
  }

  private func describe(_ byte: UInt8) -> String { ApkVersionToken.describe(byte) }

  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// C's isspace: blank, newline, vertical tab, form feed, carriage return.
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
  }

  private static func isVersionByte(_ byte: UInt8, revision: Bool) -> Bool {
    if isAlphanumeric(byte) { return true }
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "~"): return true
    case UInt8(ascii: "-"), UInt8(ascii: ":"): return !revision
    default: return false
    }
  }
}
