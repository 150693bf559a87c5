import MiniSolveYAML
import Testing

@testable import MiniSolveUniverse

@Suite struct DebianIndexReaderTests {
  static let packages = """
    Package: bash
    Version: 5.2.15-2+b2
    Architecture: amd64
    Essential: yes
    Multi-Arch: foreign
    Pre-Depends: libc6 (>= 2.36),
     libtinfo6 (>= 6)
    Depends: base-files (>= 2.1.12), debianutils (>= 5.6-0.1)
    Conflicts: bash-completion (<< 20060301-0)
    Filename: pool/main/b/bash/bash_5.2.15-2+b2_amd64.deb
    Size: 1491000
    SHA256: 00ff

    Package: postfix
    Source: postfix (3.7.9-0+deb12u1)
    Version: 3.7.9-0+deb12u1+b1
    Architecture: amd64
    Provides: default-mta, mail-transport-agent
    Depends: debconf (>= 0.5) | debconf-2.0, cpio

    Package: broken
    Version: 1.0
    Architecture: all
    Depends: libc6 (>> )

    Package: noversion
    Architecture: all

    this line is not a field
    Package: garbled
    Version: 1
    Architecture: all

    Package: late
    Version: 2:1.0~rc1-1
    Architecture: all

    """

  static func read(_ text: String, path: String = "Packages") throws -> RepositoryIndex {
    try RepositoryIndex.read(Array(text.utf8), path: path)
  }

  @Test func readsFieldsAndContinuationLines() throws {
    let index = try Self.read(Self.packages)
    #expect(index.format == .packages)
    #expect(index.compression == Compression.none)
    let set = index.packages
    let bash = try #require(set.packages(named: "bash").first.map { set.package($0) })
    #expect(bash.version == "5.2.15-2+b2")
    #expect(bash.site == "Packages:1")
    #expect(bash.draft.essential)
    #expect(bash.draft.multiArch == .foreign)
    #expect(bash.draft.location == "pool/main/b/bash/bash_5.2.15-2+b2_amd64.deb")
    #expect(bash.draft.size == 1_491_000)
    #expect(bash.draft.checksum == "sha256:00ff")
    #expect(
      bash.relations(.preDepends).map { $0.map { $0.rendered(.debian) } } == [
        ["libc6 (>= 2.36)"], ["libtinfo6 (>= 6)"],
      ])
    #expect(bash.relations(.conflicts).first?.first?.relation == .less)
  }

  @Test func keepsAlternativesSourcesAndProvides() throws {
    let set = try Self.read(Self.packages).packages
    let postfix = try #require(set.packages(named: "postfix").first.map { set.package($0) })
    #expect(postfix.draft.source == "postfix")
    #expect(postfix.relations(.depends).map(\.count) == [2, 1])
    #expect(Array(set.providers(of: "mail-transport-agent")) == [postfix.id])
    #expect(postfix.draft.relations.first { $0.kind == .depends }?.line == 19)
  }

  @Test func reportsAndSkipsMalformedStanzasKeepingTheRest() throws {
    let index = try Self.read(Self.packages)
    let names = index.packages.packages.map { index.packages.strings[$0.name] }
    #expect(names == ["bash", "postfix", "late"])
    let found = index.diagnostics.map { "\($0.mark.line) \($0.message)" }
    #expect(found.count == 3)
    #expect(found[0] == "24 package 'broken': Depends: missing version; skipped")
    #expect(found[1] == "26 package 'noversion' has no 'Version' field; skipped")
    #expect(found[2] == "29 line is not a 'Field: value' pair; stanza skipped")
    #expect(index.diagnostics.allSatisfy { $0.severity == .warning && $0.path == "Packages" })
  }

  @Test func rejectsInvalidVersionsWithTheirLine() throws {
    let index = try Self.read(
      "Package: a\nVersion: 1:\n\nPackage: b\nVersion: 1\nArchitecture: all\n")
    #expect(index.packages.packages.count == 1)
    #expect(index.diagnostics.first?.mark.line == 2)
    #expect(index.diagnostics.first?.message.hasPrefix("package 'a': ") == true)
  }

  @Test func aRepeatedNameMeansTwoStanzasRanTogether() throws {
    let index = try Self.read(
      "Package: a\nVersion: 1\nPackage: b\nVersion: 2\n\n"
        + "Package: c\nVersion: 3\nArchitecture: all\n")
    #expect(index.packages.packages.count == 1)
    #expect(
      index.diagnostics.map(\.description) == [
        "Packages:3:1: warning: [malformed-stanza] field 'Package' appears twice in one "
          + "stanza; skipped"
      ])
  }

  @Test func rejectsBadNamesAndMissingArchitecturesByLine() throws {
    let text = "Package: bad name\nVersion: 1\nArchitecture: all\n\nPackage: noarch\nVersion: 1\n"
    let index = try Self.read(text)
    #expect(index.packages.packages.isEmpty)
    #expect(
      index.diagnostics.map { "\($0.mark.line) \($0.message)" } == [
        "1 invalid package name 'bad name'; skipped",
        "5 package 'noarch' has no 'Architecture' field; skipped",
      ])
  }

  @Test func detectsTheFormatPastAFirstStanzaThatSaysLittle() throws {
    let sources = "Package: first\nVersion: 1\n\nPackage: glibc\nBinary: libc6\nVersion: 2.36-9\n"
    #expect(try Self.read(sources).format == .sources)
    let lower = "package: lower\nversion: 1\narchitecture: all\n"
    #expect(try Self.read("\u{FEFF}" + lower).packages.packages.count == 1)
  }

  @Test func readsSourcesWithBuildRelations() throws {
    let text = """
      Package: hello
      Binary: hello
      Version: 2.10-3
      Architecture: any
      Build-Depends: debhelper-compat (= 13), libfoo-dev [amd64] <!nocheck>
      Build-Conflicts: autoconf2.13
      Directory: pool/main/h/hello

      """
    let index = try Self.read(text, path: "Sources")
    #expect(index.format == .sources)
    let hello = index.packages.package(0)
    #expect(hello.draft.kind == .source)
    #expect(hello.architecture == "any")
    #expect(hello.draft.location == "pool/main/h/hello")
    let build = hello.relations(.buildDepends)
    #expect(build.count == 2)
    #expect(build[1][0].architectures == ["amd64"])
    #expect(build[1][0].profiles == [["!nocheck"]])
    #expect(hello.relations(.buildConflicts).count == 1)
  }

  @Test func refusesTextThatIsNoIndex() {
    #expect(throws: InputError.self) { try Self.read("hello world\n") }
    #expect(throws: InputError.self) { try Self.read("") }
  }

  @Test func readsGzipAndXzCompressedIndexes() throws {
    let folder = try FixtureFolder()
    try folder.write("Packages", Array(Self.packages.utf8))
    try folder.run("gzip", "-k", "Packages")
    try folder.run("xz", "-k", "Packages")
    for (name, compression) in [("Packages.gz", Compression.gzip), ("Packages.xz", .xz)] {
      let index = try RepositoryIndex.read(path: folder.file(name))
      #expect(index.compression == compression)
      #expect(index.packages.packages.count == 3)
    }
    let bytes = try folder.read("Packages.xz")
    #expect(throws: InputError.self) {
      try RepositoryIndex.read(Array(bytes.prefix(bytes.count / 2)), path: "cut.xz")
    }
  }
}
