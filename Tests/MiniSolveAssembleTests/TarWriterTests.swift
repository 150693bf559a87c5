import MiniSolveUniverse
import Testing

@testable import MiniSolveAssemble

/// Archives are read back with `TarReader`, which was written against GNU tar's output.
@Suite struct TarWriterTests {
  private let longName = "usr/share/" + String(repeating: "very-long-folder-name/", count: 6) + "f"
  private let longTarget = String(repeating: "../", count: 2) + String(repeating: "t", count: 120)

  @Test func entriesComeBackSortedWithTheirFields() throws {
    let entries: [TreeEntry] = [
      .file("usr/bin/tool", Array("tool".utf8), mode: 0o4755, uid: 0, gid: 50),
      .directory("usr/bin"),
      .directory("usr"),
      TreeEntry(path: "usr/bin/alias", kind: .symlink, mode: 0o777, linkTarget: "tool"),
      TreeEntry(path: "run/fifo", kind: .fifo, mode: 0o600, uid: 7, gid: 8),
    ]
    let read = try TarReader.entries(TarWriter.archive(entries, mtime: 1_700_000_000))

    #expect(read.map(\.name) == ["run/fifo", "usr/", "usr/bin/", "usr/bin/alias", "usr/bin/tool"])
    #expect(read.map { Character(UnicodeScalar($0.type)) } == ["6", "5", "5", "2", "0"])
    #expect(read.map(\.mode) == [0o600, 0o755, 0o755, 0o777, 0o4755])
    #expect(read.map(\.uid) == [7, 0, 0, 0, 0])
    #expect(read.map(\.gid) == [8, 0, 0, 0, 50])
    #expect(read[3].linkName == "tool")
    #expect(Array(read[4].contents) == Array("tool".utf8))
  }

  @Test func headersHoldTheEpochAndNoNames() throws {
    let bytes = try TarWriter.archive([.file("a", [1, 2, 3])], mtime: 1_700_000_000)

    #expect(bytes.count == 512 + 512 + 1024)
    #expect(Array(bytes[136..<148]) == Array("14524770400\0".utf8))
    #expect(Array(bytes[257..<265]) == Array("ustar\u{0}00".utf8))
    #expect(bytes[265..<329].allSatisfy { $0 == 0 })
  }

  @Test func longNamesLinksOwnersAndUnicodeGoThroughPax() throws {
    let entries: [TreeEntry] = [
      .file(longName, Array("long".utf8)),
      TreeEntry(path: "l", kind: .symlink, mode: 0o777, linkTarget: longTarget),
      .file("big-owner", [], uid: 3_000_000, gid: 2_222_222),
      .file("naïve", Array("ü".utf8)),
    ]
    let read = try TarReader.entries(TarWriter.archive(entries, mtime: 0))

    #expect(read.map(\.name) == ["big-owner", "l", "naïve", longName])
    #expect(read[0].uid == 3_000_000 && read[0].gid == 2_222_222)
    #expect(read[1].linkName == longTarget)
    #expect(Array(read[3].contents) == Array("long".utf8))
  }

  @Test func aHardLinkSortingBeforeItsFileLeadsTheGroup() throws {
    let entries: [TreeEntry] = [
      .file("usr/bin/z", Array("data".utf8), mode: 0o755),
      TreeEntry(path: "usr/bin/a", kind: .hardlink, mode: 0o755, linkTarget: "usr/bin/z"),
      TreeEntry(path: "usr/bin/m", kind: .hardlink, mode: 0o755, linkTarget: "usr/bin/z"),
    ]
    let read = try TarReader.entries(TarWriter.archive(entries, mtime: 0))

    #expect(read.map(\.name) == ["usr/bin/a", "usr/bin/m", "usr/bin/z"])
    #expect(read.map { Character(UnicodeScalar($0.type)) } == ["0", "1", "1"])
    #expect(Array(read[0].contents) == Array("data".utf8))
    #expect(read[1].linkName == "usr/bin/a" && read[2].linkName == "usr/bin/a")
  }

  @Test func sameEntriesInAnyOrderGiveTheSameBytes() throws {
    let entries: [TreeEntry] = [.directory("b"), .file("b/x", [1]), .file("a", [2])]
    let first = try TarWriter.archive(entries, mtime: 42)

    #expect(try TarWriter.archive(entries.reversed(), mtime: 42) == first)
    #expect(try TarWriter.archive(entries, mtime: 43) != first)
  }

  @Test func duplicatesAndDanglingHardLinksAreRefused() {
    #expect(throws: AssembleError("the layer lists 'a' twice")) {
      try TarWriter.archive([.file("a", []), .directory("a")], mtime: 0)
    }
    let dangling = TreeEntry(path: "x", kind: .hardlink, mode: 0o644, linkTarget: "gone")
    #expect(throws: AssembleError("hard link 'x' names 'gone', which is not a file")) {
      try TarWriter.archive([dangling], mtime: 0)
    }
  }
}
