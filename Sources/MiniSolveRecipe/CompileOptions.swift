/// What a compile is for: one architecture and the build options switched on.
public struct CompileOptions: Sendable {
  public var architecture: Architecture
  public var buildOptions: [String]

  public init(architecture: Architecture, buildOptions: [String] = []) {
    self.architecture = architecture
    self.buildOptions = buildOptions
  }

  /// The architecture of the machine minisolve runs on, or x86_64.
  public static var host: CompileOptions {
    #if arch(arm64)
      let name = "aarch64"
    #else
      let name = "x86_64"
    #endif
    return CompileOptions(architecture: Architecture.named(name) ?? Architecture.known[0])
  }
}
