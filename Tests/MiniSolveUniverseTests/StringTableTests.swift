import Testing

@testable import MiniSolveUniverse

@Suite struct StringTableTests {
  @Test func internsEachStringOnce() {
    var table = StringTable()
    let first = table.intern("libc6")
    let second = table.intern("bash")
    #expect(table.intern("libc6") == first)
    #expect(first != second)
    #expect(table[first] == "libc6")
    #expect(table.id(of: "bash") == second)
    #expect(table.id(of: "zsh") == nil)
    #expect(table.count == 2)
  }

  @Test func growsPastItsFirstSlotsAndKeepsEveryString() {
    var table = StringTable()
    let ids = (0..<5_000).map { table.intern("package-\($0)") }
    #expect(Set(ids).count == 5_000)
    for number in stride(from: 0, to: 5_000, by: 97) {
      #expect(table.id(of: "package-\(number)") == ids[number])
      #expect(table[ids[number]] == "package-\(number)")
    }
    #expect(table.isConsistent)
  }

  @Test func holdsTheEmptyStringAndNonASCII() {
    var table = StringTable()
    let empty = table.intern("")
    let accented = table.intern("café-ñ")
    #expect(table[empty] == "")
    #expect(table[accented] == "café-ñ")
    #expect(table.id(of: "") == empty)
  }
}
