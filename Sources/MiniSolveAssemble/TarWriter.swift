/// Writes tar archives that depend only on their entries: ustar headers, pax records where a
/// name, link or number does not fit (or a name is not ASCII), entries sorted by path bytes,
/// one modification time for all, numeric owners and no user or group names.
public enum TarWriter {
  static let blockSize = 512

  /// The archive of `entries`, every one stamped with `mtime` (seconds since 1970). A hardlink
  /// must follow the file it shares, so when a link sorts before its file the first path of
  /// the group carries the data and the others link to it.
  public static func archive(_ entries: [TreeEntry], mtime: Int) throws(AssembleError) -> [UInt8] {
    let sorted = try linksAfterTheirFiles(
      entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
    var output: [UInt8] = []
    output.reserveCapacity(sorted.reduce(2 * blockSize) { $0 + 3 * blockSize + $1.contents.count })
    for entry in sorted {
      let name = entry.kind == .directory ? entry.path + "/" : entry.path
      append(
        name: name, type: typeFlag(entry.kind), mode: entry.mode, uid: entry.uid, gid: entry.gid,
        linkName: entry.linkTarget, contents: entry.contents, mtime: mtime, to: &output)
    }
    output += [UInt8](repeating: 0, count: 2 * blockSize)
    return output
  }

  /// The tar type flag of a kind of entry.
  private static func typeFlag(_ kind: TreeEntry.Kind) -> UInt8 {
    switch kind {
    case .file: UInt8(ascii: "0")
    case .hardlink: UInt8(ascii: "1")
    case .symlink: UInt8(ascii: "2")
    case .directory: UInt8(ascii: "5")
    case .fifo: UInt8(ascii: "6")
    }
  }

  /// Sorted entries with every hardlink group led by its first path; a duplicate path or a
  /// hardlink to anything but a file of the list is an error.
  private static func linksAfterTheirFiles(_ entries: [TreeEntry]) throws(AssembleError)
    -> [TreeEntry]
  {
    var index: [String: Int] = [:]
    for (position, entry) in entries.enumerated() {
      guard index.updateValue(position, forKey: entry.path) == nil else {
        throw AssembleError("the layer lists '\(entry.path)' twice")
      }
    }
    var firstLink: [String: Int] = [:]
    for (position, entry) in entries.enumerated() where entry.kind == .hardlink {
      guard let target = index[entry.linkTarget], entries[target].kind == .file else {
        throw AssembleError(
          "hard link '\(entry.path)' names '\(entry.linkTarget)', which is not a file")
      }
      if position < target && firstLink[entry.linkTarget] == nil {
        firstLink[entry.linkTarget] = position
      }
    }

    var result = entries
    for (file, leader) in firstLink {
      guard let fileIndex = index[file] else { continue }
      let leaderPath = entries[leader].path
      result[leader] = entries[fileIndex]
      result[leader].path = leaderPath
      for position in result.indices
      where result[position].kind == .hardlink && result[position].linkTarget == file {
        result[position].linkTarget = leaderPath
      }
      result[fileIndex] = entries[fileIndex]
      result[fileIndex].kind = .hardlink
      result[fileIndex].linkTarget = leaderPath
      result[fileIndex].contents = []
    }
    return result
  }

  /// Appends one member: a pax header first when the fields need one, then the ustar header,
  /// then the data padded to a whole block.
  static func append(
    name: String, type: UInt8, mode: Int, uid: Int, gid: Int, linkName: String,
    contents: ArraySlice<UInt8>, mtime: Int, to output: inout [UInt8]
  ) {
    var records: [(String, String)] = []
    if name.utf8.count > 100 || !isASCII(name) { records.append(("path", name)) }
    if linkName.utf8.count > 100 || !isASCII(linkName) { records.append(("linkpath", linkName)) }
    if !fits(uid, 8) { records.append(("uid", String(uid))) }
    if !fits(gid, 8) { records.append(("gid", String(gid))) }
    if !fits(contents.count, 12) { records.append(("size", String(contents.count))) }

    if !records.isEmpty {
      let pax = paxRecords(records)
      let paxName = "PaxHeaders/" + String(asciiPrefix(name.split(separator: "/").last ?? "", 89))
      output += header(
        name: paxName, type: UInt8(ascii: "x"), mode: 0o644, uid: 0, gid: 0, size: pax.count,
        linkName: "", mtime: mtime)
      appendPadded(pax[...], to: &output)
    }
    output += header(
      name: asciiPrefix(name, 100), type: type, mode: mode, uid: fits(uid, 8) ? uid : 0,
      gid: fits(gid, 8) ? gid : 0, size: fits(contents.count, 12) ? contents.count : 0,
      linkName: asciiPrefix(linkName, 100), mtime: mtime)
    appendPadded(contents, to: &output)
  }

  /// A 512-byte ustar header; every field must already fit.
  private static func header(
    name: String, type: UInt8, mode: Int, uid: Int, gid: Int, size: Int, linkName: String,
    mtime: Int
  ) -> [UInt8] {
    var block = [UInt8](repeating: 0, count: blockSize)
    func put(_ bytes: some Sequence<UInt8>, at offset: Int) {
      for (position, byte) in zip(offset..., bytes) { block[position] = byte }
    }
    put(name.utf8, at: 0)
    put(octal(mode & 0o7777, 8), at: 100)
    put(octal(uid, 8), at: 108)
    put(octal(gid, 8), at: 116)
    put(octal(size, 12), at: 124)
    put(octal(max(0, min(mtime, 0o77777777777)), 12), at: 136)
    block[156] = type
    put(linkName.utf8, at: 157)
    put("ustar\u{0}00".utf8, at: 257)

    // The checksum counts its own field as spaces and is written as six digits, NUL, space.
    put([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148)
    let sum = block.reduce(0) { $0 + Int($1) }
    put(octal(sum, 7) + [UInt8(ascii: " ")], at: 148)
    return block
  }

  /// pax records `"<length> <key>=<value>\n"`, where the length counts its own digits.
  private static func paxRecords(_ records: [(String, String)]) -> [UInt8] {
    var bytes: [UInt8] = []
    for (key, value) in records {
      let body = " \(key)=\(value)\n"
      var length = body.utf8.count + 1
      while String(length).utf8.count + body.utf8.count > length { length += 1 }
      bytes += Array((String(length) + body).utf8)
    }
    return bytes
  }

  /// `value` as zero-padded octal digits filling a field of `width` bytes, NUL last.
  private static func octal(_ value: Int, _ width: Int) -> [UInt8] {
    let digits = Array(String(value, radix: 8).utf8)
    return [UInt8](repeating: UInt8(ascii: "0"), count: width - 1 - digits.count) + digits + [0]
  }

  /// Whether `value` fits a field of `width` bytes as octal digits and a NUL.
  private static func fits(_ value: Int, _ width: Int) -> Bool {
    value >= 0 && String(value, radix: 8).utf8.count <= width - 1
  }

  private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

  /// The text cut to `limit` bytes with anything outside printable ASCII as `_`: the ustar
  /// field of a member whose whole name travels in a pax record.
  private static func asciiPrefix(_ text: some StringProtocol, _ limit: Int) -> String {
    String(
      decoding: text.utf8.prefix(limit).map { (0x20..<0x7f).contains($0) ? $0 : 0x5f },
      as: UTF8.self)
  }

  private static func appendPadded(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
    output += bytes
    output += [UInt8](repeating: 0, count: (blockSize - bytes.count % blockSize) % blockSize)
  }
}
