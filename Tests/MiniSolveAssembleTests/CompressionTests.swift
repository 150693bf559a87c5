import MiniSolveUniverse
import Testing

@testable import MiniSolveAssemble

/// The zstd and LZ4 walls; the fixed frames were written by the `zstd` and `lz4` tools.
@Suite struct CompressionTests {
  private let text = Array(String(repeating: "compressible text, ", count: 40_000).utf8)

  @Test func zstdReadsWhatTheToolWrote() throws {
    let frame: [UInt8] = [
      0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x0b, 0x59, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20,
      0x7a, 0x73, 0x74, 0x64, 0x0a, 0x6c, 0x57, 0xf9, 0x51,
    ]
    #expect(try Zstd.decompress(frame) == Array("hello zstd\n".utf8))
    #expect(try Zstd.decompress(frame + frame) == Array("hello zstd\nhello zstd\n".utf8))
  }

  @Test func zstdRoundTripsAndRefusesBadData() throws {
    let compressed = try Zstd.compress(text)

    #expect(compressed.count < text.count / 10)
    #expect(try Zstd.decompress(compressed) == text)
    #expect(throws: InputError("zstd data is truncated")) {
      try Zstd.decompress(Array(compressed.dropLast(3)))
    }
    #expect(throws: InputError("decompressed data exceeds the 64 KiB limit")) {
      try Zstd.decompress(compressed, limit: 1 << 16)
    }
    let error = #expect(throws: InputError.self) { try Zstd.decompress([1, 2, 3, 4, 5, 6]) }
    #expect(error?.message.hasPrefix("zstd data is corrupt (") == true)
  }

  @Test func lz4ReadsWhatTheToolWrote() throws {
    let frame: [UInt8] = [
      0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7, 0x0a, 0x00, 0x00, 0x80, 0x68, 0x65, 0x6c, 0x6c,
      0x6f, 0x20, 0x6c, 0x7a, 0x34, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x9c, 0x4d, 0x7f, 0x66,
    ]
    #expect(try LZ4.decompress(frame) == Array("hello lz4\n".utf8))
  }

  @Test func lz4RoundTripsAndRefusesBadData() throws {
    let compressed = try LZ4.compress(text)

    #expect(try LZ4.decompress(compressed) == text)
    #expect(throws: InputError("LZ4 data is truncated")) {
      try LZ4.decompress(Array(compressed.dropLast(5)))
    }
    #expect(throws: InputError("decompressed data exceeds the 64 KiB limit")) {
      try LZ4.decompress(compressed, limit: 1 << 16)
    }
    let error = #expect(throws: InputError.self) { try LZ4.decompress(Array(1...12)) }
    #expect(error?.message.hasPrefix("LZ4 data is corrupt (") == true)
  }

  @Test func memberNamesGiveTheirCompression() {
    #expect(ArchiveCompression.of(member: "data.tar.zst", base: "data.tar") == .zstd)
    #expect(ArchiveCompression.of(member: "data.tar", base: "data.tar") == ArchiveCompression.none)
    #expect(ArchiveCompression.of(member: "data.tar.bz2", base: "data.tar") == nil)
    #expect(ArchiveCompression.of(member: "control.tar.xz", base: "data.tar") == nil)
  }
}
