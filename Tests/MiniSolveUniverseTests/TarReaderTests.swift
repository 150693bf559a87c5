import Testing

@testable import MiniSolveUniverse

/// Archives are made by GNU tar in each of its formats, so the reader meets a real writer.
@Suite struct TarReaderTests {
  private let longName = "folder/" + String(repeating: "long-name-", count: 12) + "end.txt"
  private let longTarget = String(repeating: "target/", count: 20) + "file"

  /// A folder holding a short file, a file with a name over 100 bytes, and a long symbolic link.
  private func tree() throws -> FixtureFolder {
    let folder = try FixtureFolder()
    try folder.write("short.txt", Array("short\n".utf8))
    try folder.write(longName, sampleText(size: 1300))
    try folder.run("ln", "-s", longTarget, "link")
    return folder
  }

  /// Makes an archive of the tree in `format` with GNU tar; returns its bytes.
  private func archive(_ folder: FixtureFolder, format: String) throws -> [UInt8] {
    try folder.run(
      "tar", "--format=\(format)", "--no-recursion", "-cf", "-", "short.txt", "folder", longName,
      "link")
  }

  /// Checks the entries read from an archive of `tree()`.
  private func expectTree(_ entries: [TarEntry], _ folder: FixtureFolder) throws {
    #expect(entries.map(\.name) == ["short.txt", "folder/", longName, "link"])
    #expect(entries.map { Character(UnicodeScalar($0.type)) } == ["0", "5", "0", "2"])
    #expect(entries.map(\.isRegularFile) == [true, false, true, false])
    #expect(Array(entries[0].contents) == Array("short\n".utf8))
    #expect(Array(entries[2].contents) == (try folder.read(longName)))
    #expect(entries[1].contents.isEmpty)
    #expect(entries[3].contents.isEmpty)
    #expect(entries[3].linkName == longTarget)
  }

  @Test func gnuFormatWithLongNameAndLinkHeaders() throws {
    let folder = try tree()
    try expectTree(TarReader.entries(archive(folder, format: "gnu")), folder)
  }

  @Test func paxFormatWithExtendedHeaders() throws {
    let folder = try tree()
    try expectTree(TarReader.entries(archive(folder, format: "pax")), folder)
  }

  @Test func paxPathIsUTF8() throws {
    let folder = try FixtureFolder()
    let name = "ünïcødé-" + String(repeating: "ß", count: 60)
    try folder.write(name, Array("x".utf8))
    let entries = try TarReader.entries(folder.run("tar", "--format=pax", "-cf", "-", name))

    #expect(entries.map(\.name) == [name])
  }

  @Test func ustarPrefixIsJoinedToTheName() throws {
    let folder = try FixtureFolder()
    let name = String(repeating: "p", count: 90) + "/" + String(repeating: "n", count: 60)
    try folder.write(name, Array("prefixed\n".utf8))
    let entries = try TarReader.entries(
      folder.run("tar", "--format=ustar", "--no-recursion", "-cf", "-", name))

    #expect(entries.map(\.name) == [name])
    #expect(entries.map { Array($0.contents) } == [Array("prefixed\n".utf8)])
  }

  @Test func contentsOfEverySizeAroundABlock() throws {
    let folder = try FixtureFolder()
    let sizes = [0, 1, 511, 512, 513, 1024]
    let texts = sizes.map { sampleText(size: $0, seed: UInt64($0)) }
    for (size, text) in zip(sizes, texts) { try folder.write("file\(size)", text) }
    let entries = try TarReader.entries(
      folder.run(["tar", "--format=gnu", "-cf", "-"] + sizes.map { "file\($0)" }))

    #expect(entries.map(\.name) == sizes.map { "file\($0)" })
    #expect(entries.map { Array($0.contents) } == texts)
  }

  @Test func emptyArchives() throws {
    let folder = try FixtureFolder()
    let empty = try folder.run("tar", "-cf", "-", "--files-from", "/dev/null")

    #expect(empty.count == 10240)
    #expect(try TarReader.entries(empty).isEmpty)
    #expect(try TarReader.entries([]).isEmpty)
  }

