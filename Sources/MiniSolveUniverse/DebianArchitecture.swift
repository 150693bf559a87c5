/// Debian architecture names and wildcards (`any`, `linux-any`, `any-amd64`), as dpkg matches them.
enum DebianArchitecture {
  /// Whether the real `architecture` is `pattern` or one of the architectures it stands for.
  static func matches(_ architecture: String, pattern: String) -> Bool {
    if pattern == architecture || pattern == "any" { return true }
    guard let real = tuple(of: architecture), let wanted = wildcardTuple(pattern) else {
      return false
    }
    return zip(wanted, real).allSatisfy { $0 == "any" || $0 == $1 }
  }

  /// `abi-libc-os-cpu` of a real architecture name, nil when dpkg does not know it.
  static func tuple(of architecture: String) -> [Substring]? {
    var name = Substring(architecture)
    if name.hasPrefix("linux-") {
      name = name.dropFirst("linux-".count).prefix { $0 != "-" }
    }
    return tuples[String(name)]?.split(separator: "-", omittingEmptySubsequences: false)
  }

  /// The tuple a wildcard stands for, missing leading parts being `any`; a plain name's own tuple.
  static func wildcardTuple(_ pattern: String) -> [Substring]? {
    let parts = pattern.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.contains("any") else { return tuple(of: pattern) }
    return Array(repeating: "any", count: 4 - parts.count) + parts
  }

  /// Architecture name to tuple, filled from dpkg's tuple table the way dpkg fills it.
  private static let tuples: [String: String] = {
    var byName: [String: String] = [:]
    var taken: Set<String> = []
    for (tuple, name) in tupleTable {
      guard tuple.contains("<cpu>") else {
        byName[name] = tuple
        taken.insert(tuple)
        continue
      }
      for cpu in cpus {
        let realTuple = tuple.replacingCPU(with: cpu)
        let realName = name.replacingCPU(with: cpu)
        guard byName[realName] == nil, !taken.contains(realTuple) else { continue }
        byName[realName] = realTuple
        taken.insert(realTuple)
      }
    }
    return byName
  }()

  /// dpkg's cputable names.
  private static let cpus = [
    "alpha", "amd64", "arc", "armeb", "arm", "arm64", "avr32", "hppa", "loong64", "i386", "ia64",
    "m32r", "m68k", "mips", "mipsel", "mipsr6", "mipsr6el", "mips64", "mips64el", "mips64r6",
    "mips64r6el", "nios2", "or1k", "powerpc", "powerpcel", "ppc64", "ppc64el", "riscv64", "s390",
    "s390x", "sh3", "sh3eb", "sh4", "sh4eb", "sparc", "sparc64", "tilegx",
  ]

  /// dpkg's tupletable, in its order: the first row to claim a name or tuple keeps it.
  private static let tupleTable: [(String, String)] = [
    ("eabi-uclibc-linux-arm", "uclibc-linux-armel"),
    ("base-uclibc-linux-<cpu>", "uclibc-linux-<cpu>"),
    ("eabihf-musl-linux-arm", "musl-linux-armhf"),
    ("base-musl-linux-<cpu>", "musl-linux-<cpu>"),
    ("ilp32-gnu-linux-arm64", "arm64ilp32"),
    ("eabihf-gnu-linux-arm", "armhf"),
    ("eabi-gnu-linux-arm", "armel"),
    ("abin32-gnu-linux-mips64r6el", "mipsn32r6el"),
    ("abin32-gnu-linux-mips64r6", "mipsn32r6"),
    ("abin32-gnu-linux-mips64el", "mipsn32el"),
    ("abin32-gnu-linux-mips64", "mipsn32"),
    ("abi64-gnu-linux-mips64r6el", "mips64r6el"),
    ("abi64-gnu-linux-mips64r6", "mips64r6"),
    ("abi64-gnu-linux-mips64el", "mips64el"),
    ("abi64-gnu-linux-mips64", "mips64"),
    ("spe-gnu-linux-powerpc", "powerpcspe"),
    ("x32-gnu-linux-amd64", "x32"),
    ("base-gnu-linux-<cpu>", "<cpu>"),
    ("eabihf-gnu-kfreebsd-arm", "kfreebsd-armhf"),
    ("base-gnu-kfreebsd-<cpu>", "kfreebsd-<cpu>"),
    ("base-gnu-knetbsd-<cpu>", "knetbsd-<cpu>"),
    ("base-gnu-kopensolaris-<cpu>", "kopensolaris-<cpu>"),
    ("base-gnu-hurd-<cpu>", "hurd-<cpu>"),
    ("base-bsd-dragonflybsd-<cpu>", "dragonflybsd-<cpu>"),
    ("base-bsd-freebsd-<cpu>", "freebsd-<cpu>"),
    ("base-bsd-openbsd-<cpu>", "openbsd-<cpu>"),
    ("base-bsd-netbsd-<cpu>", "netbsd-<cpu>"),
    ("base-bsd-darwin-<cpu>", "darwin-<cpu>"),
    ("base-sysv-aix-<cpu>", "aix-<cpu>"),
    ("base-sysv-solaris-<cpu>", "solaris-<cpu>"),
    ("eabi-uclibc-uclinux-arm", "uclinux-armel"),
    ("base-uclibc-uclinux-<cpu>", "uclinux-<cpu>"),
    ("base-tos-mint-m68k", "mint-m68k"),
  ]
}

extension String {
  /// The table's `<cpu>` placeholder always ends a row's name and tuple.
  fileprivate func replacingCPU(with cpu: String) -> String {
    hasSuffix("<cpu>") ? dropLast("<cpu>".count) + cpu : self
  }
}
