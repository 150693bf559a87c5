import Testing

@testable import MiniSolveAssemble

@Suite struct EntryPathTests {
  @Test func namesAreNormalised() throws {
    #expect(try EntryPath.normalised("./usr//bin/./env") == "usr/bin/env")
    #expect(try EntryPath.normalised("usr/share/") == "usr/share")
    #expect(try EntryPath.normalised("./") == "")
    #expect(try EntryPath.normalised(".") == "")
  }

  @Test func absoluteAndParentPathsAreRefused() {
    #expect(throws: EntryPath.Problem.absolute) { try EntryPath.normalised("/etc/passwd") }
    #expect(throws: EntryPath.Problem.parentComponent) { try EntryPath.normalised("./../x") }
    #expect(throws: EntryPath.Problem.parentComponent) { try EntryPath.normalised("a/b/../c") }
    #expect(throws: EntryPath.Problem.nulByte) { try EntryPath.normalised("etc/passwd\0.x") }
  }

  @Test func symlinksMustStayInside() {
    #expect(EntryPath.symlinkStaysInside("libz.so.1.3", at: "usr/lib/libz.so.1"))
    #expect(EntryPath.symlinkStaysInside("../../bin/busybox", at: "usr/bin/sh"))
    #expect(EntryPath.symlinkStaysInside("/usr/lib/libc.so.6", at: "lib/libc.so.6"))
    #expect(EntryPath.symlinkStaysInside("./a/../b", at: "x"))
    #expect(!EntryPath.symlinkStaysInside("../../../etc/shadow", at: "usr/bin/sh"))
    #expect(!EntryPath.symlinkStaysInside("/../etc", at: "x"))
    #expect(!EntryPath.symlinkStaysInside("..", at: "top"))
    #expect(!EntryPath.symlinkStaysInside("", at: "x"))
    #expect(!EntryPath.symlinkStaysInside("a\0b", at: "x"))
  }

  @Test func parents() {
    #expect(EntryPath.parent(of: "usr/bin/env") == "usr/bin")
    #expect(EntryPath.parent(of: "etc") == "")
    #expect(EntryPath.parent(of: "") == nil)
  }
}
