/// A build architecture and the names pipelines see for it.
public struct Architecture: Sendable, Equatable {
  /// apk's name (`x86_64`, `aarch64`), as `${{build.arch}}` gives it.
  public var name: String
  /// Go's name (`amd64`, `arm64`), as `${{build.goarch}}` gives it.
  public var goName: String
  /// The machine, vendor and ABI suffix of GNU triplets (`aarch64`, `unknown`, ``).
  var machine: String
  var vendor: String
  var abiSuffix = ""
  /// The machine part of Rust triplets where it differs (`i686` for x86).
  var rustMachine: String?

  public static let known: [Architecture] = [
    Architecture(name: "x86_64", goName: "amd64", machine: "x86_64", vendor: "pc"),
    Architecture(name: "aarch64", goName: "arm64", machine: "aarch64", vendor: "unknown"),
    Architecture(
      name: "armv7", goName: "arm", machine: "armv7l", vendor: "unknown", abiSuffix: "eabihf",
      rustMachine: "armv7"),
    Architecture(name: "x86", goName: "386", machine: "i486", vendor: "pc", rustMachine: "i686"),
    Architecture(name: "ppc64le", goName: "ppc64le", machine: "powerpc64le", vendor: "unknown"),
    Architecture(name: "s390x", goName: "s390x", machine: "s390x", vendor: "ibm"),
    Architecture(name: "riscv64", goName: "riscv64", machine: "riscv64", vendor: "unknown"),
    Architecture(name: "loongarch64", goName: "loong64", machine: "loongarch64", vendor: "unknown"),
  ]

  /// Debian's name (`amd64`, `i386`, `armhf`, `ppc64el`), as `[arch]` restrictions use it.
  public var debianName: String {
    switch name {
    case "x86": "i386"
    case "armv7": "armhf"
    case "ppc64le": "ppc64el"
    default: goName
    }
  }

  /// The architecture by apk, Go or Debian name (`amd64` finds `x86_64`, `i386` finds `x86`).
  /// `unknown architecture 'x86-64'; did you mean 'x86_64'?` (or the known names).
  public static func unknownMessage(_ name: String) -> String {
    let names = known.map(\.name)
    let spellings = names + known.flatMap { [$0.goName, $0.debianName] }
    if let near = Suggestion.closest(to: name, among: spellings) {
      return "unknown architecture '\(name)'; did you mean '\(near)'?"
    }
    return "unknown architecture '\(name)'; known: \(names.joined(separator: ", "))"
  }

  public static func named(_ name: String) -> Architecture? {
    known.first { $0.name == name || $0.goName == name || $0.debianName == name }
  }

  /// `machine-vendor-linux-LIBC`, as apko spells GNU triplets.
  func gnuTriplet(_ libc: String) -> String { "\(machine)-\(vendor)-linux-\(libc)\(abiSuffix)" }

  func rustTriplet(_ libc: String) -> String {
    "\(rustMachine ?? machine)-unknown-linux-\(libc)\(abiSuffix)"
  }

  // TODO(compat): host triplets are the glibc ones Wolfi builds with; a musl host differs.
  /// The build-time names that depend on the architecture.
  var substitutions: [String: String] {
    if let made = Self.substitutionsByName[name], made.architecture == self { return made.names }
    return names()
  }

  /// `substitutions` of the known architectures, made once: every compile starts from them.
  private static let substitutionsByName = Dictionary(
    uniqueKeysWithValues: known.map { ($0.name, (architecture: $0, names: $0.names())) })

  private func names() -> [String: String] {
    [
      "build.arch": name,
      "build.goarch": goName,
      "host.triplet.gnu": gnuTriplet("gnu"),
      "host.triplet.rust": rustTriplet("gnu"),
      "cross.triplet.gnu.glibc": gnuTriplet("gnu"),
      "cross.triplet.gnu.musl": gnuTriplet("musl"),
      "cross.triplet.rust.glibc": rustTriplet("gnu"),
      "cross.triplet.rust.musl": rustTriplet("musl"),
    ]
  }
}
