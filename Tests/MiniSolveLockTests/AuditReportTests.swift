import MiniSolveYAML
import Testing

@testable import MiniSolveLock

@Suite struct AuditReportTests {
  static let packages = """
    Package: zlib1g
    Version: 1:1.2.13.dfsg-1
    Architecture: amd64
    Depends: libc6 (>= 2.14)

    Package: libc6
    Version: 2.36-9
    Architecture: amd64
    Depends: libgcc-s1

    Package: libgcc-s1
    Version: 12.2.0-14
    Architecture: amd64
    Depends: libc6 (>= 2.35)

    Package: tzdata
    Version: 2024a-0
    Architecture: all

    Package: mawk
    Version: 1.3.4-1
    Architecture: amd64
    Conflicts: gawk

    Package: gawk
    Version: 5.2.1-2
    Architecture: amd64

    """

  /// The fixture lock with `roots` as the prod roots of image `web`.
  private func lock(roots: [String]) -> Lock {
    LockFixture.lock(prod: LockedClosure(roots: roots, members: LockFixture.prod.members))
  }

  @Test func countsPerImageAndArchitecture() {
    let report = AuditReport(lock: LockFixture.lock())
    #expect(
      report.text == """
        image  architecture  prod  dev
        web    x86_64           3    4

        """)
    #expect(
      report.markdown == """
        | image | architecture | prod | dev |
        |---|---|--:|--:|
        | web | x86_64 | 3 | 4 |

        """)
    #expect(
      report.json
        == .array([
          .object([
            "image": .string("web"), "architecture": .string("x86_64"), "prod": .int(3),
            "dev": .int(4), "debian": .null,
          ])
        ]))
  }

  @Test func theSameRootNamesAreSolvedOverTheRepository() throws {
    let folder = try TemporaryFolder()
    let repository = try folder.write("Packages", Self.packages)
    var comparison = RepositoryComparison(
      repository: repository, indexPath: nil, toolVersion: "test")
    var report = AuditReport(lock: lock(roots: ["app", "zlib1g>=1.2", "so:libc.so.6", "tzdata"]))
    try report.compare(with: &comparison)
    #expect(
      report.rows.first?.debian
        == RepositoryClosure(members: 4, absent: ["app", "so:libc.so.6"]))
    #expect(
      report.text == """
        image  architecture  prod  dev  debian
        web    x86_64           3    4  4 (absent: app, so:libc.so.6)

        """)
    #expect(
      report.json.rendered() == """
        [
          {
            "architecture": "x86_64",
            "debian": {
              "absent": [
                "app",
                "so:libc.so.6"
              ],
              "members": 4
            },
            "dev": 4,
            "image": "web",
            "prod": 3
          }
        ]

        """)
  }

  @Test func rootsThatConflictThereHaveNoClosureAndAbsentRootsNone() throws {
    let folder = try TemporaryFolder()
    let repository = try folder.write("Packages", Self.packages)
    var comparison = RepositoryComparison(
      repository: repository, indexPath: nil, toolVersion: "test")
    #expect(
      try comparison.closure(of: ["mawk", "gawk"], architecture: "x86_64")
        == RepositoryClosure(members: nil, absent: []))
    #expect(
      try comparison.closure(of: ["app"], architecture: "amd64")
        == RepositoryClosure(members: 0, absent: ["app"]))
    var report = AuditReport(lock: lock(roots: ["mawk", "gawk"]))
    try report.compare(with: &comparison)
    #expect(report.markdown.hasSuffix("| web | x86_64 | 3 | 4 | no closure |\n"))
  }

  /// An amd64 index has nothing to say about an aarch64 image (the demo showed `0 (absent:
  /// nginx, ...)` for aarch64 before).
  @Test func anArchitectureTheRepositoryLacksIsNotCompared() throws {
    let folder = try TemporaryFolder()
    let repository = try folder.write("Packages", Self.packages)
    var comparison = RepositoryComparison(
      repository: repository, indexPath: nil, toolVersion: "test")
    #expect(try comparison.closure(of: ["zlib1g"], architecture: "aarch64") == nil)
    #expect(try comparison.closure(of: ["zlib1g"], architecture: "x86_64")?.members == 3)
  }

  @Test func rootNamesLoseTheirVersions() {
    #expect(RepositoryComparison.name(of: "openssl>=3.2") == "openssl")
    #expect(RepositoryComparison.name(of: "libssl3 (>= 3.0)") == "libssl3")
    #expect(RepositoryComparison.name(of: "so:libc.so.6") == "so:libc.so.6")
  }
}
