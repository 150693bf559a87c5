import Foundation
import Testing

@testable import MiniSolveUniverse

@Suite struct LZMAOverlapTests {
  /// Runs the overlapped decoder and joins what `consume` saw last; nil when it declined.
  static func overlapped(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws
    -> (output: [UInt8], calls: Int)?
  {
    var last: [UInt8] = []
    var calls = 0
    var completes = 0
    let ran = try LZMA.unxz(bytes, limit: limit) { decoded, isComplete in
      #expect(decoded.count >= last.count, "output never shrinks")
      last = Array(decoded)
      calls += 1
      if isComplete { completes += 1 }
    }
    guard ran else { return nil }
    #expect(completes == 1)
    return (last, calls)
  }

  @Test func seesTheSameBytesAsXz() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 5 << 20)
    try folder.write("data", text)
    try folder.run("xz", "-k", "-T1", "data")
    let result = try #require(try Self.overlapped(folder.read("data.xz")))
    #expect(result.output == text)
    #expect(result.calls > 1, "the output arrives in pieces")
  }

  @Test func readsConcatenatedStreamsWholly() throws {
    let folder = try FixtureFolder()
    let first = sampleText(size: 300_000, seed: 1)
    let second = sampleText(size: 200_000, seed: 2)
    try folder.write("a", first)
    try folder.write("b", second)
    try folder.run("xz", "-k", "a", "b")
    let joined = try folder.read("a.xz") + folder.read("b.xz")
    let result = try #require(try Self.overlapped(joined))
    #expect(result.output == first + second)
  }

  @Test func truncatedInputThrowsAndNothingHangs() throws {
    let folder = try FixtureFolder()
    try folder.write("data", sampleText(size: 1 << 20))
    try folder.run("xz", "-k", "data")
    let bytes = try folder.read("data.xz")
    // The cut removes the index, so the size is unknown and the overlapped path declines.
    #expect(try Self.overlapped(Array(bytes.prefix(bytes.count / 2))) == nil)
    // A damaged middle keeps the index: the decoder fails on its thread and the caller throws.
    var damaged = bytes
    damaged[bytes.count / 2] ^= 0xFF
    #expect(throws: InputError.self) { _ = try Self.overlapped(damaged) }
  }

  @Test func aFailingReaderStopsTheDecoder() throws {
    let folder = try FixtureFolder()
    try folder.write("data", sampleText(size: 8 << 20))
    try folder.run("xz", "-k", "-0", "data")
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      _ = try LZMA.unxz(folder.read("data.xz")) { _, _ in throw Stop() }
    }
  }

  @Test func declinesWhenTheRecordedSizeReachesTheLimit() throws {
    let folder = try FixtureFolder()
    try folder.write("data", sampleText(size: 100_000))
    try folder.run("xz", "-k", "data")
    #expect(try Self.overlapped(folder.read("data.xz"), limit: 50_000) == nil)
  }

  @Test func aMultiStreamDebianIndexReadsAsOne() throws {
    let folder = try FixtureFolder()
    let first = "Package: a\nVersion: 1\nArchitecture: all\n\n"
    let second = "Package: b\nVersion: 2\nArchitecture: all\n"
    try folder.write("one", Array(first.utf8))
    try folder.write("two", Array(second.utf8))
    try folder.run("xz", "-k", "one", "two")
    try folder.write("Packages.xz", folder.read("one.xz") + folder.read("two.xz"))
    let index = try RepositoryIndex.read(path: folder.file("Packages.xz"))
    #expect(index.compression == .xz)
    #expect(index.packages.packages.map { index.packages.strings[$0.name] } == ["a", "b"])
    #expect(index.packages.package(1).site.hasSuffix("Packages.xz:5"))
  }
}
