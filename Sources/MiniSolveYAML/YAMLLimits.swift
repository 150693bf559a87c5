/// Bounds on what a YAML file may cost to read; each is checked as the file is read.
public struct YAMLLimits: Sendable {
  /// Largest file accepted, in bytes.
  public var maximumBytes: Int
  /// Deepest nesting of sequences and mappings.
  public var maximumDepth: Int
  /// Most nodes the document may hold once every alias is expanded.
  public var maximumExpandedNodes: Int

  public init(maximumBytes: Int, maximumDepth: Int, maximumExpandedNodes: Int) {
    self.maximumBytes = maximumBytes
    self.maximumDepth = maximumDepth
    self.maximumExpandedNodes = maximumExpandedNodes
  }

  /// Generous for any real recipe (the largest Wolfi recipe is under 100 KiB and 15 levels deep).
  public static let `default` = YAMLLimits(
    maximumBytes: 8 << 20, maximumDepth: 64, maximumExpandedNodes: 1_000_000)
}
