/// Reads one YAML document into a node tree, within limits.
public enum YAMLReader {
  /// The document's root node, or nil when the text holds no document.
  public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws -> Node? {
    if bytes.count > limits.maximumBytes {
      throw YAMLError(
        .sizeLimit, at: .start,
        "file is \(bytes.count) bytes, more than the limit of \(limits.maximumBytes)")
    }
    if let bad = UTF8Check.firstInvalid(in: bytes) {
      throw YAMLError(.invalidUTF8, at: bad, "invalid UTF-8 byte sequence")
    }
    var composer = Composer(parser: LibYAMLParser(bytes: bytes), limits: limits)
    return try composer.compose()
  }

  public static func parse(_ text: String, limits: YAMLLimits = .default) throws -> Node? {
    try parse(Array(text.utf8), limits: limits)
  }
}
