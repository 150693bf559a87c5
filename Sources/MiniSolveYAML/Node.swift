/// How a scalar was written; plain scalars are the only ones that can mean null.
public enum ScalarStyle: String, Sendable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar with its source text, never converted: `1.10` stays the string "1.10".
public struct Scalar: Sendable, Hashable {
  public var text: String
  public var style: ScalarStyle

  public init(_ text: String, style: ScalarStyle = .plain) {
    self.text = text
    self.style = style
  }

  /// True for the plain spellings YAML reads as null: empty, `~` and `null`.
  public var isNull: Bool {
    // Every spelling of null is empty or starts with `~`, `n` or `N`: most texts stop here.
    guard style == .plain,
      text.utf8.first.map({ $0 == 0x7E || $0 == 0x6E || $0 == 0x4E }) ?? true
    else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }
}

/// One key and its value in a mapping, in source order.
public struct Pair: Sendable {
  public var key: Node
  public var value: Node

  public init(key: Node, value: Node) {
    self.key = key
    self.value = value
  }
}

/// A YAML node with the position where it starts in its file.
public struct Node: Sendable {
  public enum Content: Sendable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([Pair])
  }

  public var content: Content
  public var mark: Mark
  /// The explicit tag (`!!str`, `!custom`), if one was written.
  public var tag: String?

  public init(_ content: Content, mark: Mark, tag: String? = nil) {
    self.content = content
    self.mark = mark
    self.tag = tag
  }

  public var scalar: Scalar? {
    if case .scalar(let scalar) = content { return scalar }
    return nil
  }

  public var sequence: [Node]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [Pair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// True for a null scalar without a string tag.
  public var isNull: Bool {
    guard let scalar, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
    return scalar.isNull || tag == "tag:yaml.org,2002:null"
  }

  /// A word for the node's kind, as diagnostics name it.
  public var kindName: String {
    switch content {
    case .scalar: return isNull ? "null" : "scalar"
    case .sequence: return "sequence"
    case .mapping: return "mapping"
    }
  }

  /// The value of a scalar key in a mapping, or nil.
  public subscript(key: String) -> Node? {
    mapping?.first { $0.key.scalar?.text == key }?.value
  }
}
