/// The keys of a recipe's `update` section, which tells bots where new versions come from.
enum UpdateSchema {
  static let strings = Shape.list(.string)

  static let monitorFilters: [Field] = [
    Field("strip-prefix", .string, "Prefix removed from upstream versions."),
    Field("strip-suffix", .string, "Suffix removed from upstream versions."),
    Field("tag-filter-prefix", .string, "Only tags with this prefix."),
    Field("tag-filter-contains", .string, "Only tags containing this text."),
  ]

  static let objects: [ObjectShape] = [
    ObjectShape(
      name: "Update", summary: "How new upstream versions of the package are found.",
      fields: [
        Field("enabled", .boolean, "Whether updates are tracked (default false)."),
        Field("manual", .boolean, "Updates need a person."),
        Field("require-sequential", .boolean, "Merge update requests in order."),
        Field("shared", .boolean, "An update needs dependents rebuilt."),
        Field("version-separator", .string, "Separator in upstream versions."),
        Field("ignore-regex-patterns", strings, "Upstream versions to ignore."),
        Field("release-monitor", .object("ReleaseMonitor"), "release-monitoring.org."),
        Field("github", .object("GitHubMonitor"), "GitHub releases or tags."),
        Field("git", .object("GitMonitor"), "Git tags."),
        Field("oci", .object("OCIMonitor"), "OCI image tags."),
        Field("version_data", .object("VersionData"), "Composed version data."),
        Field("version-transform", .list(.object("VersionTransform")), "Version rewrites."),
        Field("exclude-reason", .string, "Why updates are off."),
        Field("schedule", .object("Schedule"), "When to look."),
        Field("enable-prerelease-tags", .boolean, "Keep pre-release tags."),
      ]),
    ObjectShape(
      name: "ReleaseMonitor", summary: "A project on release-monitoring.org.",
      fields: [
        Field("identifier", .integer, required: true, "Project number."),
        Field("strip-prefix", .string, "Prefix removed from upstream versions."),
        Field("strip-suffix", .string, "Suffix removed from upstream versions."),
        Field("version-filter-contains", .string, "Only versions containing this text."),
        Field("version-filter-prefix", .string, "Only versions with this prefix."),
      ]),
    ObjectShape(
      name: "GitHubMonitor", summary: "A GitHub repository.",
      fields: [
        Field("identifier", .string, required: true, "owner/repository."),
        Field("tag-filter", .string, "Only tags with this prefix (older spelling)."),
        Field("use-tag", .boolean, "Use tags rather than releases."),
      ] + monitorFilters),
    ObjectShape(name: "GitMonitor", summary: "Tags of a git repository.", fields: monitorFilters),
    ObjectShape(
      name: "OCIMonitor", summary: "Tags of an OCI image.",
      fields: [Field("identifier", .string, required: true, "Image reference.")]
        + monitorFilters),
    ObjectShape(
      name: "VersionData", summary: "A version composed from several sources.",
      fields: [
        Field("version_format", .string, required: true, "Format with placeholders."),
        Field("sources", .list(.object("VersionDataSource")), required: true, "Sources."),
      ]),
    ObjectShape(
      name: "VersionDataSource", summary: "One source of version data.",
      fields: [
        Field("name", .string, required: true, "Name used in the format."),
        Field("stream", .string, required: true, "Stream tracked."),
        Field("ignore", strings, "Versions to ignore."),
        Field("commit_source", .string, "Source whose commits are used."),
        Field("use_release", .boolean, "Use releases rather than tags."),
      ]),
    ObjectShape(
      name: "VersionTransform", summary: "A rewrite of the package version.",
      fields: [
        Field("match", .string, required: true, "Regular expression."),
        Field("replace", .string, required: true, "Replacement."),
      ]),
    ObjectShape(
      name: "Schedule", summary: "When updates are looked for.",
      fields: [
        Field("period", .string, "daily, weekly or monthly."), Field("reason", .string, "Why."),
      ]
    ),
  ]
}
