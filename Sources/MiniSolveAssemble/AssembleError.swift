/// Why an image could not be assembled; the message is a whole sentence that names the
/// package file or the setting at fault.
public struct AssembleError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
