/// The pipelines a recipe can name in `uses:` without shipping them itself.
///
/// Names and inputs follow melange's built-ins so Wolfi recipes resolve unchanged; the
/// descriptions and scripts are minisolve's own.
public enum BuiltinPipelines {
  /// Pipeline source text by name as `uses:` writes it (`autoconf/configure`).
  public static let sources: [String: String] = groups.reduce(into: [:]) { merged, group in
    merged.merge(group) { first, _ in first }
  }

  /// Every built-in name, sorted.
  public static var names: [String] {
    sources.keys.sorted()
  }

  /// Each file's pipelines, kept apart so tests can tell a name defined twice.
  static let groups: [[String: String]] = [
    fetch, gitCheckout, patch, strip, autoconf, cmake, meson,
    splitDocs, splitLibraries, splitBinaries, goBuild, goTools, cargo, python,
  ]
}
