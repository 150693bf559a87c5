import MiniSolveRecipe
import MiniSolveYAML

/// The path every input claims; its folder does not exist, so no project pipelines are read.
private let inputPath = "/nonexistent-fuzz-project/recipe.yaml"

/// Feeds one input through the YAML reader, the recipe decoder and the compiler, rendering
/// everything they return so that the code building messages and JSON runs too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))

  // The bare reader, whose errors the decoder also reports; a thrown error is a normal outcome.
  _ = try? YAMLReader.parse(bytes, limits: .default)

  let decoded = RecipeDecoder.decode(bytes, path: inputPath)
  consume(decoded.diagnostics)
  guard let recipe = decoded.recipe, let architecture = Architecture.named("x86_64") else {
    return 0
  }

  let compiled = Compiler.compile(
    recipe, source: bytes, options: CompileOptions(architecture: architecture),
    library: PipelineLibrary(directories: []))
  consume(compiled.diagnostics)
  if let result = compiled.recipe {
    blackHole(result.json.rendered().utf8.count)
  }
  return 0
}

/// Renders each diagnostic the way the CLI's first line does.
private func consume(_ diagnostics: [Diagnostic]) {
  for diagnostic in diagnostics {
    blackHole(diagnostic.description.utf8.count)
  }
}

/// Keeps the optimiser from dropping work whose result is otherwise unused.
@inline(never)
private func blackHole(_ value: Int) {
  if value == -1 { print("unreachable") }
}
