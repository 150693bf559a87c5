import Foundation
import Testing

@testable import MiniSolveUniverse

/// Format detection, dispatch and the output limit, plus the real Debian index from the corpus.
@Suite struct DecompressionTests {
  @Test func detectReadsMagicNumbers() {
    #expect(Compression.detect([0x1f, 0x8b, 0x08]) == .gzip)
    #expect(Compression.detect([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00]) == .xz)
    #expect(Compression.detect([0xfd, 0x37, 0x7a, 0x58, 0x5a]) == .none)
    #expect(Compression.detect([0x1f]) == .none)
    #expect(Compression.detect([]) == .none)
    #expect(Compression.detect(Array("Package: zlib1g\n".utf8)) == .none)
  }

  @Test func decompressDispatchesOnTheMagicNumber() throws {
    let folder = try FixtureFolder()
    let text = sampleText(size: 50_000)
    try folder.write("index", text)
    let gzipped = try folder.run("gzip", "-c", "index")
    let xzipped = try folder.run("xz", "-c", "index")

    #expect(try Decompression.decompress(text) == (.none, text))
    #expect(try Decompression.decompress(gzipped) == (.gzip, text))
    #expect(try Decompression.decompress(xzipped) == (.xz, text))
    #expect(try Decompression.decompress([]) == (.none, []))
  }

  @Test func limitIsEnforcedForEitherFormat() throws {
    let folder = try FixtureFolder()
    try folder.write("index", sampleText(size: 3 << 20))
    let limitError = InputError("decompressed data exceeds the 2 MiB limit")

    for tool in ["gzip", "xz"] {
      let compressed = try folder.run(tool, "-c", "index")
      #expect(throws: limitError) { try Decompression.decompress(compressed, limit: 2 << 20) }
    }
  }

  @Test func limitsAreWrittenAsPeopleWriteThem() {
    #expect(Decompression.defaultLimit == 2_147_483_648)
    #expect(
      InputError.sizeLimit("decompressed data", Decompression.defaultLimit).message
        == "decompressed data exceeds the 2 GiB limit")
    #expect(InputError.byteCount(1536 << 20) == "1536 MiB")
    #expect(InputError.byteCount(64 << 10) == "64 KiB")
    #expect(InputError.byteCount(1000) == "1000 bytes")
    #expect(InputError.byteCount(1) == "1 byte")
    #expect(InputError("gzip data is truncated").description == "gzip data is truncated")
  }

  @Test func debianPackagesIndexMatchesXz() throws {
    let root = ProcessInfo.processInfo.environment["MINISOLVE_CORPUS"] ?? "/work/shared/corpus"
    let path = root + "/debian/Packages-bookworm-main-amd64.xz"
    guard FileManager.default.fileExists(atPath: path) else {
      print("note: \(path) is missing; skipping the corpus decompression check")
      return
    }

    let (compression, output) = try Decompression.decompress(
      FileBytes.read(path, limit: 64 << 20))

    let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    let count = try runTool(["sh", "-c", "xz -dc \(quoted) | wc -c"])
    let digest = try runTool(["sh", "-c", "xz -dc \(quoted) | sha256sum"])
    #expect(compression == .xz)
    #expect(String(output.count) == String(decoding: count, as: UTF8.self).trimmed)
    #expect(SHA256.hash(output).hex + "  -" == String(decoding: digest, as: UTF8.self).trimmed)
  }
}

extension String {
  /// The text without surrounding spaces and newlines, as tools print their answers.
  fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
