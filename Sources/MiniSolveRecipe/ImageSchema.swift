/// The keys of an image file (`images/NAME.yaml`): apko's image configuration plus `dev`, and
/// of the project file `minisolve.yaml`.
enum ImageSchema {
  static let strings = Shape.list(.string)
  static let stringMap = Shape.map(.string)

  static let image = SchemaDefinition(
    id: "https://minisolve.dev/schema/image.schema.json",
    title: "minisolve image (apko's image configuration, plus dev packages)",
    root: "Image",
    objects: [
      ObjectShape(
        name: "Image", summary: "One container image: its root packages and settings.",
        fields: [
          Field("contents", .object("Contents"), required: true, "What the image holds."),
          Field("dev", .object("Dev"), "What the dev variant adds."),
          Field("entrypoint", .object("Entrypoint"), "What the container runs."),
          Field("cmd", .string, "Arguments given to the entrypoint."),
          Field("stop-signal", .string, "Signal that stops the container."),
          Field("work-dir", .string, "Working directory."),
          Field("accounts", .object("Accounts"), "Users and groups."),
          Field("archs", strings, "Architectures to lock (default: the project's)."),
          Field("environment", stringMap, "Environment variables."),
          Field("paths", .list(.object("Path")), "Files and folders made in the image."),
          Field("annotations", stringMap, "OCI annotations."),
          Field("volumes", strings, "Volumes."),
          Field("vcs-url", .string, "Where the image's sources live."),
          Field("include", .string, "Another image file this one extends (not followed)."),
          Field("os-release", .object("OSRelease"), "Contents of /etc/os-release."),
        ]),
      ObjectShape(
        name: "Contents", summary: "Packages and where they come from.",
        fields: [
          Field("packages", strings, required: true, "Root packages (constraints)."),
          Field("repositories", strings, "Repository URLs or paths."),
          Field("keyring", strings, "Signing keys of the repositories."),
          Field("build_repositories", strings, "Repositories used only while building."),
          Field("runtime_repositories", strings, "Repositories written into the image."),
        ]),
      ObjectShape(
        name: "Dev", summary: "The dev variant: the production roots plus these.",
        fields: [
          Field("packages", strings, "Extra roots (shell, package manager, tools).")
        ]),
      ObjectShape(
        name: "Entrypoint", summary: "The container's entrypoint.",
        fields: [
          Field("type", .string, "How the command runs (apko: service-bundle or plain)."),
          Field("command", .string, "The command line."),
          Field("shell-fragment", .string, "A shell fragment run instead."),
          Field("services", stringMap, "Services, by name."),
        ]),
      ObjectShape(
        name: "Accounts", summary: "Users and groups written to /etc/passwd and /etc/group.",
        fields: [
          Field("run-as", .string, "User (name or uid) the container runs as."),
          Field("users", .list(.object("User")), "Users."),
          Field("groups", .list(.object("Group")), "Groups."),
        ]),
      ObjectShape(
        name: "User", summary: "One user account.",
        fields: [
          Field("username", .string, required: true, "Login name."),
          Field("uid", .integer, required: true, "User id."),
          Field("gid", .integer, "Primary group id."),
          Field("shell", .string, "Login shell."),
          Field("homedir", .string, "Home folder."),
        ]),
      ObjectShape(
        name: "Group", summary: "One group.",
        fields: [
          Field("groupname", .string, required: true, "Group name."),
          Field("gid", .integer, required: true, "Group id."),
          Field("members", strings, "Member user names."),
        ]),
      ObjectShape(
        name: "Path", summary: "A file, folder or link made in the image.",
        fields: [
          Field("path", .string, required: true, "Where, absolute."),
          Field(
            "type", .string, required: true,
            "directory, empty-file, hardlink, symlink or permissions."),
          Field("uid", .integer, "Owner."),
          Field("gid", .integer, "Group."),
          Field("permissions", .integer, "Mode, e.g. 0o755."),
          Field("source", .string, "Link target."),
          Field("recursive", .boolean, "Apply to what is inside."),
        ]),
      ObjectShape(
        name: "OSRelease", summary: "Fields of /etc/os-release.",
        fields: [
          Field("id", .string, "ID."),
          Field("name", .string, "NAME."),
          Field("pretty-name", .string, "PRETTY_NAME."),
          Field("version-id", .string, "VERSION_ID."),
          Field("home-url", .string, "HOME_URL."),
          Field("bug-report-url", .string, "BUG_REPORT_URL."),
        ]),
    ])

  static let project = SchemaDefinition(
    id: "https://minisolve.dev/schema/project.schema.json",
    title: "minisolve project file (minisolve.yaml)",
    root: "Project",
    objects: [
      ObjectShape(
        name: "Project", summary: "Where a project's inputs are and how it is locked.",
        fields: [
          Field("recipes", .string, "Recipe folder (default: recipes, else the project)."),
          Field("pipelines", strings, "Folders of named pipelines (default: pipelines)."),
          Field("images", .string, "Image folder (default: images)."),
          Field("repositories", strings, "Repository indexes, relative to the project."),
          Field("archs", strings, "Architectures to lock (default: x86_64 and aarch64)."),
          Field("lock", .string, "Lock file (default: minisolve.lock)."),
          Field("dev", .object("Dev"), "What every image's dev variant adds."),
        ]),
      ObjectShape(
        name: "Dev", summary: "Dev packages every image's dev variant adds.",
        fields: [
          Field("packages", strings, "Extra roots (default: busybox and apk-tools).")
        ]),
    ])
}
