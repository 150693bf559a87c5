import MiniSolveIndex
import MiniSolveRecipe
import MiniSolveUniverse
import MiniSolveYAML

/// `minisolve show NAME`: every version of a package, its relations and where it came from.
enum ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show", summary: "Show every version of a package: relations and origin.",
    arguments: "NAME [options]",
    discussion: """
      Lists each package named NAME (binary and source) with its version, architecture, where
      it was read (file:line), and its relations; then the packages that provide NAME. Exits 1
      when no package has or provides that name.
      """,
    options: UniverseOptions.specs + [
      UniverseOptions.format
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    guard arguments.positionals.count == 1, let name = arguments.positionals.first else {
      throw UsageError(message: "name exactly one package", spec: spec)
    }
    let universe = try UniverseOptions.load(arguments, spec: spec, terminal: terminal).universe
    let named = universe.packages(named: name).map { universe.package($0) }
    let providers = universe.providers(of: name).map { universe.package($0) }
    guard !named.isEmpty || !providers.isEmpty else {
      var message = "no package named or providing '\(name)'"
      if let near = nearestName(to: name, in: universe) { message += "; did you mean '\(near)'?" }
      throw CommandFailure(message: message)
    }

    switch format {
    case .json:
      let report: JSONValue = .object([
        "name": .string(name), "packages": .array(named.map(\.json)),
        "providers": .array(providers.map(\.json)),
      ])
      terminal.out(report.rendered())
    case .text:
      var text = named.map(\.text).joined(separator: "\n")
      if !providers.isEmpty {
        if !text.isEmpty { text += "\n" }
        text += "provided by:\n"
        for provider in providers {
          text +=
            "  \(provider.name) \(provider.version) \(provider.architecture)  \(provider.site)\n"
        }
      }
      terminal.out(text)
    }
    return ExitCode.success
  }

  /// A name in the universe close to `name`, for "did you mean".
  private static func nearestName(to name: String, in universe: PackageSet) -> String? {
    var names: [String] = []
    for record in universe.packages { names.append(universe.strings[record.name]) }
    return Suggestion.closest(to: name, among: names)
  }
}

extension Package {
  /// The package as `show` prints it.
  var text: String {
    var text = "\(name) \(version) "
    text += draft.kind == .source ? "(source)\n" : "\(architecture)\n"
    text += "  from: \(site)\n"
    if let source = draft.source, source != name { text += "  source: \(source)\n" }
    if draft.providerPriority != 0 { text += "  provider-priority: \(draft.providerPriority)\n" }
    if draft.replacesPriority != 0 { text += "  replaces-priority: \(draft.replacesPriority)\n" }
    if draft.essential { text += "  essential: yes\n" }
    if let multiArch = draft.multiArch.fieldValue { text += "  multi-arch: \(multiArch)\n" }
    for kind in RelationKind.allCases {
      let groups = relations(kind)
      guard !groups.isEmpty else { continue }
      let rendered = groups.map { $0.map { $0.rendered(draft.scheme) }.joined(separator: " | ") }
      text += "  \(kind.fieldName.lowercased()): \(rendered.joined(separator: ", "))\n"
    }
    if let location = draft.location { text += "  location: \(location)\n" }
    if let checksum = draft.checksum { text += "  checksum: \(checksum)\n" }
    return text
  }

  /// The package as `show --format json` prints it.
  var json: JSONValue {
    var object: [String: JSONValue] = [
      "name": .string(name), "version": .string(version),
      "architecture": .string(architecture),
      "kind": .string(draft.kind == .source ? "source" : "binary"),
      "file": .string(draft.file), "line": .int(draft.line),
    ]
    if draft.column > 0 { object["column"] = .int(draft.column) }
    if let source = draft.source { object["source"] = .string(source) }
    if let location = draft.location { object["location"] = .string(location) }
    if let checksum = draft.checksum { object["checksum"] = .string(checksum) }
    if draft.providerPriority != 0 { object["provider_priority"] = .int(draft.providerPriority) }
    if draft.replacesPriority != 0 { object["replaces_priority"] = .int(draft.replacesPriority) }
    if draft.essential { object["essential"] = .bool(true) }
    if let multiArch = draft.multiArch.fieldValue { object["multi_arch"] = .string(multiArch) }
    for kind in RelationKind.allCases {
      let groups = relations(kind)
      guard !groups.isEmpty else { continue }
      object[kind.fieldName.lowercased()] = .array(
        groups.map { .string($0.map { $0.rendered(draft.scheme) }.joined(separator: " | ")) })
    }
    return .object(object)
  }
}
