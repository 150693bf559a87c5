import MiniSolveLock

/// `minisolve why PACKAGE --image NAME`: the chain of edges that put a package into a locked
/// closure.
enum WhyCommand: Command {
  static let spec = CommandSpec(
    name: "why", summary: "Show why a package is in a locked image.",
    arguments: "PACKAGE (--image NAME [--variant prod|dev] | --build RECIPE) [options]",
    discussion: """
      Reads the project's lock (run minisolve lock first) and prints the chain of edges from
      a root of the image down to PACKAGE, one line each: the root with the file:line:col of
      the image file that asks for it, then every member with the member that pulled it in,
      the requirement as written and where it was declared:

        hello (root, images/hello.yaml:3:7)
        libgreet  <- hello needs so:libgreet.so.1 (recipes/hello.yaml:11:9)

      The lock keeps, for each member, the one edge that pulled it in, so there is one chain.
      With --build the closure is a recipe's build closure and the chain starts at the
      recipe. Exits 1 when the lock is missing or malformed, or the image, recipe or package
      is not in it (with the nearest name, and the closures that do hold the package).
      """,
    options: [
      LockOptions.image, LockOptions.variant,
      .value("build", "RECIPE", "Look in a recipe's build closure instead of an image."),
      LockOptions.arch, LockOptions.project, UniverseOptions.format,
    ])

  static func run(_ arguments: ParsedArguments, terminal: Terminal) throws -> Int32 {
    let format = try OutputFormat(arguments.value("format"), spec: spec)
    guard arguments.positionals.count == 1, let package = arguments.positionals.first else {
      throw UsageError(
        message: arguments.positionals.isEmpty
          ? "name the package to explain" : "name one package, not several", spec: spec)
    }
    let lock = try LockOptions.lock(arguments, terminal: terminal).lock
    let selection = try LockOptions.selection(
      arguments, image: arguments.value("image"), in: lock, spec: spec)
    let why: LockWhy
    do {
      why = try LockWhy(package: package, in: selection, lock: lock)
    } catch let error as LockQueryError {
      throw CommandFailure(message: error.message)
    }
    switch format {
    case .text: terminal.out(why.lines.map { $0 + "\n" }.joined())
    case .json: terminal.out(why.json.rendered())
    }
    return ExitCode.success
  }
}
