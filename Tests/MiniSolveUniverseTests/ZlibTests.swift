import Testing

@testable import MiniSolveUniverse

/// gzip fixtures are made by the `gzip` tool, so zlib is checked against an independent writer.
@Suite struct ZlibTests {
  @Test func gunzipReadsWhatGzipWrote() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 700_000)
    try folder.write("index", text)
    try folder.run("gzip", "-9", "index")

    #expect(try Zlib.gunzip(folder.read("index.gz")) == text)
  }

  @Test func emptyMember() throws {
    let folder = try FixtureFolder()
    try folder.write("empty", [])
    let compressed = try folder.run("gzip", "-c", "empty")

    #expect(try Zlib.gunzip(compressed) == [])
    #expect(try Zlib.gunzipMembers(compressed) == [[]])
  }

  @Test func membersAreJoinedOrKeptApart() throws {
    let folder = try FixtureFolder()
    let signature = Array("signature bytes\n".utf8)
    let index = sampleText(size: 300_000)
    try folder.write("signature", signature)
    try folder.write("index", index)
    try folder.run("gzip", "-n", "signature", "index")
    let joined = try folder.read("signature.gz") + folder.read("index.gz")

    #expect(try Zlib.gunzip(joined) == signature + index)
    #expect(try Zlib.gunzipMembers(joined) == [signature, index])
  }

  @Test func membersKnowWhereTheyLie() throws {
    let folder = try FixtureFolder()
    try folder.write("first", Array("first\n".utf8))
    try folder.write("second", sampleText(size: 70_000))
    try folder.run("gzip", "-n", "first", "second")
    let first = try folder.read("first.gz")
    let joined = try first + folder.read("second.gz")
    let members = try Zlib.members(joined)

    #expect(members.map(\.compressed) == [0..<first.count, first.count..<joined.count])
    #expect(members.map(\.contents) == [Array("first\n".utf8), sampleText(size: 70_000)])
  }

  /// What zlib writes, `gzip -d` reads; the header has no name and no time.
  @Test func gzipWritesWhatGzipReads() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 600_000)
    let compressed = try Zlib.gzip(text)
    try folder.write("text.gz", compressed)

    #expect(try folder.run("gzip", "-dc", "text.gz") == text)
    #expect(Array(compressed.prefix(8)) == [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0])
    #expect(try Zlib.gzip(text) == compressed)
    #expect(try Zlib.gunzip(Zlib.gzip([])) == [])
  }

  @Test func trailingZerosAreIgnoredAndOtherBytesRefused() throws {
    let folder = try FixtureFolder()
    try folder.write("text", Array("hello\n".utf8))
    let compressed = try folder.run("gzip", "-c", "text")

    #expect(try Zlib.gunzip(compressed + [0, 0, 0, 0]) == Array("hello\n".utf8))
    let garbage = "gzip data has 3 bytes of trailing garbage at byte \(compressed.count)"
    #expect(throws: InputError(garbage)) { try Zlib.gunzip(compressed + Array("abc".utf8)) }
  }

  @Test func truncatedDataThrows() throws {
    let folder = try FixtureFolder()
    try folder.write("index", sampleText(size: 200_000))
    let compressed = try folder.run("gzip", "-c", "index")
    let truncated = InputError("gzip data is truncated")

    #expect(throws: truncated) { try Zlib.gunzip(Array(compressed.prefix(compressed.count / 2))) }
    #expect(throws: truncated) { try Zlib.gunzip(Array(compressed.dropLast(4))) }
    #expect(throws: truncated) { try Zlib.gunzip(Array(compressed.prefix(5))) }
    #expect(throws: truncated) { try Zlib.gunzip([]) }
  }

  @Test func corruptDataThrows() throws {
    let folder = try FixtureFolder()
    try folder.write("index", sampleText(size: 200_000))
    var compressed = try folder.run("gzip", "-c", "index")

    // The CRC-32 in the trailer no longer matches the data.
    var badCheck = compressed
    badCheck[badCheck.count - 6] ^= 0xff
    #expect(throws: InputError("gzip data is corrupt (Z_DATA_ERROR: incorrect data check)")) {
      try Zlib.gunzip(badCheck)
    }

    compressed[compressed.count / 2] ^= 0x55
    let error = #expect(throws: InputError.self) { try Zlib.gunzip(compressed) }
    #expect(error?.message.hasPrefix("gzip data is corrupt (Z_DATA_ERROR: ") == true)

    #expect(throws: InputError("gzip data is corrupt (Z_DATA_ERROR: incorrect header check)")) {
      try Zlib.gunzip([0x1f, 0x8c, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }
  }

  @Test func outputBeyondTheLimitThrows() throws {
    let folder = try FixtureFolder()
    let index = sampleText(size: 600_000)
    try folder.write("index", index)
    let compressed = try folder.run("gzip", "-c", "index")
    let joined = compressed + compressed

    #expect(try Zlib.gunzip(compressed, limit: index.count) == index)
    #expect(throws: InputError("decompressed data exceeds the 599999 bytes limit")) {
      try Zlib.gunzip(compressed, limit: index.count - 1)
    }
    #expect(throws: InputError("decompressed data exceeds the 1199999 bytes limit")) {
      try Zlib.gunzipMembers(joined, limit: 2 * index.count - 1)
    }
    #expect(try Zlib.gunzipMembers(joined, limit: 2 * index.count) == [index, index])
  }
}
