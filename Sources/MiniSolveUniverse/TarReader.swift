/// One member of a tar archive; pax and GNU long-name headers are applied, not returned.
public struct TarEntry: Sendable {
  /// The member's path inside the archive.
  public var name: String
  /// The tar typeflag: `0` (or NUL) regular file, `5` folder, `2` symbolic link, and so on.
  public var type: UInt8
  /// The target of a link; empty for other members.
  public var linkName: String
  /// The member's data, a slice of the archive's bytes.
  public var contents: ArraySlice<UInt8>
  /// The permission bits with set-id and sticky bits (`0o4755`), without the file type.
  public var mode: Int
  /// The numeric owner and group; names in the header are not read.
  public var uid: Int
  public var gid: Int

  public init(
    name: String, type: UInt8, linkName: String = "", contents: ArraySlice<UInt8>,
    mode: Int = 0o644, uid: Int = 0, gid: Int = 0
  ) {
    self.name = name
    self.type = type
    self.linkName = linkName
    self.contents = contents
    self.mode = mode
    self.uid = uid
    self.gid = gid
  }

  /// Whether the member is a regular file.
  public var isRegularFile: Bool { type == UInt8(ascii: "0") || type == 0 }
}

/// Reads the members of an uncompressed tar archive held in memory.
public enum TarReader {
  private static let blockSize = 512

  /// The members of a ustar, GNU or pax archive in order; a zero block or the end of data ends it.
  public static func entries(_ bytes: [UInt8]) throws -> [TarEntry] {
    var entries: [TarEntry] = []
    var offset = 0
    var pending = Overrides()
    while offset < bytes.count {
      let header = bytes[offset..<min(offset + blockSize, bytes.count)]
      if header.allSatisfy({ $0 == 0 }) { break }
      guard header.count == blockSize else {
        throw InputError("tar header at byte \(offset) is truncated")
      }
      try verifyChecksum(header, at: offset)

      let type = header[header.startIndex + 156]
      let describesNext = Array("xgLK".utf8).contains(type)
      let overrides = describesNext ? Overrides() : pending
      let name = overrides.name ?? headerName(header)
      // Links, devices, folders and FIFOs carry no data, whatever their size field says.
      let hasData = !(UInt8(ascii: "1")...UInt8(ascii: "6")).contains(type)
      let size = hasData ? try overrides.size ?? number(header, field: 124..<136, entry: name) : 0

      let start = offset + blockSize
      guard size <= bytes.count - start else {
        throw InputError("tar entry '\(name)' is truncated")
      }
      let contents = bytes[start..<(start + size)]
      offset = start + (size + blockSize - 1) / blockSize * blockSize

      switch type {
      case UInt8(ascii: "x"): pending.apply(paxRecords: contents)
      case UInt8(ascii: "g"): continue
      case UInt8(ascii: "L"): pending.name = text(contents)
      case UInt8(ascii: "K"): pending.linkName = text(contents)
      default:
        // TODO(compat): GNU sparse members (`S`) come back as their stored, compacted data.
        let linkName = overrides.linkName ?? text(header[field: 157..<257])
        let mode = try number(header, field: 100..<108, entry: name) & 0o7777
        let uid = try overrides.uid ?? number(header, field: 108..<116, entry: name)
        let gid = try overrides.gid ?? number(header, field: 116..<124, entry: name)
        entries.append(
          TarEntry(
            name: name, type: type, linkName: linkName, contents: contents, mode: mode, uid: uid,
            gid: gid))
        pending = Overrides()
      }
    }
    return entries
  }

  /// Fields that pax or GNU headers set for the member after them.
  private struct Overrides {
    var name: String?
    var linkName: String?
    var size: Int?
    var uid: Int?
    var gid: Int?

    /// Applies `path`, `linkpath`, `size`, `uid` and `gid` from pax records, each
    /// `"<length> <key>=<value>\n"`.
    mutating func apply(paxRecords: ArraySlice<UInt8>) {
      var rest = paxRecords
      while let space = rest.firstIndex(of: UInt8(ascii: " ")),
        let length = Int(text(rest[rest.startIndex..<space])),
        length >= space - rest.startIndex + 2, length <= rest.count
      {
        let record = rest[(space + 1)..<(rest.startIndex + length - 1)]
        rest = rest[(rest.startIndex + length)...]
        guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else { continue }
        let value = record[(equals + 1)...]
        switch text(record[..<equals]) {
        case "path": name = String(decoding: value, as: UTF8.self)
        case "linkpath": linkName = String(decoding: value, as: UTF8.self)
        case "size": size = Self.count(value) ?? size
        case "uid": uid = Self.count(value) ?? uid
        case "gid": gid = Self.count(value) ?? gid
        default: break
        }
      }
    }

    /// A record's decimal value when it is a count (not negative).
    private static func count(_ value: ArraySlice<UInt8>) -> Int? {
      Int(text(value)).flatMap { $0 >= 0 ? $0 : nil }
    }
  }

  /// The member's name: ustar's prefix joined to the name field; GNU headers have no prefix.
  private static func headerName(_ header: ArraySlice<UInt8>) -> String {
    let name = text(header[field: 0..<100])
    let isUstar = header[field: 257..<263].elementsEqual("ustar\0".utf8)
    let prefix = isUstar ? text(header[field: 345..<500]) : ""
    return prefix.isEmpty ? name : prefix + "/" + name
  }

  /// Checks the header sum, counting the checksum field as spaces; old tars summed signed bytes.
  private static func verifyChecksum(_ header: ArraySlice<UInt8>, at offset: Int) throws {
    var unsigned = 0
    var signed = 0
    for (index, byte) in zip(0..., header) {
      let value = (148..<156).contains(index) ? UInt8(ascii: " ") : byte
      unsigned += Int(value)
      signed += Int(Int8(bitPattern: value))
    }
    let recorded = try? number(header, field: 148..<156, entry: "")
    guard recorded == unsigned || recorded == signed else {
      throw InputError("tar header at byte \(offset) has a bad checksum")
    }
  }

  /// A numeric field: octal digits padded with spaces or NULs, or GNU base-256 (high bit set).
  private static func number(_ header: ArraySlice<UInt8>, field: Range<Int>, entry: String)
    throws -> Int
  {
    let bytes = header[field: field]
    let invalid = InputError("tar entry '\(entry)' has an invalid number in its header")
    if let first = bytes.first, first & 0x80 != 0 {
      // Base-256: the low seven bits of the first byte, then the others, big-endian.
      guard first & 0x40 == 0 else { throw invalid }
      var value = Int(first & 0x3f)
      for byte in bytes.dropFirst() {
        guard value <= Int.max >> 8 else { throw invalid }
        value = value << 8 | Int(byte)
      }
      return value
    }
    let trimmed = bytes.drop { $0 == UInt8(ascii: " ") }.prefix { $0 != 0 && $0 != 32 }
    var value = 0
    for digit in trimmed {
      guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit), value < Int.max >> 3 else {
        throw invalid
      }
      value = value << 3 | Int(digit - UInt8(ascii: "0"))
    }
    return value
  }

  /// The text of a field or record up to its first NUL.
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
  }
}

extension ArraySlice where Element == UInt8 {
  /// The bytes of a header field given by its offsets within a 512-byte header.
  fileprivate subscript(field field: Range<Int>) -> ArraySlice<UInt8> {
    self[(startIndex + field.lowerBound)..<(startIndex + field.upperBound)]
  }
}
