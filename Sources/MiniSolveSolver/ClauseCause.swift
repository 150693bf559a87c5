/// Why a clause exists, so that explanations and `why` walk causes instead of guessing.
public enum ClauseCause: Sendable, Equatable {
  /// The request: a root must be installed (the package id, or a name no package has).
  case root(name: String)
  /// Package `package` needs one of the alternatives of its relation group `group`.
  case dependency(package: Int32, group: Int32)
  /// Package `package` conflicts with (or breaks) `other` through relation group `group`.
  case conflict(package: Int32, other: Int32, group: Int32)
  /// apk's `install_if`: once its conditions are installed, `package` is installed too.
  case installIf(package: Int32)
  /// Two versions (or two providers of one exclusive name) cannot both be installed.
  case oneVersion(name: String)
  /// dose-debcheck's semantics: some Essential package of this name is always installed.
  case essential(name: String)
  /// A clause the solver derived from others while searching.
  case learnt
  /// The true variables that reached the limit on true variables (`limitTrueVariables`).
  case limit
}
