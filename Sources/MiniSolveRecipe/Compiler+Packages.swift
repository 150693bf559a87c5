import MiniSolveYAML

extension Compiler {
  /// One scope per subpackage the declaration yields: one per data item for `range:`,
  /// none when its `if:` is false.
  func expansions(of declaration: SubpackageDeclaration, base: Scope) -> [(Scope, String?)] {
    var items: [(key: String, value: String)?] = [nil]
    if let range = declaration.range, !range.value.isEmpty {
      let name = substituted(range, in: base).value
      guard let data = recipe.data.first(where: { $0.name.value == name }) else {
        var message = "range '\(name)' names no data set"
        if let near = Suggestion.closest(to: name, among: recipe.data.map(\.name.value)) {
          message += "; did you mean '\(near)'?"
        }
        error(range, "unknown-range", message)
        return []
      }
      items = data.items.map { (key: $0.key, value: substituted($0.value, in: base).value) }
    }

    return items.compactMap { item in
      var scope = base
      if let item {
        scope["range.key"] = item.key
        scope["range.value"] = item.value
      }
      let name = substituted(declaration.name, in: scope).value
      scope = contextScope(scope, subpackageName: name)
      if let condition = declaration.condition, !holds(substituted(condition, in: scope)) {
        return nil
      }
      return (scope, item?.key)
    }
  }

  func contextScope(_ base: Scope, subpackageName name: String) -> Scope {
    var scope = base
    let folder = "\(Self.outputRoot)/\(name)"
    scope["context.name"] = name
    scope["subpkg.name"] = name
    scope["targets.subpkgdir"] = folder
    scope["targets.contextdir"] = folder
    return scope
  }

  func mainPackage(scope: Scope) -> CompiledPackage {
    let package = recipe.package
    let relations = dependencies(package.dependencies, scope: scope)
    return CompiledPackage(
      name: package.name,
      description: package.description.map { substituted($0, in: scope).value } ?? "",
      isSubpackage: false, rangeKey: nil, runtime: relations.runtime,
      provides: relations.provides, replaces: relations.replaces,
      providerPriority: relations.providerPriority, replacesPriority: relations.replacesPriority,
      pipeline: [], test: nil)
  }

  func subpackage(
    _ declaration: SubpackageDeclaration, scope: Scope, rangeKey: String?,
    needs environment: inout CompiledEnvironment
  ) -> CompiledPackage? {
    let name = substituted(declaration.name, in: scope)
    let relations = dependencies(declaration.dependencies, scope: scope)
    return CompiledPackage(
      name: name,
      description: declaration.description.map { substituted($0, in: scope).value } ?? "",
      isSubpackage: true, rangeKey: rangeKey, runtime: relations.runtime,
      provides: relations.provides, replaces: relations.replaces,
      providerPriority: relations.providerPriority, replacesPriority: relations.replacesPriority,
      pipeline: expand(declaration.pipeline, in: scope, needs: &environment),
      test: declaration.test.map { compileTest($0, scope: scope) })
  }

  private struct Relations {
    var runtime: [Located<String>]
    var provides: [Located<String>]
    var replaces: [Located<String>]
    var providerPriority: Int?
    var replacesPriority: Int?
  }

  private func dependencies(_ declared: Dependencies, scope: Scope) -> Relations {
    Relations(
      runtime: declared.runtime.map { constraint($0, in: scope) },
      provides: declared.provides.map { constraint($0, in: scope) },
      replaces: declared.replaces.map { constraint($0, in: scope) },
      providerPriority: priority(declared.providerPriority, scope: scope),
      replacesPriority: priority(declared.replacesPriority, scope: scope))
  }

  /// A dependency, provide or replace with its variables replaced. An `==` that only the
  /// replacement makes (`foo=${{vars.op}}=1` with `op` empty) is warned about here; one
  /// written in the text was already, by the decoder.
  private func constraint(_ declared: Located<String>, in scope: Scope) -> Located<String> {
    let value = substituted(declared, in: scope)
    if RecipeDecoder.writesDoubleEquals(value.value)
      && !RecipeDecoder.writesDoubleEquals(declared.value)
    {
      warn(
        declared, "double-equals",
        "'\(declared.value)' gives '\(value.value)', which uses '==': melange reads it as any"
          + " version")
    }
    return value
  }

  private func priority(_ declared: Located<String>?, scope: Scope) -> Int? {
    guard let declared else { return nil }
    let text = substituted(declared, in: scope).value
    guard let value = Int(text) else {
      error(declared, "invalid-priority", "priority '\(text)' is not an integer")
      return nil
    }
    return value
  }

  func compileEnvironment(_ declared: EnvironmentDeclaration, scope: Scope) -> CompiledEnvironment {
    var environment = CompiledEnvironment()
    for package in declared.packages { environment.add(substituted(package, in: scope)) }
    environment.repositories = declared.repositories
    environment.keyring = declared.keyring
    for (name, value) in declared.variables {
      environment.variables[name] = substituted(value, in: scope).value
    }
    return environment
  }

  func compileTest(_ test: TestDeclaration, scope: Scope) -> CompiledTest {
    var environment = compileEnvironment(test.environment, scope: scope)
    let pipeline = expand(test.pipeline, in: scope, needs: &environment)
    return CompiledTest(environment: environment, pipeline: pipeline)
  }

  /// Package names as apk accepts them: a letter or digit, then letters, digits and `+-._`.
  func checkPackageNames(_ packages: [CompiledPackage]) {
    for package in packages where !Self.isValidPackageName(package.name.value) {
      error(
        package.name, "invalid-name",
        "'\(package.name.value)' is not a valid package name"
          + " (a letter or digit, then letters, digits, '+', '-', '.' or '_')")
    }
  }

  static func isValidPackageName(_ name: String) -> Bool {
    guard let first = name.utf8.first, isAlphanumeric(first) else { return false }
    return name.utf8.allSatisfy { byte in
      isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
