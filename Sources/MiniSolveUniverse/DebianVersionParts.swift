/// A Debian version split as dpkg's parseversion splits it: epoch, upstream and revision.
struct DebianVersionParts {
  /// How the text before the first `:` reads as an epoch, by dpkg's strtol-based rules.
  enum Epoch: Equatable {
    case value(Int), empty, notNumber, negative, tooBig
  }

  /// 0 when there is none, and when dpkg would reject it.
  let epoch: Int
  let upstream: Range<Int>
  /// Empty and at the end when there is no `-`.
  let revision: Range<Int>

  /// Splits `bytes` for comparison; a text whose epoch dpkg rejects counts as all version.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    var start = 0
    while start < bytes.count, Self.isBlank(bytes[start]) { start += 1 }
    var end = bytes.count
    while end > start, Self.isBlank(bytes[end - 1]) { end -= 1 }

    // A valid epoch is digits then `:`; only a sign or space in front needs strtol's full reading.
    var epoch = 0
    var versionStart = start
    if start < end, !DebianVersion.isDigit(bytes[start]) {
      let first = bytes[start]
      if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || Self.isSpace(first),
        let colon = Self.firstColon(bytes, start, end), colon + 1 < end,
        case .value(let value) = Self.readEpoch(bytes, start, colon)
      {
        (epoch, versionStart) = (value, colon + 1)
      }
    } else {
      var index = start
      while index < end, DebianVersion.isDigit(bytes[index]) { index += 1 }
      if index < end, bytes[index] == UInt8(ascii: ":"), index + 1 < end,
        case .value(let value) = Self.readEpoch(bytes, start, index)
      {
        (epoch, versionStart) = (value, index + 1)
      }
    }
    self.epoch = epoch

    var hyphen = end
    while hyphen > versionStart, bytes[hyphen - 1] != UInt8(ascii: "-") { hyphen -= 1 }
    if hyphen > versionStart {
      upstream = versionStart..<(hyphen - 1)
      revision = hyphen..<end
    } else {
      upstream = versionStart..<end
      revision = end..<end
    }
  }

  /// The first problem dpkg's parseversion finds, with its byte offset; nil when there is none.
  static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> (reason: String, offset: Int)? {
    var start = 0
    while start < bytes.count, isBlank(bytes[start]) { start += 1 }
    var end = start
    while end < bytes.count, !isBlank(bytes[end]) { end += 1 }
    if start == end { return ("version string is empty", 0) }
    for index in end..<bytes.count where !isBlank(bytes[index]) {
      return ("version string has embedded spaces", end)
    }

    var versionStart = start
    if let colon = firstColon(bytes, start, end) {
      switch readEpoch(bytes, start, colon) {
      case .empty: return ("epoch in version is empty", start)
      case .notNumber: return ("epoch in version is not number", start)
      case .negative: return ("epoch in version is negative", start)
      case .tooBig: return ("epoch in version is too big", start)
      case .value: break
      }
      if colon + 1 == end { return ("nothing after colon in version number", colon) }
      versionStart = colon + 1
    }
    var upstreamEnd = end
    while upstreamEnd > versionStart, bytes[upstreamEnd - 1] != UInt8(ascii: "-") {
      upstreamEnd -= 1
    }
    let hasRevision = upstreamEnd > versionStart
    if hasRevision {
      if upstreamEnd == end { return ("revision number is empty", upstreamEnd - 1) }
      upstreamEnd -= 1
    } else {
      upstreamEnd = end
    }
    if upstreamEnd == versionStart { return ("version number is empty", versionStart) }

    // dpkg only warns about an upstream part that does not start with a digit.
    for index in versionStart..<upstreamEnd where !isVersionByte(bytes[index], revision: false) {
      return ("invalid character \(describe(bytes[index])) in version number", index)
    }
    let revisionStart = hasRevision ? upstreamEnd + 1 : end
    for index in revisionStart..<end where !isVersionByte(bytes[index], revision: true) {
      return ("invalid character \(describe(bytes[index])) in revision number", index)
    }
    return nil
  }

  private static func firstColon(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Int?
  {
    var index = start
    while index < end, bytes[index] != UInt8(ascii: ":") { index += 1 }
    return index < end ? index : nil
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
    while index < colon, DebianVersion.isDigit(bytes[index]) {
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

  private static func describe(_ byte: UInt8) -> String { ApkVersionToken.describe(byte) }

  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// C's isspace: blank, newline, vertical tab, form feed, carriage return.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) }

  @inline(__always)
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
