import MiniSolveRecipe

/// A command line split into options and positional arguments, checked against a spec.
struct ParsedArguments: Sendable {
  var flags: Set<String> = []
  var values: [String: [String]] = [:]
  var positionals: [String] = []

  func has(_ flag: String) -> Bool { flags.contains(flag) }
  func value(_ name: String) -> String? { values[name]?.last }
  func all(_ name: String) -> [String] { values[name] ?? [] }

  init(_ arguments: [String], spec: CommandSpec) throws {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        positionals += arguments[index...]
        break
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        positionals.append(argument)
        continue
      }
      var name: String
      var inlineValue: String?
      if argument.hasPrefix("--") {
        name = String(argument.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
      } else {
        guard argument.count == 2, let letter = argument.last,
          let option = spec.allOptions.first(where: { $0.short == letter })
        else { throw UsageError.unknownOption(argument, spec: spec) }
        name = option.name
      }
      guard let option = spec.allOptions.first(where: { $0.name == name }) else {
        throw UsageError.unknownOption("--\(name)", spec: spec)
      }
      switch option.kind {
      case .flag:
        if inlineValue != nil {
          throw UsageError(message: "option '--\(name)' takes no value", spec: spec)
        }
        flags.insert(name)
      case .value(let placeholder, let repeatable):
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < arguments.count,
          !(arguments[index].hasPrefix("--") && arguments[index].count > 2)
        {
          value = arguments[index]
          index += 1
        } else {
          throw UsageError(message: "option '--\(name)' needs a value (\(placeholder))", spec: spec)
        }
        if !repeatable, values[name] != nil {
          throw UsageError(message: "option '--\(name)' given more than once", spec: spec)
        }
        values[name, default: []].append(value)
      }
    }
  }
}

/// A command line that does not fit the command: exit 64 with the usage.
struct UsageError: Error {
  var message: String
  var spec: CommandSpec?

  static func unknownOption(_ option: String, spec: CommandSpec) -> UsageError {
    let names = spec.allOptions.map { "--\($0.name)" }
    var message = "unknown option '\(option)'"
    if let near = Suggestion.closest(to: option, among: names) {
      message += "; did you mean '\(near)'?"
    }
    return UsageError(message: message, spec: spec)
  }
}
