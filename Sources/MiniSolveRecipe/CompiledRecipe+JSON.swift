import MiniSolveYAML

extension CompiledRecipe {
  /// The JSON that `minisolve compile` prints.
  public var json: JSONValue {
    var object: [String: JSONValue] = [
      "path": .string(path),
      "package": .object([
        "name": .string(name),
        "version": .string(version),
        "epoch": .int(epoch),
        "full-version": .string(fullVersion),
        "description": .string(description),
        "url": url.map { .string($0) } ?? .null,
        "licenses": .strings(licenses),
        "target-architecture": .strings(targetArchitectures),
      ]),
      "architecture": .string(architecture),
      "build-options": .strings(buildOptions),
      "environment": environment.json,
      "pipeline": .array(pipeline.map(\.json)),
      "packages": .array(packages.map(\.json)),
      "vars": .object(vars.mapValues { .string($0) }),
    ]
    if let test { object["test"] = test.json }
    return .object(object)
  }
}

extension CompiledPackage {
  public var json: JSONValue {
    var object: [String: JSONValue] = [
      "name": .string(name.value),
      "description": .string(description),
      "subpackage": .bool(isSubpackage),
      "runtime": .strings(runtime.map(\.value)),
      "provides": .strings(provides.map(\.value)),
      "replaces": .strings(replaces.map(\.value)),
      "pipeline": .array(pipeline.map(\.json)),
    ]
    if let providerPriority { object["provider-priority"] = .int(providerPriority) }
    if let replacesPriority { object["replaces-priority"] = .int(replacesPriority) }
    if let rangeKey { object["range-key"] = .string(rangeKey) }
    if let test { object["test"] = test.json }
    return .object(object)
  }
}

extension CompiledEnvironment {
  public var json: JSONValue {
    .object([
      "packages": .strings(packages.map(\.value)),
      "repositories": .strings(repositories),
      "keyring": .strings(keyring),
      "environment": .object(variables.mapValues { .string($0) }),
    ])
  }
}

extension CompiledStep {
  public var json: JSONValue {
    var object: [String: JSONValue] = [:]
    if let name { object["name"] = .string(name) }
    if let uses { object["uses"] = .string(uses) }
    if uses != nil { object["with"] = .object(inputs.mapValues { .string($0) }) }
    if let runs { object["runs"] = .string(runs) }
    if let condition { object["if"] = .string(condition) }
    if let workingDirectory { object["working-directory"] = .string(workingDirectory) }
    if !environment.isEmpty {
      object["environment"] = .object(environment.mapValues { .string($0) })
    }
    if !steps.isEmpty { object["pipeline"] = .array(steps.map(\.json)) }
    return .object(object)
  }
}

extension CompiledTest {
  public var json: JSONValue {
    .object(["environment": environment.json, "pipeline": .array(pipeline.map(\.json))])
  }
}
