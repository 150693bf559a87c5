import MiniSolveUniverse

/// How large a package may be once unpacked; anything beyond is refused, not cut.
public struct ArtifactLimits: Sendable, Equatable {
  /// The largest single file a package may hold.
  public var maximumFileSize: Int
  /// The largest decompressed archive (a data tar) a package may hold.
  public var maximumUnpackedSize: Int

  public init(
    maximumFileSize: Int = 1 << 30, maximumUnpackedSize: Int = Decompression.defaultLimit
  ) {
    self.maximumFileSize = maximumFileSize
    self.maximumUnpackedSize = maximumUnpackedSize
  }
}
