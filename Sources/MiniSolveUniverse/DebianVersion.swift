/// dpkg's version scheme: `[epoch:]upstream[-revision]`, with `~` sorting before everything.
public enum DebianVersion {
  /// Orders two Debian versions: negative, zero or positive.
  public static func compare(_ lhs: String, _ rhs: String) -> Int {
    ApkVersion.withBytes(lhs) { left in ApkVersion.withBytes(rhs) { right in compare(left, right) }
    }
  }

  /// Orders two Debian versions given as UTF-8 bytes: negative, zero or positive.
  public static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    let left = DebianVersionParts(lhs)
    let right = DebianVersionParts(rhs)
    if left.epoch != right.epoch { return left.epoch < right.epoch ? -1 : 1 }
    var order = compareFragments(lhs, left.upstream, rhs, right.upstream)
    if order == 0 { order = compareFragments(lhs, left.revision, rhs, right.revision) }
    if order != 0 { return order }

    // Equal as dpkg reads them: valid ones stay tied, invalid ones go after them by their bytes.
    let sameBytes = ApkVersion.compareBytes(lhs, 0..<lhs.count, rhs, 0..<rhs.count)
    if sameBytes == 0 { return 0 }
    let leftValid = DebianVersionParts.problem(lhs) == nil
    let rightValid = DebianVersionParts.problem(rhs) == nil
    if leftValid, rightValid { return 0 }
    if leftValid != rightValid { return leftValid ? -1 : 1 }
    return sameBytes
  }

  /// Why `text` is not a Debian version, or nil when it is one.
  public static func problem(in text: String) -> String? {
    ApkVersion.withBytes(text) { bytes in
      problemDetail(bytes).map { detail in
        "invalid debian version '\(text)': \(detail.reason) at offset \(detail.offset)"
      }
    }
  }

  /// The first problem of `bytes` as a version: what it is and the byte offset it is at.
  static func problemDetail(_ bytes: UnsafeBufferPointer<UInt8>) -> (reason: String, offset: Int)? {
    DebianVersionParts.problem(bytes)
  }

  /// dpkg's verrevcmp: non-digit runs by `order(of:)`, digit runs by numeric value.
  static func compareFragments(
    _ lhs: UnsafeBufferPointer<UInt8>, _ lhsRange: Range<Int>,
    _ rhs: UnsafeBufferPointer<UInt8>, _ rhsRange: Range<Int>
  ) -> Int {
    var left = lhsRange.lowerBound
    var right = rhsRange.lowerBound
    let leftEnd = lhsRange.upperBound
    let rightEnd = rhsRange.upperBound
    while left < leftEnd || right < rightEnd {
      while (left < leftEnd && !isDigit(lhs[left])) || (right < rightEnd && !isDigit(rhs[right])) {
        let leftOrder = left < leftEnd ? order(of: lhs[left]) : 0
        let rightOrder = right < rightEnd ? order(of: rhs[right]) : 0
        if leftOrder != rightOrder { return leftOrder < rightOrder ? -1 : 1 }
        left += 1
        right += 1
      }

      // Digit runs of any length: skip leading zeros, then the longer run or first difference wins.
      while left < leftEnd, lhs[left] == UInt8(ascii: "0") { left += 1 }
      while right < rightEnd, rhs[right] == UInt8(ascii: "0") { right += 1 }
      var firstDifference = 0
      while left < leftEnd, right < rightEnd, isDigit(lhs[left]), isDigit(rhs[right]) {
        if firstDifference == 0 { firstDifference = Int(lhs[left]) - Int(rhs[right]) }
        left += 1
        right += 1
      }
      if left < leftEnd, isDigit(lhs[left]) { return 1 }
      if right < rightEnd, isDigit(rhs[right]) { return -1 }
      if firstDifference != 0 { return firstDifference < 0 ? -1 : 1 }
    }
    return 0
  }

  /// dpkg's character weight: `~` lowest, then end of text and digits, letters, everything else.
  @inline(__always)
  static func order(of byte: UInt8) -> Int {
    if isDigit(byte) { return 0 }
    if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return Int(byte) }
    if byte == UInt8(ascii: "~") { return -1 }
    if byte == 0 { return 0 }
    // dpkg adds 256 to a signed char, so bytes of 0x80 and up land between letters and symbols.
    return byte >= 0x80 ? Int(byte) : Int(byte) + 256
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
