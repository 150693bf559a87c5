import MiniSolveRecipe
import MiniSolveYAML

/// Turns compiled recipes into packages: a binary package for the main package and each
/// subpackage, and a source package per recipe whose build requirements are its environment.
public enum RecipePackages {
  /// Bumped whenever what a recipe yields changes, so cached recipes are read again.
  public static let formatVersion = 3

  /// Adds the recipe's packages to `builder`; constraints that do not parse are reported.
  public static func add(
    _ recipe: CompiledRecipe, to builder: inout PackageSetBuilder
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let version = recipe.fullVersion
    if let problem = ApkVersion.problem(in: version) {
      let mark = recipe.packages.first?.name.mark ?? .start
      diagnostics.append(
        Diagnostic(path: recipe.path, mark: mark, category: "invalid-version", message: problem))
      return diagnostics
    }

    let sourceMark = recipe.packages.first?.name.mark ?? .start
    var source = PackageDraft(
      name: recipe.name, version: version, architecture: recipe.architecture, scheme: .apk,
      file: recipe.path, line: sourceMark.line)
    source.column = sourceMark.column
    source.kind = .source
    source.source = recipe.name
    append(recipe.environment.packages, .buildDepends, to: &source, &diagnostics)
    builder.add(source)

    for package in recipe.packages {
      var draft = PackageDraft(
        name: package.name.value, version: version, architecture: recipe.architecture,
        scheme: .apk, file: recipe.path, line: package.name.mark.line)
      draft.column = package.name.mark.column
      draft.source = recipe.name
      draft.providerPriority = package.providerPriority ?? 0
      draft.replacesPriority = package.replacesPriority ?? 0
      if !recipe.licenses.isEmpty { draft.license = recipe.licenses.joined(separator: " AND ") }
      append(package.runtime, .depends, to: &draft, &diagnostics)
      append(package.provides, .provides, to: &draft, &diagnostics)
      append(package.replaces, .replaces, to: &draft, &diagnostics)
      builder.add(draft)
    }
    return diagnostics
  }

  /// Parses each declared constraint into a relation of the draft, at its declaration site.
  private static func append(
    _ declared: [Located<String>], _ kind: RelationKind, to draft: inout PackageDraft,
    _ diagnostics: inout [Diagnostic]
  ) {
    for item in declared {
      do {
        let constraint = try Constraint.apk(item.value)
        var effective = kind
        if constraint.isConflict {
          effective = kind == .buildDepends ? .buildConflicts : kind == .depends ? .conflicts : kind
        }
        draft.relations.append(
          .init(
            effective, [constraint], line: item.mark.line, column: item.mark.column,
            file: item.path))
      } catch let error as ConstraintError {
        diagnostics.append(
          Diagnostic(
            path: item.path, mark: item.mark, category: "invalid-constraint",
            message: "'\(item.value)': \(error.message)"))
      } catch {
        continue
      }
    }
  }
}
