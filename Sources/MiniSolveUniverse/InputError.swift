/// Why compressed, archived or file input could not be read; the message is a whole sentence.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }

  /// The error for output that would grow past `limit` bytes; `what` names the output.
  public static func sizeLimit(_ what: String, _ limit: Int) -> InputError {
    InputError("\(what) exceeds the \(byteCount(limit)) limit")
  }

  /// A byte count as people write limits: `2 GiB`, `64 MiB`, `512 KiB`, or `1000 bytes`.
  public static func byteCount(_ count: Int) -> String {
    let units = [(1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
    for (size, unit) in units where count >= size && count % size == 0 {
      return "\(count / size) \(unit)"
    }
    return count == 1 ? "1 byte" : "\(count) bytes"
  }
}
