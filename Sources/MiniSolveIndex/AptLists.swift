import Foundation

/// The package lists this machine's apt already has, which `--repo apt` (and `apt` among a
/// project's repositories) stands for: every `*_binary-ARCH_Packages` and
/// `*_binary-all_Packages` file (plain, `.lz4`, `.gz` or `.xz`) in `/var/lib/apt/lists`, or in
/// the folder `MINISOLVE_APT_LISTS` names.
public enum AptLists {
  /// The word that stands for them.
  public static let name = "apt"

  public static var folder: String {
    ProcessInfo.processInfo.environment["MINISOLVE_APT_LISTS"] ?? "/var/lib/apt/lists"
  }

  /// The list files for a Debian architecture name, sorted.
  public static func files(architecture: String, in folder: String = folder) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let endings = ["", ".lz4", ".gz", ".xz"]
    return names.filter { name in
      ["binary-\(architecture)_Packages", "binary-all_Packages"].contains { list in
        endings.contains { name.hasSuffix("_" + list + $0) }
      }
    }.sorted().map { (folder as NSString).appendingPathComponent($0) }
  }

  /// `repositories` with `apt` replaced by the list files for the architecture.
  public static func expand(_ repositories: [String], architecture: String) -> [String] {
    repositories.flatMap { $0 == name ? files(architecture: architecture) : [$0] }
  }
}
