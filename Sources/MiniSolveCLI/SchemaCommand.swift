import MiniSolveRecipe

/// `minisolve schema`: prints the JSON Schema of recipes or of pipeline files.
enum SchemaCommand: Command {
  static let spec = CommandSpec(
    name: "schema", summary: "Print the JSON Schema of a file kind, for editors.",
    arguments: "recipe|pipeline|image|project",
    discussion: "The schemas in schema/ are this output; yaml-language-server reads them.",
    options: [])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    guard arguments.positionals.count == 1, let kind = arguments.positionals.first else {
      throw UsageError(message: "name one kind: recipe, pipeline, image or project", spec: spec)
    }
    switch kind {
    case "recipe": terminal.out(JSONSchemaWriter.recipe.rendered())
    case "pipeline": terminal.out(JSONSchemaWriter.pipeline.rendered())
    case "image": terminal.out(JSONSchemaWriter.image.rendered())
    case "project": terminal.out(JSONSchemaWriter.project.rendered())
    default:
      throw UsageError(message: "unknown kind '\(kind)'; choose recipe or pipeline", spec: spec)
    }
    return ExitCode.success
  }
}
