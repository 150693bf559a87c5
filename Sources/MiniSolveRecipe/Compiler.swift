import Foundation
import MiniSolveYAML

/// Expands a recipe for one architecture and set of options: variables, var-transforms,
/// ranges, conditions and named pipelines, checking what only expansion can reveal.
// TODO(perf): each architecture is compiled from scratch, though most of the work does not
// depend on it; linting the Wolfi corpus for two architectures is 3.0x libyaml's parse.
public final class Compiler {
  static let buildRoot = "/home/build"
  static let outputRoot = "/home/build/melange-out"

  let recipe: Recipe
  let options: CompileOptions
  let library: PipelineLibrary
  /// The recipe's own project pipeline folder, searched before the library's folders.
  let projectPipelines: String?
  private let recipeText: [UInt8]
  private var sourceLines: [String: [Substring]] = [:]
  var diagnostics: [Diagnostic] = []
  /// Where the pipeline being expanded was called from, innermost last.
  /// (`site` is made only for a finding: most calls have none.)
  var callSites: [(name: String, at: Located<String>)] = []

  /// Compiles `recipe`; the result is nil when any error was found.
  public static func compile(
    _ recipe: Recipe, source: [UInt8], options: CompileOptions, library: PipelineLibrary
  ) -> (recipe: CompiledRecipe?, diagnostics: [Diagnostic]) {
    let compiler = Compiler(recipe: recipe, source: source, options: options, library: library)
    let compiled = compiler.run()
    let failed = compiler.diagnostics.contains { $0.severity == .error }
    return (failed ? nil : compiled, compiler.diagnostics)
  }

  init(recipe: Recipe, source: [UInt8], options: CompileOptions, library: PipelineLibrary) {
    self.recipe = recipe
    self.options = options
    self.library = library
    self.recipeText = source
    self.projectPipelines = library.projectPipelineFolder(for: recipe.path)
  }

