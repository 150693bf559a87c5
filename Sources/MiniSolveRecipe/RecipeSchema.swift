/// The recipe language's keys, as melange defines them, with the shape of each value.
enum RecipeSchema {
  static let strings = Shape.list(.string)
  static let stringMap = Shape.map(.string)

  static let recipe = SchemaDefinition(
    id: "https://minisolve.dev/schema/recipe.schema.json",
    title: "minisolve recipe (the melange recipe language)",
    root: "Recipe",
    objects: [
      ObjectShape(
        name: "Recipe", summary: "One source package: how to build it and what it yields.",
        fields: [
          Field("package", .object("Package"), required: true, "The main binary package."),
          Field("environment", .object("Environment"), "What the build runs in."),
          Field("pipeline", .list(.object("Step")), "The build steps, in order."),
          Field("subpackages", .list(.object("Subpackage")), "Further binary packages."),
          Field("data", .list(.object("DataSet")), "Named key/value sets for `range`."),
          Field("vars", stringMap, "Variables for `${{vars.NAME}}`."),
          Field("var-transforms", .list(.object("VarTransform")), "Variables made by regex."),
          Field("options", .map(.object("BuildOption")), "Optional deviations to the build."),
          Field("update", .object("Update"), "How new upstream versions are found."),
          Field("test", .object("Test"), "Tests of the main package."),
          Field("capabilities", .object("RunnerCapabilities"), "Capabilities of the runner."),
        ]),
      ObjectShape(
        name: "Package", summary: "The main package's metadata and dependencies.",
        fields: [
          Field("name", .string, required: true, "Package name."),
          Field("version", .string, required: true, "Upstream version."),
          Field("epoch", .integer, "Release number of this version (the `-rN`)."),
          Field("description", .string, "One-line description."),
          Field("url", .string, "Home page."),
          Field("commit", .string, "Commit of the recipe."),
          Field("annotations", stringMap, "Free-form annotations."),
          Field("target-architecture", strings, "Architectures to build for (`all`)."),
          Field("copyright", .list(.object("Copyright")), "Licences."),
          Field("dependencies", .object("Dependencies"), "Runtime relations."),
          Field("options", .object("PackageOptions"), "Packaging switches."),
          Field("scriptlets", .object("Scriptlets"), "Install and upgrade scripts."),
          Field("checks", .object("Checks"), "Post-build linters."),
          Field("cpe", .object("CPE"), "Fields for a CPE name."),
          Field("setcap", .list(.object("SetCapability")), "File capabilities to set."),
          Field("timeout", .integer, "Build timeout in seconds."),
          Field("resources", .object("Resources"), "Resources the build asks for."),
          Field("test-resources", .object("Resources"), "Resources the tests ask for."),
        ]),
      ObjectShape(
        name: "Copyright", summary: "One licence of the package.",
        fields: [
          Field("license", .string, required: true, "SPDX licence expression."),
          Field("paths", strings, "Files the licence covers."),
          Field("attestation", .string, "Attestation text."),
          Field("license-path", .string, "Path of a custom licence text."),
          Field("detection-override", .string, "Licence detection override."),
        ]),
      ObjectShape(
        name: "Dependencies", summary: "Relations to other packages.",
        fields: [
          Field("runtime", strings, "Constraints that must hold where the package is installed."),
          Field("provides", strings, "Other names the package answers to."),
          Field("replaces", strings, "Packages whose files this one may overwrite."),
          Field("provider-priority", .integerText, "Preference among providers of one name."),
          Field("replaces-priority", .integerText, "Preference among replacing packages."),
        ]),
      ObjectShape(
        name: "PackageOptions", summary: "Switches for automatic dependency detection.",
        fields: [
          Field("no-provides", .boolean, "The package provides nothing (virtual)."),
          Field("no-depends", .boolean, "The package depends on nothing."),
          Field("no-commands", .boolean, "The package provides no commands."),
          Field("no-versioned-shlib-deps", .boolean, "Unversioned shared-library deps."),
        ]),
      ObjectShape(
        name: "Scriptlets", summary: "Scripts run by the package manager.",
        fields: [
          Field("trigger", .object("Trigger"), "Script run when paths change."),
          Field("pre-install", .string, "Before install."),
          Field("post-install", .string, "After install."),
          Field("pre-deinstall", .string, "Before removal."),
          Field("post-deinstall", .string, "After removal."),
          Field("pre-upgrade", .string, "Before upgrade."),
          Field("post-upgrade", .string, "After upgrade."),
        ]),
      ObjectShape(
        name: "Trigger", summary: "A script and the paths that trigger it.",
        fields: [
          Field("script", .string, "The script."),
          Field("paths", strings, "Paths watched."),
        ]),
      ObjectShape(
        name: "Checks", summary: "Linters run on the built package.",
        fields: [
          Field("enabled", strings, "Linters to enable."),
          Field("disabled", strings, "Linters to disable."),
        ]),
      ObjectShape(
        name: "CPE", summary: "CPE name fields.",
        fields: [
          "part", "vendor", "product", "edition", "language", "sw_edition", "target_sw",
          "target_hw", "other",
        ].map { Field($0, .string, "CPE field.") }),
      ObjectShape(
        name: "SetCapability", summary: "File capabilities for one path.",
        fields: [
          Field("path", .string, "The file."),
          Field("add", stringMap, "Capabilities and their flags."),
          Field("reason", .string, "Why the file needs them."),
        ]),
      ObjectShape(
        name: "Resources", summary: "Resources a build or test asks for.",
        fields: ["cpu", "cpumodel", "memory", "disk"].map { Field($0, .string, "Amount.") }),
      ObjectShape(
        name: "Environment", summary: "The image a pipeline runs in (apko's configuration).",
        fields: [
          Field("contents", .object("Contents"), "Packages, repositories and keys."),
          Field("environment", stringMap, "Environment variables."),
          Field("accounts", .object("Accounts"), "Users and groups."),
          Field("archs", strings, "Architectures."),
          Field("paths", .list(.object("PathMutation")), "Paths to create or change."),
          Field("entrypoint", .object("Entrypoint"), "Entrypoint."),
          Field("cmd", .string, "Command."),
          Field("stop-signal", .string, "Stop signal."),
          Field("work-dir", .string, "Working directory."),
          Field("vcs-url", .string, "Source repository."),
          Field("annotations", stringMap, "Image annotations."),
          Field("include", .string, "Another configuration to include."),
          Field("volumes", strings, "Volumes."),
          Field("layering", .object("Layering"), "Layering strategy."),
          Field("certificates", .object("Certificates"), "Extra CA certificates."),
        ]),
      ObjectShape(
        name: "Contents", summary: "What the environment holds.",
        fields: [
          Field("packages", strings, "Packages to install (constraints)."),
          Field("repositories", strings, "Repositories."),
          Field("build_repositories", strings, "Repositories used only while building."),
          Field("runtime_repositories", strings, "Repositories kept at runtime."),
          Field("keyring", strings, "Signing keys."),
          Field("baseimage", .object("BaseImage"), "Base image."),
        ]),
      ObjectShape(
        name: "BaseImage", summary: "A base image and its package index.",
        fields: [Field("image", .string, "Image."), Field("apkindex", .string, "Index.")]),
      ObjectShape(
        name: "Accounts", summary: "Users and groups of the environment.",
        fields: [
          Field("run-as", .string, "User the process runs as."),
          Field("users", .list(.object("User")), "Users."),
          Field("groups", .list(.object("Group")), "Groups."),
        ]),
      ObjectShape(
        name: "User", summary: "A user account.",
        fields: [
          Field("username", .string, "Name."),
          Field("uid", .integer, "User id."),
          Field("gid", .integer, "Primary group id."),
          Field("shell", .string, "Login shell."),
          Field("homedir", .string, "Home directory."),
        ]),
      ObjectShape(
        name: "Group", summary: "A group.",
        fields: [
          Field("groupname", .string, "Name."),
          Field("gid", .integer, "Group id."),
          Field("members", strings, "Member user names."),
        ]),
      ObjectShape(
        name: "PathMutation", summary: "A path to create or change in the image.",
        fields: [
          Field("path", .string, "Path."),
          Field("type", .string, "directory, empty-file, hardlink, symlink or permissions."),
          Field("uid", .integer, "Owner."),
          Field("gid", .integer, "Group."),
          Field("permissions", .integer, "Mode (decimal or 0o octal)."),
          Field("source", .string, "Link target."),
          Field("recursive", .boolean, "Apply below the path too."),
        ]),
      ObjectShape(
        name: "Entrypoint", summary: "What the image runs.",
        fields: [
          Field("type", .string, "Kind of entrypoint."),
          Field("command", .string, "Command line."),
          Field("shell-fragment", .string, "Shell fragment."),
          Field("services", stringMap, "Supervised services."),
        ]),
      ObjectShape(
        name: "Layering", summary: "How packages are spread over layers.",
        fields: [Field("strategy", .string, "Strategy."), Field("budget", .integer, "Layers.")]),
      ObjectShape(
        name: "Certificates", summary: "Extra CA certificates.",
        fields: [
          Field("additional", .list(.object("Certificate")), "Certificates."),
          Field("providers", strings, "Packages providing certificates."),
        ]),
      ObjectShape(
        name: "Certificate", summary: "One CA certificate.",
        fields: [Field("name", .string, "Name."), Field("content", .string, "PEM text.")]),
      ObjectShape(
        name: "Step", summary: "One pipeline step: a shell script or a named pipeline.",
        fields: stepFields),
      ObjectShape(
        name: "Needs", summary: "What a pipeline needs installed.",
        fields: [Field("packages", strings, "Packages added to the build environment.")]),
      ObjectShape(
        name: "Assertions", summary: "Checks on a pipeline's outcome.",
        fields: [Field("required-steps", .integer, "Steps that must succeed.")]),
      ObjectShape(
        name: "Input", summary: "An input a pipeline takes through `with:`.",
        fields: [
          Field("description", .string, "What the input means."),
          Field("default", .string, "Value when `with:` does not give one."),
          Field("required", .boolean, "A value must be given."),
        ]),
      ObjectShape(
        name: "Subpackage", summary: "A further binary package made by the same build.",
        fields: [
          Field("name", .string, required: true, "Package name."),
          Field("range", .string, "Name of a `data` set: one subpackage per item."),
          Field("if", .string, "Condition; the subpackage exists only when it holds."),
          Field("description", .string, "One-line description."),
          Field("url", .string, "Home page."),
          Field("commit", .string, "Commit of the recipe."),
          Field("annotations", stringMap, "Free-form annotations."),
          Field("copyright", .list(.object("Copyright")), "Licences."),
          Field("dependencies", .object("Dependencies"), "Runtime relations."),
          Field("options", .object("PackageOptions"), "Packaging switches."),
          Field("scriptlets", .object("Scriptlets"), "Install and upgrade scripts."),
          Field("checks", .object("Checks"), "Post-build linters."),
          Field("setcap", .list(.object("SetCapability")), "File capabilities to set."),
          Field("pipeline", .list(.object("Step")), "Steps that fill the subpackage."),
          Field("test", .object("Test"), "Tests of the subpackage."),
        ]),
      ObjectShape(
        name: "DataSet", summary: "A named set of items for `range`.",
        fields: [
          Field("name", .string, required: true, "Name used by `range:`."),
          Field("items", stringMap, required: true, "Keys and values, expanded in key order."),
        ]),
      ObjectShape(
        name: "VarTransform", summary: "A variable made by a regex replacement.",
        fields: [
          Field("from", .string, required: true, "Text to transform (may use variables)."),
          Field("match", .string, required: true, "Regular expression."),
          Field("replace", .string, required: true, "Replacement (`$1`, `${name}`)."),
          Field("to", .string, required: true, "Name of the new variable."),
        ]),
      ObjectShape(
        name: "BuildOption", summary: "A deviation enabled with `--build-option NAME`.",
        fields: [
          Field("vars", stringMap, "Variables overridden."),
          Field("environment", .object("OptionEnvironment"), "Environment changes."),
        ]),
      ObjectShape(
        name: "OptionEnvironment", summary: "Environment changes of a build option.",
        fields: [Field("contents", .object("OptionContents"), "Contents changes.")]),
      ObjectShape(
        name: "OptionContents", summary: "Package list changes of a build option.",
        fields: [Field("packages", .object("ListChange"), "Packages added and removed.")]),
      ObjectShape(
        name: "ListChange", summary: "Items added to and removed from a list.",
        fields: [Field("add", strings, "Added."), Field("remove", strings, "Removed.")]),
      ObjectShape(
        name: "Test", summary: "Tests run against built packages.",
        fields: [
          Field("environment", .object("Environment"), "What the tests run in."),
          Field("pipeline", .list(.object("Step")), "Test steps."),
        ]),
      ObjectShape(
        name: "RunnerCapabilities", summary: "Linux capabilities of the build runner.",
        fields: [Field("add", strings, "Added."), Field("drop", strings, "Dropped.")]),
    ] + UpdateSchema.objects)

