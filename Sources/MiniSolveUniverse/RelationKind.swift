/// What a package's list of constraints means to the solver.
public enum RelationKind: UInt8, Sendable, CaseIterable, BitwiseCopyable {
  case depends = 0
  case preDepends
  case provides
  case conflicts
  case breaks
  case replaces
  /// apk's `install_if`: installed automatically once all of these are.
  case installIf
  case recommends
  /// What must be installed to build a source package (Build-Depends, a recipe's environment).
  case buildDepends
  case buildDependsArch
  case buildDependsIndep
  case buildConflicts
  case buildConflictsArch
  case buildConflictsIndep
  case suggests
  case enhances

  /// The field name as Debian spells it, used in `show` and the index's text columns.
  public var fieldName: String {
    switch self {
    case .depends: "Depends"
    case .preDepends: "Pre-Depends"
    case .provides: "Provides"
    case .conflicts: "Conflicts"
    case .breaks: "Breaks"
    case .replaces: "Replaces"
    case .installIf: "Install-If"
    case .recommends: "Recommends"
    case .buildDepends: "Build-Depends"
    case .buildDependsArch: "Build-Depends-Arch"
    case .buildDependsIndep: "Build-Depends-Indep"
    case .buildConflicts: "Build-Conflicts"
    case .buildConflictsArch: "Build-Conflicts-Arch"
    case .buildConflictsIndep: "Build-Conflicts-Indep"
    case .suggests: "Suggests"
    case .enhances: "Enhances"
    }
  }

  /// Whether the relation is something needed (as opposed to excluded or offered).
  public var isRequirement: Bool {
    switch self {
    case .depends, .preDepends, .buildDepends, .buildDependsArch, .buildDependsIndep: true
    default: false
    }
  }

  /// Whether the relation belongs to building rather than running.
  public var isBuild: Bool {
    switch self {
    case .buildDepends, .buildDependsArch, .buildDependsIndep, .buildConflicts,
      .buildConflictsArch, .buildConflictsIndep:
      true
    default: false
    }
  }
}
