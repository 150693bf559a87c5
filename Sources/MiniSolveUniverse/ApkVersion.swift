/// apk-tools' version scheme: `1.2.3a_rc1_p2~c0ffee-r4`, compared part by part as apk does.
public enum ApkVersion {
  /// Orders two apk versions: negative, zero or positive.
  public static func compare(_ lhs: String, _ rhs: String) -> Int {
    withBytes(lhs) { left in withBytes(rhs) { right in compare(left, right) } }
  }

  /// Orders two apk versions given as UTF-8 bytes: negative, zero or positive.
  public static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    compare(lhs, rhs, fuzzy: false)
  }

  /// Why `text` is not an apk version, or nil when it is one.
  public static func problem(in text: String) -> String? {
    withBytes(text) { bytes in
      problemDetail(bytes).map { detail in
        "invalid apk version '\(text)': \(detail.reason) at offset \(detail.offset)"
      }
    }
  }

  /// Whether `version` is `prefix` or continues it with more parts (apk's `~1.2`).
  public static func hasPrefix(_ version: String, _ prefix: String) -> Bool {
    withBytes(version) { left in withBytes(prefix) { right in compare(left, right, fuzzy: true) } }
      == 0
  }

  /// The first problem of `bytes` as a version: what it is and the byte offset it is at.
  static func problemDetail(_ bytes: UnsafeBufferPointer<UInt8>) -> (reason: String, offset: Int)? {
    var token = ApkVersionToken(bytes)
    while token.kind < .end { token.advance() }
    guard token.kind == .invalid else { return nil }
    return (token.problemText, token.problemOffset)
  }

  /// apk-tools' comparison; `fuzzy` makes a right side that ends early match any continuation.
  static func compare(
    _ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>, fuzzy: Bool
  ) -> Int {
    var left = ApkVersionToken(lhs)
    var right = ApkVersionToken(rhs)
    while left.kind == right.kind, left.kind < .end {
      let order = left.order(against: right)
      if order != 0 { return order }
      left.advance()
      right.advance()
    }

    if left.kind == right.kind {
      // apk calls versions that break at the same part equal; their bytes order them instead.
      return left.kind == .invalid ? compareBytes(lhs, 0..<lhs.count, rhs, 0..<rhs.count) : 0
    }
    if fuzzy, right.kind == .end { return 0 }

    // The longer version is newer, unless what it goes on with is a pre-release suffix.
    if left.isPreRelease { return -1 }
    if right.isPreRelease { return 1 }
    return left.kind > right.kind ? -1 : 1
  }

  /// Byte-wise order of two ranges, a shorter one first when it is a prefix (apk's blob sort).
  static func compareBytes(
    _ lhs: UnsafeBufferPointer<UInt8>, _ lhsRange: Range<Int>,
    _ rhs: UnsafeBufferPointer<UInt8>, _ rhsRange: Range<Int>
  ) -> Int {
    var left = lhsRange.lowerBound
    var right = rhsRange.lowerBound
    while left < lhsRange.upperBound, right < rhsRange.upperBound {
      if lhs[left] != rhs[right] { return lhs[left] < rhs[right] ? -1 : 1 }
      left += 1
      right += 1
    }
    let leftCount = lhsRange.count
    let rightCount = rhsRange.count
    return leftCount == rightCount ? 0 : (leftCount < rightCount ? -1 : 1)
  }

  /// Runs `body` on the UTF-8 bytes of `text`, without copying a native string.
  @inline(__always)
  static func withBytes<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    // withUTF8 on a copy costs a retain; the utf8 view's contiguous access measured 9x slower.
    var copy = text
    return try copy.withUTF8(body)
  }
}
