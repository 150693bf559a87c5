import Testing

@testable import MiniSolveUniverse

@Suite struct ApkIndexReaderTests {
  static let index = """
    C:Q1abcdefghijklmnopqrstuvwxyz0123=
    P:busybox
    V:1.37.0-r30
    A:x86_64
    S:513024
    o:busybox
    D:so:libc.so.6 !busybox-full
    p:cmd:sh=1.37.0-r30 /bin/sh

    P:busybox-full
    V:1.37.0-r1
    A:x86_64
    k:10
    q:5
    p:cmd:sh=1.37.0-r1
    i:busybox docs

    P:badversion
    V:1..2

    P:baddep
    V:1.0-r0
    D:ok foo>=

    """

  @Test func readsStanzasWithRelationsAndOrigins() throws {
    let index = try RepositoryIndex.read(Array(Self.index.utf8), path: "APKINDEX")
    #expect(index.format == .apkindex)
    let set = index.packages
    #expect(set.packages.map { set.strings[$0.name] } == ["busybox", "busybox-full"])

    let busybox = set.package(0)
    #expect(busybox.version == "1.37.0-r30")
    #expect(busybox.architecture == "x86_64")
    #expect(busybox.draft.checksum == "Q1abcdefghijklmnopqrstuvwxyz0123=")
    #expect(busybox.draft.size == 513_024)
    #expect(busybox.relations(.depends).map { $0[0].name } == ["so:libc.so.6"])
    #expect(busybox.relations(.conflicts).map { $0[0].rendered(.apk) } == ["!busybox-full"])
    let conflict = try #require(busybox.draft.relations.first { $0.kind == .conflicts })
    #expect(busybox.site(of: conflict) == "APKINDEX:7:16")
    #expect(
      busybox.relations(.provides).map { $0[0].rendered(.apk) } == ["cmd:sh=1.37.0-r30", "/bin/sh"])

    let full = set.package(1)
    #expect(full.draft.providerPriority == 10)
    #expect(full.draft.replacesPriority == 5)
    #expect(full.relations(.installIf).map { $0[0].name } == ["busybox", "docs"])
    #expect(Array(set.providers(of: "cmd:sh")) == [0, 1])
  }

  @Test func reportsBadVersionsAndConstraintsWithPositions() throws {
    let index = try RepositoryIndex.read(Array(Self.index.utf8), path: "APKINDEX")
    let found = index.diagnostics.map { "\($0.mark.line):\($0.mark.column) \($0.message)" }
    #expect(found.count == 2)
    #expect(found[0].hasPrefix("19:3 package 'badversion': invalid apk version '1..2'"))
    #expect(found[1] == "23:11 package 'baddep': missing version after '>='; stanza skipped")
  }

  @Test func aRepeatedNameOrVersionSkipsTheStanza() throws {
    let text = "P:a\nV:1-r0\nV:2-r0\n\nP:b c\nV:1-r0\n\nP:ok\nV:1-r0\n"
    let index = try RepositoryIndex.read(Array(text.utf8), path: "APKINDEX")
    #expect(index.packages.packages.count == 1)
    #expect(
      index.diagnostics.map(\.description) == [
        "APKINDEX:3:1: warning: [malformed-stanza] 'V:' appears twice in one stanza; skipped",
        "APKINDEX:5:3: warning: [malformed-stanza] invalid package name 'b c'; skipped",
      ])
  }

  @Test func readsAnApkIndexTarballOfSignatureAndIndexMembers() throws {
    let folder = try FixtureFolder()
    try folder.write("sig/.SIGN.RSA.key.pub", Array("not a real signature".utf8))
    try folder.write("idx/APKINDEX", Array(Self.index.utf8))
    try folder.write("idx/DESCRIPTION", Array("test repository".utf8))
    try folder.run("tar", "-C", "sig", "-czf", "sig.tar.gz", ".SIGN.RSA.key.pub")
    try folder.run("tar", "-C", "idx", "-czf", "idx.tar.gz", "DESCRIPTION", "APKINDEX")
    let tarball = try folder.read("sig.tar.gz") + folder.read("idx.tar.gz")
    try folder.write("APKINDEX.tar.gz", tarball)

    let index = try RepositoryIndex.read(path: folder.file("APKINDEX.tar.gz"))
    #expect(index.format == .apkindex)
    #expect(index.compression == .gzip)
    #expect(index.packages.packages.count == 2)
    #expect(index.packages.package(0).draft.file.hasSuffix("APKINDEX.tar.gz#APKINDEX"))
  }

  @Test func refusesATarballWithoutAnIndex() throws {
    let folder = try FixtureFolder()
    try folder.write("x/README", Array("hello".utf8))
    try folder.run("tar", "-C", "x", "-czf", "x.tar.gz", "README")
    #expect(throws: InputError.self) { try RepositoryIndex.read(path: folder.file("x.tar.gz")) }
  }
}
