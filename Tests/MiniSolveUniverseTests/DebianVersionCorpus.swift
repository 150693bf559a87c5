import Foundation

/// The shared Debian index files, read with `xz -dc` when they are there.
enum DebianVersionCorpus {
  /// `$MINISOLVE_CORPUS/debian/<file>`, else the shared checkout's copy; nil when absent.
  static func path(_ file: String) -> String? {
    let root = ProcessInfo.processInfo.environment["MINISOLVE_CORPUS"] ?? "/work/shared/corpus"
    let path = root + "/debian/" + file
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// The decompressed bytes of `file`, or nil when the corpus does not have it or xz is missing.
  static func bytes(_ file: String) throws -> [UInt8]? {
    let xz = ["/usr/bin/xz", "/bin/xz"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path = path(file), let xz else { return nil }
    return try runTool([xz, "-dc", path])
  }

  /// The byte ranges of the values of fields named `names`, continuation lines included.
  static func fieldValues(_ names: Set<String>, in bytes: [UInt8]) -> [(
    name: String, range: Range<Int>
  )] {
    var values: [(name: String, range: Range<Int>)] = []
    var lineStart = 0
    var open: (name: String, start: Int)?
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      let first = bytes[lineStart]
      let continues = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
      if !continues, let field = open {
        values.append((field.name, field.start..<(lineStart - 1)))
        open = nil
      }
      if !continues, let colon = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
        let name = String(decoding: bytes[lineStart..<colon], as: UTF8.self)
        if names.contains(name) { open = (name, colon + 1) }
      }
      lineStart = lineEnd + 1
    }
    if let field = open { values.append((field.name, field.start..<bytes.count)) }
    return values
  }

  struct CorpusError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
