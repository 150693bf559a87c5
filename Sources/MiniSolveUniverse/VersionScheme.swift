/// The version grammar a package's versions follow.
public enum VersionScheme: UInt8, Sendable, Hashable, BitwiseCopyable {
  /// Alpine and Wolfi: `1.2.3_rc1-r0`.
  case apk = 0
  /// Debian: `1:2.3~rc1-1`.
  case debian = 1

  /// Orders two versions of this scheme: negative, zero or positive.
  public func compare(_ lhs: String, _ rhs: String) -> Int {
    switch self {
    case .apk: ApkVersion.compare(lhs, rhs)
    case .debian: DebianVersion.compare(lhs, rhs)
    }
  }

  /// Why `text` is not a version of this scheme, or nil when it is one.
  public func problem(in text: String) -> String? {
    switch self {
    case .apk: ApkVersion.problem(in: text)
    case .debian: DebianVersion.problem(in: text)
    }
  }
}
