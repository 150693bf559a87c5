import Testing

@testable import MiniSolveUniverse

@Suite struct RelationTextTests {
  /// The fast text equals `Constraint.rendered` joined the same way, for every package.
  static func check(_ set: PackageSet) {
    for id in set.packages.indices.map(Int32.init) {
      let package = set.package(id)
      for kind in RelationKind.allCases {
        let groups = package.relations(kind)
        let slow =
          groups.isEmpty
          ? nil
          : groups.map { $0.map { $0.rendered(package.draft.scheme) }.joined(separator: " | ") }
            .joined(separator: ", ")
        #expect(set.relationText(of: id, kind: kind) == slow, "\(package.name) \(kind)")
      }
    }
  }

  @Test func debianTextMatchesTheRenderedConstraints() throws {
    let text =
      DebianIndexReaderTests.packages + """

        Package: extra
        Version: 1
        Architecture: all
        Depends: python3:any (>= 3.11~), libc6 (<< 3) | libc6.1, foo:amd64

        """
    Self.check(try RepositoryIndex.read(Array(text.utf8), path: "Packages").packages)
    let sources =
      "Package: s\nBinary: s\nVersion: 1\nBuild-Depends: a [amd64 !i386] <!nocheck>, b\n"
    Self.check(try RepositoryIndex.read(Array(sources.utf8), path: "Sources").packages)
  }

  @Test func apkTextMatchesTheRenderedConstraints() throws {
    Self.check(try RepositoryIndex.read(Array(ApkIndexReaderTests.index.utf8), path: "A").packages)
    let text = "P:x\nV:1-r0\nD:a@edge>=1 b~2 !c<3 so:libz.so.1\np:cmd:x=1-r0\n"
    Self.check(try RepositoryIndex.read(Array(text.utf8), path: "A").packages)
  }
}
