import MiniSolveYAML

extension Compiler {
  static let maximumPipelineDepth = 32

  /// Settings a nested step inherits from the steps around it.
  struct Inherited {
    var workingDirectory: String?
    var environment: [String: String] = [:]
  }

  /// Expands steps in order, dropping those whose `if:` is false and adding the `needs` of every
  /// step that runs to `environment`.
  func expand(
    _ steps: [Step], in scope: Scope, inherited: Inherited = Inherited(),
    needs environment: inout CompiledEnvironment
  ) -> [CompiledStep] {
    steps.compactMap { expand($0, in: scope, inherited: inherited, needs: &environment) }
  }

  private func expand(
    _ step: Step, in scope: Scope, inherited: Inherited,
    needs environment: inout CompiledEnvironment
  ) -> CompiledStep? {
    var compiled = CompiledStep()
    if let condition = step.condition {
      let text = substituted(condition, in: scope)
      guard holds(text) else { return nil }
      compiled.condition = text.value
    }
    compiled.name = step.name.map { label($0, in: scope) }
    compiled.runs = step.runs.map { substituted($0, in: scope).value }
    var settings = inherited
    if let directory = step.workingDirectory {
      settings.workingDirectory = substituted(directory, in: scope).value
    }
    for (name, value) in step.environment {
      settings.environment[name] = substituted(value, in: scope).value
    }
    compiled.workingDirectory = settings.workingDirectory
    compiled.environment = settings.environment
    for package in step.needs { environment.add(substituted(package, in: scope)) }

    if let uses = step.uses {
      let name = substituted(uses, in: scope)
      compiled.uses = name.value
      guard let (inputs, body) = call(name, from: step, in: scope, needs: &environment) else {
        return compiled
      }
      compiled.inputs = inputs
      compiled.steps = body(settings)
    }
    compiled.steps += expand(step.pipeline, in: scope, inherited: settings, needs: &environment)
    return compiled
  }

  /// Resolves a `uses:`, binds its inputs, and returns them with a way to expand its steps.
  private func call(
    _ name: Located<String>, from step: Step, in scope: Scope,
    needs environment: inout CompiledEnvironment
  ) -> ([String: String], (Inherited) -> [CompiledStep])? {
    if callSites.count >= Self.maximumPipelineDepth {
      error(
        name, "pipeline-depth",
        "pipelines use each other more than \(Self.maximumPipelineDepth) deep")
      return nil
    }
    let definition: PipelineDefinition
    switch library.lookup(name.value, projectDirectory: projectPipelines) {
    case .found(let found):
      definition = found
    case .invalid(_, let found):
      found.forEach { report($0) }
      error(name, "invalid-pipeline", "pipeline '\(name.value)' has errors (reported above)")
      return nil
    case .missing(let searched):
      var message = "no pipeline '\(name.value)'; looked in \(searched.joined(separator: ", "))"
      if let near = Suggestion.closest(to: name.value, among: BuiltinPipelines.names) {
        message += "; did you mean '\(near)'?"
      }
      error(name, "unknown-pipeline", message)
      return nil
    case .refused(let reason):
      error(name, "invalid-pipeline-name", reason)
      return nil
    }

    guard let inputs = bind(step, to: definition, in: scope) else { return nil }
    var inner = scope.withoutInputs(reservingCapacity: inputs.count)
    for (input, value) in inputs { inner["inputs.\(input)"] = value }

    callSites.append((definition.name, name))
    defer { callSites.removeLast() }
    let body = definition.step
    if let condition = body.condition, !holds(substituted(condition, in: inner)) {
      return (inputs, { _ in [] })
    }
    for package in body.needs { environment.add(substituted(package, in: inner)) }
    var steps: [CompiledStep] = []
    var settings = Inherited()
    if let directory = body.workingDirectory {
      settings.workingDirectory = substituted(directory, in: inner).value
    }
    if let runs = body.runs {
      var script = CompiledStep()
      script.runs = substituted(runs, in: inner).value
      steps.append(script)
    }
    steps += expand(body.pipeline, in: inner, inherited: settings, needs: &environment)
    return (
      inputs,
      { outer in
        // Most callers set neither: the steps are then theirs as they are.
        outer.workingDirectory == nil && outer.environment.isEmpty
          ? steps : steps.map { Self.inherit(outer, into: $0) }
      }
    )
  }

  /// The values of a named pipeline's inputs for one call: given, defaulted, or an error.
  private func bind(
    _ step: Step, to definition: PipelineDefinition, in scope: Scope
  ) -> [String: String]? {
    let declared = definition.step.inputs
    var values = [String: String](minimumCapacity: declared.count)
    var failed = false
    for (name, value) in step.with {
      guard declared.contains(where: { $0.name.value == name.value }) else {
        var message = "pipeline '\(definition.name)' has no input '\(name.value)'"
        if let near = Suggestion.closest(to: name.value, among: declared.map(\.name.value)) {
          message += "; did you mean '\(near)'?"
        }
        error(name, "undefined-input", message)
        failed = true
        continue
      }
      let given = substituted(value, in: scope).value
      values[name.value] = given
      checkDigest(name.value, given, at: value)
    }
    let defaults = scope.withoutInputs()
    for input in declared where values[input.name.value] == nil {
      if let fallback = input.defaultValue {
        values[input.name.value] = substituted(fallback, in: defaults).value
      } else if input.required {
        error(
          step.uses ?? input.name, "missing-input",
          "pipeline '\(definition.name)' needs input '\(input.name.value)'"
            + " (required, no default; declared at \(input.name.site))")
        failed = true
      } else {
        values[input.name.value] = ""
      }
    }
    return failed ? nil : values
  }

  private static let digestLengths = [
    "expected-sha256": [64], "expected-sha512": [128], "expected-commit": [40, 64],
  ]

  /// Checksum inputs must be hex digests of the right length; melange would fail the fetch late.
  private func checkDigest(_ input: String, _ value: String, at site: Located<String>) {
    guard let expected = Self.digestLengths[input], !value.isEmpty else { return }
    let isHex = value.utf8.allSatisfy { byte in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
    guard !isHex || !expected.contains(value.utf8.count) else { return }
    let digits = expected.map(String.init).joined(separator: " or ")
    error(
      site, "invalid-checksum",
      "'\(input)' must be \(digits) hexadecimal digits; '\(value)' has \(value.count) characters"
        + (isHex ? "" : " and not all are hexadecimal"))
  }

  /// A step of a named pipeline as run from a caller: the caller's settings where it has none.
  private static func inherit(_ outer: Inherited, into step: CompiledStep) -> CompiledStep {
    var step = step
    if step.workingDirectory == nil { step.workingDirectory = outer.workingDirectory }
    step.environment = outer.environment.merging(step.environment) { _, inner in inner }
    step.steps = step.steps.map { inherit(outer, into: $0) }
    return step
  }

  /// A step's name: a label only, so a name it cannot replace is kept as written, with a warning.
  private func label(_ name: Located<String>, in scope: Scope) -> String {
    do {
      return try Substitution(scope: scope).apply(name)
    } catch {
      warn(
        name, "label-variable",
        "\((error as? SubstitutionError)?.message ?? "\(error)"); the step name keeps it as written"
      )
      return name.value
    }
  }

  /// Whether an `if:` holds, given its text with variables already replaced.
  func holds(_ condition: Located<String>) -> Bool {
    do {
      return try Expression.evaluate(condition.value).isTruthy
    } catch {
      self.error(condition, "invalid-condition", "condition '\(condition.value)': \(error.message)")
      return false
    }
  }
}
