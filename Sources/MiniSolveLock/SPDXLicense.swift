// TODO(compat): identifiers are those of SPDX licence list 3.28 that license-expression 30.4
// knows (SPDXLicenseList); a newer identifier is kept as text until the list is regenerated.
/// A declared licence as an SBOM can state it: an SPDX licence expression over identifiers of
/// the SPDX licence list, or, when the declaration is not one, the text as declared.
public enum SPDXLicense: Sendable, Equatable {
  /// A valid expression, normalised: identifiers spelt as the list spells them, operators in
  /// capitals (`GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT`).
  case expression(String)
  /// Anything else (`custom`, `Public Domain`, an identifier the list lacks).
  case other(String)

  /// Reads a declaration: `AND`, `OR` (either case), `WITH` an exception, parentheses.
  public init(_ declared: String) {
    var parser = Parser(tokens: Self.tokens(declared))
    guard parser.expression(), parser.atEnd else {
      self = .other(declared)
      return
    }
    self = .expression(Self.rendered(parser.normalised))
  }

  /// Whether the expression is one identifier, with no operator.
  public var isSingleIdentifier: Bool {
    guard case .expression(let text) = self else { return false }
    return !text.contains(" ") && !text.contains("(")
  }

  private static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for character in text {
      if character == "(" || character == ")" || character.isWhitespace {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        if !character.isWhitespace { tokens.append(String(character)) }
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  private static func rendered(_ tokens: [String]) -> String {
    var text = ""
    for (index, token) in tokens.enumerated() {
      if index > 0 && token != ")" && tokens[index - 1] != "(" { text += " " }
      text += token
    }
    return text
  }

  /// A recursive-descent reader of `or := and (OR and)*`, `and := term (AND term)*`,
  /// `term := ( or ) | licence [WITH exception]`, collecting the normalised tokens.
  private struct Parser {
    let tokens: [String]
    var position = 0
    var normalised: [String] = []

    init(tokens: [String]) { self.tokens = tokens }

    var atEnd: Bool { position == tokens.count }

    mutating func expression() -> Bool {
      guard conjunction() else { return false }
      while take("OR") {
        guard conjunction() else { return false }
      }
      return true
    }

    private mutating func conjunction() -> Bool {
      guard term() else { return false }
      while take("AND") {
        guard term() else { return false }
      }
      return true
    }

    private mutating func term() -> Bool {
      if take("(") {
        return expression() && take(")")
      }
      guard identifier(in: SPDXLicenseList.licenses) else { return false }
      return take("WITH") ? identifier(in: SPDXLicenseList.exceptions) : true
    }

    private mutating func take(_ keyword: String) -> Bool {
      guard position < tokens.count, tokens[position].uppercased() == keyword else { return false }
      normalised.append(keyword)
      position += 1
      return true
    }

    private mutating func identifier(in table: [String: String]) -> Bool {
      guard position < tokens.count, let known = table[tokens[position].lowercased()] else {
        return false
      }
      normalised.append(known)
      position += 1
      return true
    }
  }
}
