import Testing

@testable import MiniSolveUniverse

/// Digests are checked against the FIPS 180-2 vectors and against `sha256sum`.
@Suite struct SHA256Tests {
  @Test func knownVectors() {
    #expect(
      SHA256.hash([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hash(Array("abc".utf8)).hex
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// FIPS 180-2's SHA-1 vectors, for apk's `Q1` checksums.
  @Test func sha1KnownVectors() {
    #expect(
      SHA256Digest(bytes: SHA1.hash(Array("abc".utf8))).hex
        == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(SHA256Digest(bytes: SHA1.hash([])).hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
  }

  @Test func piecesGiveTheSameDigestAsTheWhole() {
    let text = sampleText(size: 100_000)
    var hasher = SHA256.Hasher()
    for start in stride(from: 0, to: text.count, by: 7_777) {
      hasher.update(Array(text[start..<min(start + 7_777, text.count)]))
    }
    hasher.update([])

    #expect(hasher.finalize() == SHA256.hash(text))
    #expect(text.withUnsafeBytes { SHA256.hash($0) } == SHA256.hash(text))
  }

  @Test func fileDigestMatchesSha256sum() throws {
    let folder = try FixtureFolder()
    let path = try folder.write("index", sampleText(size: 3_500_000))
    let printed = String(decoding: try folder.run("sha256sum", "index"), as: UTF8.self)

    #expect(try SHA256.hash(file: path).hex + "  index\n" == printed)
    #expect(try SHA256.hash(file: path) == SHA256.hash(folder.read("index")))
  }

  @Test func missingFileThrows() throws {
    let folder = try FixtureFolder()
    let path = folder.file("missing")

    #expect(throws: InputError("cannot read '\(path)': No such file or directory")) {
      try SHA256.hash(file: path)
    }
  }

  @Test func hexRoundTrips() {
    let digest = SHA256.hash(Array("abc".utf8))
    let upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"

    #expect(SHA256Digest(hex: digest.hex) == digest)
    #expect(SHA256Digest(hex: upper) == digest)
    #expect(digest.bytes.count == 32)
    #expect(digest.description == digest.hex)
    #expect(SHA256Digest(hex: String(digest.hex.dropLast())) == nil)
    #expect(SHA256Digest(hex: String(digest.hex.dropLast()) + "g") == nil)
    #expect(SHA256Digest(hex: "") == nil)
  }
}