  static let stepFields: [Field] = [
    Field("name", .string, "Label shown in logs."),
    Field("description", .string, "What the step does."),
    Field("uses", .string, "A named pipeline to run (`autoconf/configure`)."),
    Field("with", stringMap, "Inputs for the pipeline named by `uses`."),
    Field("runs", .string, "A shell script."),
    Field("if", .string, "Condition; the step runs only when it holds."),
    Field("working-directory", .string, "Directory the step runs in."),
    Field("environment", stringMap, "Environment variables."),
    Field("pipeline", .list(.object("Step")), "Nested steps sharing this step's settings."),
    Field("needs", .object("Needs"), "Packages the step needs."),
    Field("label", .string, "A label."),
    Field("assertions", .object("Assertions"), "Checks on the outcome."),
    Field("inputs", .map(.object("Input")), "Inputs this pipeline takes."),
  ]

  /// A pipeline file, as `uses:` names it: a step with inputs and needs.
  static let pipeline = SchemaDefinition(
    id: "https://minisolve.dev/schema/pipeline.schema.json",
    title: "minisolve pipeline (a melange named pipeline)",
    root: "PipelineFile",
    objects: [
      ObjectShape(
        name: "PipelineFile", summary: "A named pipeline that recipes run with `uses:`.",
        fields: stepFields)
    ] + recipe.objects.values.filter { ["Step", "Needs", "Assertions", "Input"].contains($0.name) }
  )
}
