/// One option or flag a command accepts.
struct OptionSpec: Sendable {
  enum Kind: Sendable {
    /// `--name` alone.
    case flag
    /// `--name VALUE` or `--name=VALUE`; repeatable ones collect every value.
    case value(placeholder: String, repeatable: Bool)
  }

  var name: String
  var short: Character?
  var kind: Kind
  var help: String

  static func flag(_ name: String, short: Character? = nil, _ help: String) -> OptionSpec {
    OptionSpec(name: name, short: short, kind: .flag, help: help)
  }

  static func value(
    _ name: String, _ placeholder: String, repeatable: Bool = false, _ help: String
  ) -> OptionSpec {
    OptionSpec(
      name: name, kind: .value(placeholder: placeholder, repeatable: repeatable), help: help)
  }

  /// `--name VALUE` as usage lines show it.
  var synopsis: String {
    let short = self.short.map { "-\($0), " } ?? ""
    switch kind {
    case .flag: return "\(short)--\(name)"
    case .value(let placeholder, let repeatable):
      return "\(short)--\(name) \(placeholder)" + (repeatable ? " (repeatable)" : "")
    }
  }
}

/// A command's interface: its name, what it does, its options and positional arguments.
struct CommandSpec: Sendable {
  var name: String
  var summary: String
  var arguments: String
  var discussion: String
  var options: [OptionSpec]

  /// Every command also takes these.
  static let common: [OptionSpec] = [
    .flag("help", short: "h", "Show this help."),
    .flag("verbose", short: "v", "Print more about what happens."),
  ]

  var allOptions: [OptionSpec] { options + Self.common }

  var help: String {
    var text = "\(summary)\n\nUSAGE: minisolve \(name) \(arguments)\n"
    if !discussion.isEmpty { text += "\n\(discussion)\n" }
    text += "\nOPTIONS:\n"
    let width = allOptions.map(\.synopsis.count).max() ?? 0
    for option in allOptions {
      let padding = String(repeating: " ", count: width - option.synopsis.count + 2)
      text += "  \(option.synopsis)\(padding)\(option.help)\n"
    }
    return text
  }
}
