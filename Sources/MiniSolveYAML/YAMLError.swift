/// Why a YAML file could not be read, with the position of the problem.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    /// libyaml refused the text (its problem and context are in the message).
    case syntax
    case invalidUTF8 = "invalid-utf8"
    case duplicateKey = "duplicate-key"
    case aliasLimit = "alias-limit"
    case depthLimit = "depth-limit"
    case sizeLimit = "size-limit"
    case multipleDocuments = "multiple-documents"
    case undefinedAlias = "undefined-alias"
    case invalidMerge = "invalid-merge"
    case io
  }

  public var kind: Kind
  public var mark: Mark
  public var message: String

  public init(_ kind: Kind, at mark: Mark, _ message: String) {
    self.kind = kind
    self.mark = mark
    self.message = message
  }

  public var description: String { "\(mark): \(message)" }
}
