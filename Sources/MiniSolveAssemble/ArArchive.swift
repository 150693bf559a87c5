/// One member of a Unix `ar` archive, as `.deb` packages hold their parts.
struct ArMember: Sendable {
  var name: String
  var contents: ArraySlice<UInt8>
}

/// Reads the common `ar` format dpkg writes: a magic line, then 60-byte headers each followed by
/// the member's bytes padded to an even length.
enum ArArchive {
  static let magic = Array("!<arch>\n".utf8)
  static let headerSize = 60

  /// The members in order; the message of an error says what is wrong and where.
  static func members(_ bytes: [UInt8]) throws(AssembleError) -> [ArMember] {
    guard bytes.starts(with: magic) else { throw AssembleError("not an ar archive") }
    var members: [ArMember] = []
    var offset = magic.count
    while offset < bytes.count {
      guard bytes.count - offset >= headerSize else {
        throw AssembleError("ar header at byte \(offset) is truncated")
      }
      let header = bytes[offset..<(offset + headerSize)]
      guard header.suffix(2).elementsEqual("`\n".utf8) else {
        throw AssembleError("ar header at byte \(offset) does not end in its magic")
      }
      // GNU ar ends names with `/`; BSD long names (`#1/...`) are not used by dpkg.
      var name = field(header, 0..<16)
      if name.hasSuffix("/") { name.removeLast() }
      guard let size = Int(field(header, 48..<58)), size >= 0 else {
        throw AssembleError("ar member '\(name)' has an invalid size")
      }

      let start = offset + headerSize
      guard size <= bytes.count - start else {
        throw AssembleError("ar member '\(name)' is truncated")
      }
      members.append(ArMember(name: name, contents: bytes[start..<(start + size)]))
      offset = start + size + size % 2
    }
    return members
  }

  /// A header field's text without the spaces that pad it.
  private static func field(_ header: ArraySlice<UInt8>, _ range: Range<Int>) -> String {
    let bytes = header[
      (header.startIndex + range.lowerBound)..<(header.startIndex + range.upperBound)]
    return String(
      decoding: bytes.reversed().drop { $0 == UInt8(ascii: " ") }.reversed(), as: UTF8.self)
  }
}