  @Test func base256SizeIsRead() throws {
    let folder = try FixtureFolder()
    try folder.write("exact", sampleText(size: 512))
    var bytes = try folder.run("tar", "--format=gnu", "-cf", "-", "exact")

    bytes.replaceSubrange(124..<136, with: [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00])
    resum(&bytes, header: 0)
    #expect(try TarReader.entries(bytes).map { Array($0.contents) } == [sampleText(size: 512)])

    bytes[124] = 0xff
    resum(&bytes, header: 0)
    #expect(throws: InputError("tar entry 'exact' has an invalid number in its header")) {
      try TarReader.entries(bytes)
    }
  }

  @Test func badChecksumAndBadOctalThrow() throws {
    let folder = try FixtureFolder()
    try folder.write("a.txt", Array("alpha\n".utf8))
    let bytes = try folder.run("tar", "--format=gnu", "-cf", "-", "a.txt")

    var renamed = bytes
    renamed[0] = UInt8(ascii: "b")
    #expect(throws: InputError("tar header at byte 0 has a bad checksum")) {
      try TarReader.entries(renamed)
    }

    var badSize = bytes
    badSize[130] = UInt8(ascii: "9")
    resum(&badSize, header: 0)
    #expect(throws: InputError("tar entry 'a.txt' has an invalid number in its header")) {
      try TarReader.entries(badSize)
    }
  }

  @Test func truncatedArchivesThrow() throws {
    let folder = try FixtureFolder()
    try folder.write("a.txt", Array("alpha\n".utf8))
    try folder.write("big", sampleText(size: 5000))
    let bytes = try folder.run("tar", "--format=gnu", "-cf", "-", "a.txt", "big")

    #expect(throws: InputError("tar entry 'big' is truncated")) {
      try TarReader.entries(Array(bytes.prefix(1024 + 512 + 2000)))
    }
    #expect(throws: InputError("tar header at byte 1024 is truncated")) {
      try TarReader.entries(Array(bytes.prefix(1024 + 100)))
    }
  }

  @Test func modeOwnersAndHardLinksAreRead() throws {
    let folder = try FixtureFolder()
    try folder.write("tool", Array("#!/bin/sh\n".utf8))
    try folder.run("chmod", "4755", "tool")
    try folder.run("ln", "tool", "alias")
    let bytes = try folder.run(
      "tar", "--format=gnu", "--owner=1234", "--group=99", "--numeric-owner", "-cf", "-", "tool",
      "alias")
    let entries = try TarReader.entries(bytes)

    #expect(entries.map(\.name) == ["tool", "alias"])
    #expect(entries.map { Character(UnicodeScalar($0.type)) } == ["0", "1"])
    #expect(entries.map(\.mode) == [0o4755, 0o4755])
    #expect(entries.map(\.uid) == [1234, 1234])
    #expect(entries.map(\.gid) == [99, 99])
    #expect(entries[1].linkName == "tool")
    #expect(entries[1].contents.isEmpty)
  }

  /// Owners too large for the octal field travel in pax records.
  @Test func paxOwnersOverrideTheHeader() throws {
    let folder = try FixtureFolder()
    try folder.write("owned", Array("x".utf8))
    let bytes = try folder.run(
      "tar", "--format=pax", "--owner=3000000", "--group=2500000", "--numeric-owner", "-cf", "-",
      "owned")
    let entries = try TarReader.entries(bytes)

    #expect(entries.map(\.uid) == [3_000_000])
    #expect(entries.map(\.gid) == [2_500_000])
  }

  /// Alpine's APKINDEX.tar.gz: a signature tar cut before its end blocks, gzipped, then the
  /// gzipped index tar; the two members read as one archive.
  @Test func alpineIndexReadsAsOneArchive() throws {
    let folder = try FixtureFolder()
    try folder.write(".SIGN.RSA.builder.rsa.pub", [0x30, 0x82, 0x01, 0x00, 0xff])
    try folder.write("DESCRIPTION", Array("v3.20.0\n".utf8))
    try folder.write("APKINDEX", sampleText(size: 20_000))
    let signature = try folder.run("tar", "--format=gnu", "-cf", "-", ".SIGN.RSA.builder.rsa.pub")
    try folder.write("signature.tar", withoutEndBlocks(signature))
    try folder.run("tar", "--format=gnu", "-cf", "index.tar", "DESCRIPTION", "APKINDEX")
    try folder.run("gzip", "-n", "signature.tar", "index.tar")
    let index = try folder.read("signature.tar.gz") + folder.read("index.tar.gz")

    let members = try Zlib.gunzipMembers(index)
    #expect(members.count == 2)
    #expect(try TarReader.entries(members[0]).map(\.name) == [".SIGN.RSA.builder.rsa.pub"])
    let entries = try TarReader.entries(Zlib.gunzip(index))
    #expect(entries.map(\.name) == [".SIGN.RSA.builder.rsa.pub", "DESCRIPTION", "APKINDEX"])
    #expect(Array(entries[2].contents) == sampleText(size: 20_000))
  }

  /// The archive without the zero blocks GNU tar writes at its end.
  private func withoutEndBlocks(_ bytes: [UInt8]) -> [UInt8] {
    var end = bytes.count
    while end >= 512, bytes[(end - 512)..<end].allSatisfy({ $0 == 0 }) { end -= 512 }
    return Array(bytes[..<end])
  }

  /// Rewrites the checksum of the header at `offset` after a test edited it.
  private func resum(_ bytes: inout [UInt8], header offset: Int) {
    bytes.replaceSubrange((offset + 148)..<(offset + 156), with: Array("        ".utf8))
    let sum = bytes[offset..<(offset + 512)].reduce(0) { $0 + Int($1) }
    let octal = String(sum, radix: 8)
    let field = String(repeating: "0", count: 6 - octal.count) + octal
    bytes.replaceSubrange((offset + 148)..<(offset + 156), with: Array(field.utf8) + [0, 0x20])
  }
}
