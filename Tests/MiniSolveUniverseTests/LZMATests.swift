import Testing

@testable import MiniSolveUniverse

/// xz fixtures are made by the `xz` tool, so liblzma is checked against an independent writer.
@Suite struct LZMATests {
  @Test func unxzReadsWhatXzWrote() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 700_000)
    try folder.write("index", text)
    try folder.run("xz", "-6", "index")

    #expect(try LZMA.unxz(folder.read("index.xz")) == text)
  }

  /// What liblzma writes, the `xz` tool reads.
  @Test func xzWritesWhatXzReads() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 300_000)
    try folder.write("text.xz", try LZMA.xz(text))

    #expect(try folder.run("xz", "-dc", "text.xz") == text)
    #expect(try LZMA.unxz(LZMA.xz([])) == [])
  }

  @Test func manyBlocksAndEveryCheck() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 400_000)
    try folder.write("index", text)
    for check in ["none", "crc32", "crc64", "sha256"] {
      let compressed = try folder.run("xz", "-c", "--block-size=65536", "--check=\(check)", "index")
      #expect(try LZMA.unxz(compressed) == text, "check \(check)")
    }
  }

  @Test func emptyStream() throws {
    let folder = try FixtureFolder()
    try folder.write("empty", [])

    #expect(try LZMA.unxz(folder.run("xz", "-c", "empty")) == [])
  }

  @Test func concatenatedStreamsAndPadding() throws {
    let folder = try FixtureFolder()
    let first = sampleText(size: 1000, seed: 1)
    let second = sampleText(size: 300_000, seed: 2)
    try folder.write("first", first)
    try folder.write("second", second)
    try folder.run("xz", "first", "second")
    let joined = try folder.read("first.xz") + [0, 0, 0, 0] + folder.read("second.xz")

    #expect(try LZMA.unxz(joined) == first + second)
    #expect(try LZMA.unxz(joined + [0, 0, 0, 0, 0, 0, 0, 0]) == first + second)
  }

  @Test func truncatedDataThrows() throws {
    let folder = try FixtureFolder()
    try folder.write("index", sampleText(size: 200_000))
    let compressed = try folder.run("xz", "-c", "index")
    let truncated = InputError("xz data is truncated")

    #expect(throws: truncated) { try LZMA.unxz(Array(compressed.prefix(compressed.count / 2))) }
    #expect(throws: truncated) { try LZMA.unxz(Array(compressed.dropLast(1))) }
    #expect(throws: truncated) { try LZMA.unxz(Array(compressed.prefix(6))) }
    #expect(throws: truncated) { try LZMA.unxz([]) }
  }

  @Test func corruptDataThrows() throws {
    let folder = try FixtureFolder()
    try folder.write("index", sampleText(size: 200_000))
    var compressed = try folder.run("xz", "-c", "index")
    compressed[compressed.count / 2] ^= 0x55

    #expect(throws: InputError("xz data is corrupt (LZMA_DATA_ERROR)")) {
      try LZMA.unxz(compressed)
    }
    #expect(throws: InputError("xz data is not in the xz format (LZMA_FORMAT_ERROR)")) {
      try LZMA.unxz(Array("not xz at all, just text".utf8))
    }
  }

  @Test func outputBeyondTheLimitThrows() throws {
    let folder = try FixtureFolder()
    let index = sampleText(size: 600_000)
    try folder.write("index", index)
    let compressed = try folder.run("xz", "-c", "index")

    #expect(try LZMA.unxz(compressed, limit: index.count) == index)
    #expect(throws: InputError("decompressed data exceeds the 599999 bytes limit")) {
      try LZMA.unxz(compressed, limit: index.count - 1)
    }
    #expect(throws: InputError("decompressed data exceeds the 1199999 bytes limit")) {
      try LZMA.unxz(compressed + compressed, limit: 2 * index.count - 1)
    }
  }
}
