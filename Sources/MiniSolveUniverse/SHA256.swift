import CCrypto

/// A SHA-256 digest: 32 bytes, shown as 64 lowercase hex digits.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The digest written as 64 hex digits, either case; nil for anything else.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for index in stride(from: 0, to: 64, by: 2) {
      guard let high = Self.value(ofHexDigit: digits[index]),
        let low = Self.value(ofHexDigit: digits[index + 1])
      else { return nil }
      bytes.append(high << 4 | low)
    }
    self.bytes = bytes
  }

  /// The digest as lowercase hex, as `sha256sum` prints it.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  public var description: String { hex }

  private static func value(ofHexDigit digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

/// SHA-256 through libcrypto's EVP interface; the only file that calls libcrypto.
public enum SHA256 {
  /// The digest of `bytes`.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
    var hasher = Hasher()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
    bytes.withUnsafeBytes { hash($0) }
  }

  /// The digest of the file at `path`, read a chunk at a time.
  public static func hash(file path: String) throws -> SHA256Digest {
    var hasher = Hasher()
    try FileBytes.forEachChunk(of: path) { hasher.update($0) }
    return hasher.finalize()
  }

  /// A digest computed over bytes given in pieces.
  public struct Hasher: ~Copyable {
    private let context: OpaquePointer

    public init() {
      // Either call fails only when memory is exhausted or OpenSSL is misconfigured.
      guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1
      else { fatalError("libcrypto cannot start a SHA-256 digest") }
      self.context = context
    }

    deinit {
      EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the digest.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else {
        fatalError("libcrypto failed to update a SHA-256 digest")
      }
    }

    /// Adds `bytes` to the digest.
    public mutating func update(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything added.
    public consuming func finalize() -> SHA256Digest {
      var bytes = [UInt8](repeating: 0, count: 32)
      var size: UInt32 = 0
      let status = bytes.withUnsafeMutableBufferPointer {
        EVP_DigestFinal_ex(context, $0.baseAddress, &size)
      }
      guard status == 1, size == 32 else {
        fatalError("libcrypto failed to finish a SHA-256 digest")
      }
      return SHA256Digest(bytes: bytes)
    }
  }
}

/// SHA-1, kept beside SHA-256 because this file is the one that calls libcrypto: apk names a
/// package's control segment by its SHA-1 (`Q1…` checksums), so it is needed to check them.
public enum SHA1 {
  /// The 20-byte digest of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 20)
    var size: UInt32 = 0
    let status = bytes.withUnsafeBytes { input in
      digest.withUnsafeMutableBufferPointer {
        EVP_Digest(input.baseAddress, input.count, $0.baseAddress, &size, EVP_sha1(), nil)
      }
    }
    guard status == 1, size == 20 else { fatalError("libcrypto failed to compute a SHA-1 digest") }
    return digest
  }
}
