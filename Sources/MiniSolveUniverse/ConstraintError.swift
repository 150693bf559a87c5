/// Why a dependency text does not parse, and the byte it goes wrong at.
public struct ConstraintError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  /// 0-based byte offset into the parsed text.
  public var offset: Int

  public init(message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { "\(message) at offset \(offset)" }
}
