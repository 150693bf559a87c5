import Testing

@testable import MiniSolveAssemble

@Suite struct DebReaderTests {
  private let limits = ArtifactLimits()
  private let tree: [RawEntry] = [
    .folder("./"), .folder("./usr/"), .folder("./usr/bin/"),
    .file("./usr/bin/hello", "#!/bin/sh\necho hello\n", mode: 0o755),
    .symlink("./usr/bin/hi", to: "hello"),
    .hardlink("./usr/bin/hello2", to: "./usr/bin/hello"),
    RawEntry(name: "./run/pipe", type: UInt8(ascii: "6")),
  ]

  @Test(arguments: [ArchiveCompression.xz, .gzip, .zstd, .none, .lz4])
  func everyDataCompression(_ compression: ArchiveCompression) throws {
    let deb = try Fixture.deb(tree, compression: compression, scripts: ["postinst", "prerm"])
    let contents = try DebReader.read(deb, file: "hello.deb", limits: limits)

    #expect(
      contents.entries.map(\.path) == [
        "usr", "usr/bin", "usr/bin/hello", "usr/bin/hi", "usr/bin/hello2", "run/pipe",
      ])
    #expect(
      contents.entries.map(\.kind) == [
        .directory, .directory, .file, .symlink, .hardlink, .fifo,
      ])
    #expect(contents.entries[2].mode == 0o755)
    #expect(Array(contents.entries[2].contents) == Array("#!/bin/sh\necho hello\n".utf8))
    #expect(contents.entries[3].linkTarget == "hello")
    #expect(contents.entries[4].linkTarget == "usr/bin/hello")
    #expect(contents.maintainerScripts == ["postinst", "prerm"])
    #expect(contents.warnings.isEmpty)
  }

  @Test func devicesAreSkippedWithAWarning() throws {
    let deb = try Fixture.deb([
      .folder("./dev/"), RawEntry(name: "./dev/null", type: UInt8(ascii: "3")),
    ])
    let contents = try DebReader.read(deb, file: "dev.deb", limits: limits)

    #expect(contents.entries.map(\.path) == ["dev"])
    #expect(contents.warnings == ["dev.deb: data.tar.xz: skipped device node 'dev/null'"])
  }

  @Test func unsafeEntriesAreRefusedNamingThePackage() throws {
    var cases: [(RawEntry, String)] = [
      (.file("/etc/passwd", "x"), "'/etc/passwd' is an absolute path"),
      (.file("./usr/../../etc/passwd", "x"), "'./usr/../../etc/passwd' has a '..' component"),
      (
        .symlink("./usr/lib/evil", to: "../../../etc/shadow"),
        "symbolic link 'usr/lib/evil' points outside the root: '../../../etc/shadow'"
      ),
      (.hardlink("./x", to: "../etc/shadow"), "'../etc/shadow' has a '..' component"),
      (
        .hardlink("./x", to: "./missing"),
        "hard link 'x' does not name an earlier file of the package: './missing'"
      ),
      (
        RawEntry(name: "./sparse", type: UInt8(ascii: "S")),
        "'sparse' has the unsupported tar type 'S'"
      ),
    ]
    // Only a pax record can carry a NUL inside a name.
    let hidden = "./" + String(repeating: "d/", count: 60) + "passwd\0.txt"
    cases.append((.file(hidden, "x"), "'\(hidden)' has a NUL byte"))
    for (entry, message) in cases {
      let deb = try Fixture.deb([entry])
      #expect(throws: AssembleError("bad.deb: data.tar.xz: " + message)) {
        try DebReader.read(deb, file: "bad.deb", limits: limits)
      }
    }
  }

  @Test func oversizedFilesAndArchivesAreRefused() throws {
    let deb = try Fixture.deb([.file("./big", String(repeating: "x", count: 5000))])

    #expect(
      throws: AssembleError("big.deb: data.tar.xz: 'big' is 5000 bytes, over the limit of 4 KiB")
    ) {
      try DebReader.read(deb, file: "big.deb", limits: ArtifactLimits(maximumFileSize: 4096))
    }
    #expect(
      throws: AssembleError("big.deb: data.tar.xz: decompressed data exceeds the 4 KiB limit")
    ) {
      try DebReader.read(deb, file: "big.deb", limits: ArtifactLimits(maximumUnpackedSize: 4096))
    }
  }

  @Test func pathsTwiceAreRefusedButFoldersMayRepeat() throws {
    let twice = try Fixture.deb([.file("./a", "1"), .file("./a", "2")])
    #expect(throws: AssembleError("twice.deb: data.tar.xz: 'a' is in the archive twice")) {
      try DebReader.read(twice, file: "twice.deb", limits: limits)
    }
    let folders = try Fixture.deb([.folder("./etc/"), .folder("./etc")])
    #expect(try DebReader.read(folders, file: "f.deb", limits: limits).entries.count == 2)
  }

  @Test func notADebianPackage() throws {
    #expect(throws: AssembleError("x.deb: not an ar archive")) {
      try DebReader.read([0, 1, 2], file: "x.deb", limits: limits)
    }
    let noBinary = Fixture.ar([("control.tar.gz", [])])
    #expect(
      throws: AssembleError("x.deb: not a Debian package (no 'debian-binary' 2.x member first)")
    ) {
      try DebReader.read(noBinary, file: "x.deb", limits: limits)
    }
    let bzip = Fixture.ar([
      ("debian-binary", Array("2.0\n".utf8)), ("control.tar", Fixture.tar([])),
      ("data.tar.bz2", [1]),
    ])
    #expect(
      throws: AssembleError(
        "x.deb: has no known 'data.tar.*' member (members: debian-binary, control.tar, "
          + "data.tar.bz2)")
    ) {
      try DebReader.read(bzip, file: "x.deb", limits: limits)
    }
  }
}
