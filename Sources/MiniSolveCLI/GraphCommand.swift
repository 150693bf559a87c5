import MiniSolveLock

/// `minisolve graph [ROOT...] --image NAME --format dot|mermaid`: a locked closure's
/// dependency graph.
enum GraphCommand: Command {
  static let spec = CommandSpec(
    name: "graph", summary: "Draw the dependency graph of a locked closure (DOT or Mermaid).",
    arguments:
      "[ROOT...] (--image NAME [--variant prod|dev] | --build RECIPE) --format dot|mermaid",
    discussion: """
      Reads the project's lock and prints the graph of one closure: a node per member (name
      and version) plus the image or recipe on top, and an edge from each member's parent,
      the member, image or recipe that pulled it in, labelled with the requirement. Each
      member has the one edge the lock keeps, so the graph is a tree. With ROOT names, only
      the members those pulled in, directly or not. Nodes and edges are sorted: the same lock
      gives the same bytes. Render DOT with graphviz (`dot -Tsvg graph.dot > graph.svg`);
      paste Mermaid into Markdown.
      """,
    options: [
      LockOptions.image, LockOptions.variant,
      .value("build", "RECIPE", "Draw a recipe's build closure instead of an image."),
      LockOptions.arch, LockOptions.project,
      .value("format", "dot|mermaid", "Output format (required)."),
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OptionChoice.value(
      arguments, "format", among: ["dot", "mermaid"], default: nil, spec: spec)
    let lock = try LockOptions.lock(arguments, terminal: terminal).lock
    let selection = try LockOptions.selection(
      arguments, image: arguments.value("image"), in: lock, spec: spec)
    let graph: LockGraph
    do {
      graph = try LockGraph(selection, roots: arguments.positionals)
    } catch let error as LockQueryError {
      throw CommandFailure(message: error.message)
    }
    terminal.out(format == "dot" ? GraphWriter.dot(graph) : GraphWriter.mermaid(graph))
    return ExitCode.success
  }
}
