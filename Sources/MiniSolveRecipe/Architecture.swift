/// A build architecture and the names pipelines see for it.
public struct Architecture: Sendable, Equatable {
  /// apk's name (`x86_64`, `aarch64`), as `${{build.arch}}` gives it.
  public var name: String
  /// Go's name (`amd64`, `arm64`), as `${{build.goarch}}` gives it.
  public var goName: String
  /// The first part of GNU and Rust triplets.
  public var tripletMachine: String

  public static let known: [Architecture] = [
    Architecture(name: "x86_64", goName: "amd64", tripletMachine: "x86_64"),
    Architecture(name: "aarch64", goName: "arm64", tripletMachine: "aarch64"),
    Architecture(name: "armv7", goName: "arm", tripletMachine: "armv7"),
    Architecture(name: "x86", goName: "386", tripletMachine: "i586"),
    Architecture(name: "ppc64le", goName: "ppc64le", tripletMachine: "powerpc64le"),
    Architecture(name: "s390x", goName: "s390x", tripletMachine: "s390x"),
    Architecture(name: "riscv64", goName: "riscv64", tripletMachine: "riscv64"),
    Architecture(name: "loongarch64", goName: "loong64", tripletMachine: "loongarch64"),
  ]

  /// The architecture by apk or Go name (`amd64` finds `x86_64`).
  public static func named(_ name: String) -> Architecture? {
    known.first { $0.name == name || $0.goName == name }
  }

  // TODO(compat): triplets are the glibc ones Wolfi builds with; musl distributions differ.
  /// The build-time names that depend on the architecture (glibc flavour, as Wolfi builds).
  var substitutions: [String: String] {
    [
      "build.arch": name,
      "build.goarch": goName,
      "host.triplet.gnu": "\(tripletMachine)-pc-linux-gnu",
      "host.triplet.rust": "\(tripletMachine)-unknown-linux-gnu",
      "cross.triplet.gnu.glibc": "\(tripletMachine)-pc-linux-gnu",
      "cross.triplet.gnu.musl": "\(tripletMachine)-alpine-linux-musl",
      "cross.triplet.rust.glibc": "\(tripletMachine)-unknown-linux-gnu",
      "cross.triplet.rust.musl": "\(tripletMachine)-unknown-linux-musl",
    ]
  }
}
