import Glibc
import MiniSolveUniverse
import MiniSolveYAML

/// A lock's text as minisolve writes it, checked and read without parsing all of it. The
/// top-level keys are the only lines indented by exactly two spaces, so the digest line and the
/// `inputs` object are found by searching for them; the digest is the SHA-256 of the text
/// without its digest line. `lock --check` on a large project then costs one SHA-256 pass over
/// the lock instead of a parse of tens of megabytes.
enum LockText {
  private static let digestKey = Array("\n  \"digest\": \"".utf8)
  private static let inputsKey = Array("\n  \"inputs\": {\n".utf8)
  private static let versionKey = Array("\n  \"lock_version\": ".utf8)
  private static let topLevelClose = Array("\n  }".utf8)

  /// Whether the text holds a digest line and is the text that digest was computed from.
  static func digestMatches(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let start = find(digestKey, in: bytes, from: 0) else { return false }
    let hexStart = start + digestKey.count
    let lineEnd = hexStart + 64 + 3  // the digits, `",` and the newline
    guard lineEnd <= bytes.count,
      bytes[(hexStart + 64)..<lineEnd].elementsEqual(Array("\",\n".utf8)),
      let written = String(validating: bytes[hexStart..<(hexStart + 64)], as: UTF8.self)
    else { return false }
    var hasher = SHA256.Hasher()
    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[..<(start + 1)]))
    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[lineEnd...]))
    return hasher.finalize().hex == written
  }

  /// The inputs of an intact lock of this format version, read from its `inputs` object alone;
  /// nil when the text is not such a lock (a full read then says what is wrong).
  static func intactInputs(_ bytes: UnsafeRawBufferPointer) -> LockInputs? {
    guard digestMatches(bytes), version(in: bytes) == Lock.formatVersion,
      let open = find(inputsKey, in: bytes, from: 0),
      let close = find(topLevelClose, in: bytes, from: open + inputsKey.count),
      case .object(let members)? = try? JSONParser.parse(
        Array(bytes[(open + inputsKey.count - 2)...(close + topLevelClose.count - 1)])),
      case .object(let files)? = members["files"],
      let builtin = members["builtin_pipelines"]?.stringValue,
      let total = members["total"]?.stringValue
    else { return nil }
    var paths: [String: String] = [:]
    for (path, digest) in files {
      guard let digest = digest.stringValue else { return nil }
      paths[path] = digest
    }
    let inputs = LockInputs(files: paths, builtinPipelines: builtin)
    return inputs.total == total ? inputs : nil
  }

  private static func version(in bytes: UnsafeRawBufferPointer) -> Int? {
    guard let start = find(versionKey, in: bytes, from: 0) else { return nil }
    let digits = bytes[(start + versionKey.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
    return String(validating: digits, as: UTF8.self).flatMap { Int($0) }
  }

  /// The offset of the first `needle` in `bytes` at or after `from`.
  private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
    guard let first = needle.first, let base = bytes.baseAddress else { return nil }
    return needle.withUnsafeBytes { pattern -> Int? in
      guard let wanted = pattern.baseAddress else { return nil }
      var offset = from
      while offset + needle.count <= bytes.count {
        guard let hit = memchr(base + offset, Int32(first), bytes.count - offset) else {
          return nil
        }
        let position = base.distance(to: UnsafeRawPointer(hit))
        if position + needle.count > bytes.count { return nil }
        if memcmp(base + position, wanted, needle.count) == 0 { return position }
        offset = position + 1
      }
      return nil
    }
  }
}
