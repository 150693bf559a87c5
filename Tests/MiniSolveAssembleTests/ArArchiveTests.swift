import Testing

@testable import MiniSolveAssemble

@Suite struct ArArchiveTests {
  @Test func membersWithOddSizesAndGnuNames() throws {
    var bytes = Fixture.ar([("debian-binary", Array("2.0\n".utf8)), ("odd", [1, 2, 3])])
    bytes += Fixture.ar([("gnu/", [9])]).dropFirst(8)
    let members = try ArArchive.members(bytes)

    #expect(members.map(\.name) == ["debian-binary", "odd", "gnu"])
    #expect(members.map { Array($0.contents) } == [Array("2.0\n".utf8), [1, 2, 3], [9]])
  }

  @Test func damagedArchivesAreRefused() {
    let bytes = Fixture.ar([("member", Array(repeating: 7, count: 100))])

    #expect(throws: AssembleError("not an ar archive")) { try ArArchive.members([1, 2, 3]) }
    #expect(throws: AssembleError("ar member 'member' is truncated")) {
      try ArArchive.members(Array(bytes.dropLast(10)))
    }
    #expect(throws: AssembleError("ar header at byte 8 is truncated")) {
      try ArArchive.members(Array(bytes.prefix(30)))
    }
    var badMagic = bytes
    badMagic[8 + 58] = UInt8(ascii: "x")
    #expect(throws: AssembleError("ar header at byte 8 does not end in its magic")) {
      try ArArchive.members(badMagic)
    }
  }
}