  /// `pipelines/` beside the recipe, or beside its `recipes/` folder.
  static func projectPipelineFolder(for recipePath: String) -> String? {
    let folder = URL(fileURLWithPath: recipePath).standardizedFileURL.deletingLastPathComponent()
    var candidates = [folder.appendingPathComponent("pipelines")]
    if folder.lastPathComponent == "recipes" {
      candidates.append(folder.deletingLastPathComponent().appendingPathComponent("pipelines"))
    }
    for candidate in candidates {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder),
        isFolder.boolValue
      {
        return candidate.path
      }
    }
    return nil
  }

  func run() -> CompiledRecipe {
    let package = recipe.package
    checkArchitecture()
    let enabled = enabledOptions()
    let base = baseScope(enabledOptions: enabled)
    var mainScope = base
    mainScope["context.name"] = package.name.value
    mainScope["targets.contextdir"] = "\(Self.outputRoot)/\(package.name.value)"

    var environment = compileEnvironment(recipe.environment, scope: mainScope)
    for option in enabled {
      for added in option.addedPackages { environment.add(substituted(added, in: mainScope)) }
      let removed = Set(option.removedPackages.map { substituted($0, in: mainScope).value })
      environment.packages.removeAll { removed.contains($0.value) }
    }
    let pipeline = expand(recipe.pipeline, in: mainScope, needs: &environment)

    var packages = [mainPackage(scope: mainScope)]
    var seen = [package.name.value: packages[0]]
    for declaration in recipe.subpackages {
      for (scope, key) in expansions(of: declaration, base: base) {
        guard
          let compiled = subpackage(declaration, scope: scope, rangeKey: key, needs: &environment)
        else { continue }
        if let first = seen[compiled.name.value] {
          error(
            compiled.name, "duplicate-package",
            duplicateMessage(compiled, first: first, declaration))
        }
        seen[compiled.name.value] = seen[compiled.name.value] ?? compiled
        packages.append(compiled)
      }
    }
    checkPackageNames(packages)

    return CompiledRecipe(
      path: recipe.path, name: package.name.value, version: package.version.value,
      epoch: package.epoch,
      description: package.description.map { substituted($0, in: mainScope).value } ?? "",
      url: package.url, licenses: package.licenses, architecture: options.architecture.name,
      buildOptions: enabled.map(\.name.value), targetArchitectures: package.targetArchitectures,
      environment: environment, pipeline: pipeline, packages: packages,
      test: recipe.test.map { compileTest($0, scope: mainScope) },
      vars: resolvedVars(base))
  }

  private func duplicateMessage(
    _ package: CompiledPackage, first: CompiledPackage, _ declaration: SubpackageDeclaration
  ) -> String {
    let name = package.name.value
    if first.name.mark == package.name.mark, let a = first.rangeKey, let b = package.rangeKey {
      let range = declaration.range?.value ?? ""
      return "package '\(name)' is defined twice (items '\(a)' and '\(b)' of range '\(range)'"
        + " give the same name)"
    }
    let place = first.name.path == package.name.path ? "\(first.name.mark)" : first.name.site
    return "package '\(name)' is defined twice (first at \(place))"
  }

  // MARK: Scopes

  private func enabledOptions() -> [BuildOption] {
    options.buildOptions.compactMap { name in
      if let option = recipe.options.first(where: { $0.name.value == name }) { return option }
      var message = "no build option '\(name)' in this recipe"
      if let near = Suggestion.closest(to: name, among: recipe.options.map(\.name.value)) {
        message += "; did you mean '\(near)'?"
      }
      diagnostics.append(
        Diagnostic(path: recipe.path, mark: .start, category: "unknown-option", message: message))
      return nil
    }
  }

  private func baseScope(enabledOptions: [BuildOption]) -> Scope {
    let package = recipe.package
    var scope = Scope(
      names: options.architecture.substitutions, capacity: 16 + recipe.options.count)
    scope["package.name"] = package.name.value
    scope["package.version"] = package.version.value
    scope["package.epoch"] = String(package.epoch)
    scope["package.full-version"] = "\(package.version.value)-r\(package.epoch)"
    scope["package.description"] = package.description?.value ?? ""
    scope["package.srcdir"] = Self.buildRoot
    scope["targets.outdir"] = Self.outputRoot
    scope["targets.destdir"] = "\(Self.outputRoot)/\(package.name.value)"
    for option in recipe.options {
      let on = enabledOptions.contains { $0.name.value == option.name.value }
      scope["options.\(option.name.value).enabled"] = on ? "true" : "false"
    }
    for (name, value) in recipe.vars { scope.vars[name] = value }
    for option in enabledOptions {
      for (name, value) in option.vars { scope.vars[name] = value }
    }
    for transform in recipe.varTransforms {
      scope.vars[transform.to.value] = apply(transform, in: scope)
    }
    return scope
  }

  private func apply(_ transform: VarTransform, in scope: Scope) -> Located<String> {
    let from = substituted(transform.from, in: scope)
    do {
      let regex = try library.regex(transform.match.value)
      return from.map { regex.replaceAll(in: $0, with: transform.replace.value) }
    } catch {
      self.error(
        transform.match, "invalid-regex",
        "'\(transform.match.value)' is not a valid regular expression")
      return from
    }
  }

  private func resolvedVars(_ scope: Scope) -> [String: String] {
    // In the order the vars are declared: the order of a Dictionary changes from run to run,
    // and with it the order of the findings (a helper's differential test caught one run in
    // four printing a cycle before an unknown name instead of after).
    var resolved: [String: String] = [:]
    let declared = scope.vars.sorted { ($0.value.mark, $0.key) < ($1.value.mark, $1.key) }
    for (name, value) in declared { resolved[name] = substituted(value, in: scope).value }
    return resolved
  }

  private func checkArchitecture() {
    let targets = recipe.package.targetArchitectures
    guard !targets.isEmpty, !targets.contains("all"),
      !targets.contains(options.architecture.name)
    else { return }
    warn(
      recipe.package.name, "architecture",
      "the recipe builds only for \(targets.joined(separator: ", ")),"
        + " not \(options.architecture.name)")
  }

  // MARK: Substitution and reporting

  /// The text with every `${{...}}` replaced; on failure the error is reported and the text kept.
  func substituted(_ text: Located<String>, in scope: Scope) -> Located<String> {
    do {
      let value = try Substitution(scope: scope).apply(text)
      return text.map { _ in value }
    } catch let error as SubstitutionError {
      let mark = locate(error.needle, in: error.path, from: error.mark)
      report(
        Diagnostic(path: error.path, mark: mark, category: error.category, message: error.message))
      return text
    } catch {
      self.error(text, "internal", "unexpected failure: \(error)")
      return text
    }
  }

  func error(_ at: Located<String>, _ category: String, _ message: String) {
    report(Diagnostic(path: at.path, mark: at.mark, category: category, message: message))
  }

  func warn(_ at: Located<String>, _ category: String, _ message: String) {
    report(
      Diagnostic(
        path: at.path, mark: at.mark, severity: .warning, category: category, message: message))
  }

  /// Records a finding once; inside a named pipeline it says where the pipeline was used.
  func report(_ diagnostic: Diagnostic) {
    var diagnostic = diagnostic
    if let call = callSites.last, diagnostic.path != recipe.path {
      diagnostic.message += " (in pipeline '\(call.name)' used at \(call.at.site))"
    }
    if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
  }

  /// The exact position of `needle` at or after `mark` in a file, or `mark` itself.
  private func locate(_ needle: String?, in path: String, from mark: Mark) -> Mark {
    guard let needle, let lines = lines(of: path) else { return mark }
    var number = mark.line
    while number <= min(lines.count, mark.line + 2000) {
      let line = lines[number - 1]
      let skip = number == mark.line ? max(0, mark.column - 1) : 0
      let searched = line.unicodeScalars.dropFirst(skip)
      if let found = String(String.UnicodeScalarView(searched)).range(of: needle) {
        let prefix = String(String.UnicodeScalarView(searched))[..<found.lowerBound]
        return Mark(line: number, column: skip + prefix.unicodeScalars.count + 1)
      }
      number += 1
    }
    return mark
  }

  private func lines(of path: String) -> [Substring]? {
    if let cached = sourceLines[path] { return cached }
    let text =
      path == recipe.path
      ? String(decoding: recipeText, as: UTF8.self) : PipelineLibrary.sourceText(of: path)
    guard let text else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    sourceLines[path] = lines
    return lines
  }
}
