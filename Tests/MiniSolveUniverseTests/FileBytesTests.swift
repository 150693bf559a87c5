import Testing

@testable import MiniSolveUniverse

/// Whole-file reads against what Foundation wrote, and the errors a caller shows a user.
@Suite struct FileBytesTests {
  @Test func readsWholeFiles() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 2_500_000)
    let path = try folder.write("index", text)
    let empty = try folder.write("empty", [])

    #expect(try FileBytes.read(path, limit: text.count) == text)
    #expect(try FileBytes.read(empty, limit: 0) == [])
  }

  @Test func chunksJoinToTheWholeFile() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 2_500_000)
    let path = try folder.write("index", text)
    var joined: [UInt8] = []
    var chunks = 0
    try FileBytes.forEachChunk(of: path) { chunk in
      joined.append(contentsOf: chunk)
      chunks += 1
    }

    #expect(joined == text)
    #expect(chunks == 3)
  }

  @Test func filesWithoutASizeAreReadToTheEnd() throws {
    let status = try FileBytes.read("/proc/self/status", limit: 1 << 20)

    #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
    #expect(throws: InputError("file '/proc/self/status' exceeds the 16 bytes limit")) {
      try FileBytes.read("/proc/self/status", limit: 16)
    }
  }

  @Test func errorsNameTheFileAndTheReason() throws {
    let folder = try FixtureFolder()
    let missing = folder.file("missing")
    let path = try folder.write("index", sampleText(size: 1001))

    #expect(throws: InputError("cannot read '\(missing)': No such file or directory")) {
      try FileBytes.read(missing, limit: 1 << 20)
    }
    #expect(throws: InputError("cannot read '\(folder.path)': Is a directory")) {
      try FileBytes.read(folder.path, limit: 1 << 20)
    }
    #expect(throws: InputError("file '\(path)' exceeds the 1000 bytes limit")) {
      try FileBytes.read(path, limit: 1000)
    }
    #expect(try FileBytes.read(path, limit: 1001).count == 1001)
  }
}
