import Foundation
import MiniSolveUniverse
import MiniSolveYAML
import Testing

@testable import MiniSolveAssemble

/// Whole assemblies from packages the tests build: a Debian pair and an apk.
@Suite struct AssemblerTests {
  private let settings = JSONValue.object([
    "accounts": .object([
      "users": .array([.object(["username": .string("app"), "uid": .int(1000)])]),
      "run-as": .string("app"),
    ]),
    "entrypoint": .object(["command": .string("/usr/bin/hello --loud")]),
    "paths": .array([
      .object([
        "path": .string("/var/lib/app"), "type": .string("directory"), "uid": .int(1000),
        "gid": .int(1000), "permissions": .int(0o750),
      ])
    ]),
  ])

  /// Writes three packages into `folder`; returns them as a lock would name them.
  private func members(in folder: TemporaryFolder) throws -> [AssemblyMember] {
    let hello = try Fixture.deb(
      [
        .folder("./"), .folder("./usr/"), .folder("./usr/bin/"),
        .file("./usr/bin/hello", "#!/bin/sh\necho hello\n", mode: 0o755),
      ], scripts: ["postinst"])
    let docs = try Fixture.deb(
      [.folder("./usr/"), .folder("./usr/share/"), .file("./usr/share/hello.txt", "docs\n")],
      compression: .zstd)
    let motd = try Fixture.apk([.folder("etc/"), .file("etc/motd", "welcome\n")])
    return [
      try member("hello 1.0-1 amd64", hello, in: folder, file: "hello.deb"),
      try member("hello-doc 1.0-1 all", docs, in: folder, file: "hello-doc.deb"),
      try member("motd 1-r0 x86_64", motd.bytes, in: folder, file: "motd.apk", checksum: motd.q1),
    ]
  }

  /// The package `name version architecture` written to `file`, its checksum `sha256:` unless
  /// another is given.
  private func member(
    _ label: String, _ bytes: [UInt8], in folder: TemporaryFolder, file: String,
    checksum: String? = nil
  ) throws -> AssemblyMember {
    let words = label.split(separator: " ").map(String.init)
    return AssemblyMember(
      name: words[0], version: words[1], architecture: words[2],
      checksum: checksum ?? Fixture.sha256(bytes), artifact: try folder.write(file, bytes))
  }

  private func assemble(_ members: [AssemblyMember], to output: String) throws -> Assembly {
    try Assembler().assemble(
      members: members, settings: settings, architecture: "x86_64", epoch: 1_700_000_000,
      output: output)
  }

  /// The layer's entries as the image layout at `folder/name` holds them.
  private func layer(_ folder: TemporaryFolder, _ name: String) throws -> [TarEntry] {
    let index = try JSONParser.parse(folder.read("\(name)/index.json"))
    guard case .array(let manifests) = index["manifests"],
      let digest = manifests.first?["digest"]?.stringValue
    else { throw AssembleError("index.json names no manifest") }
    let manifest = try JSONParser.parse(folder.read("\(name)/blobs/sha256/\(digest.dropFirst(7))"))
    guard case .array(let layers) = manifest["layers"],
      let layerDigest = layers.first?["digest"]?.stringValue
    else { throw AssembleError("the manifest names no layer") }
    let blob = try folder.read("\(name)/blobs/sha256/\(layerDigest.dropFirst(7))")
    return try TarReader.entries(Zlib.gunzip(blob))
  }

  @Test func writesAnImageLayout() throws {
    let folder = try TemporaryFolder()
    let assembly = try assemble(members(in: folder), to: folder.path + "/image")
    let entries = try layer(folder, "image")
    let byName = Dictionary(entries.map { ($0.name, $0) }) { first, _ in first }

    #expect(
      try folder.read("image/oci-layout")
        == Array("{\n  \"imageLayoutVersion\": \"1.0.0\"\n}\n".utf8))
    #expect(
      entries.map(\.name) == [
        "etc/", "etc/group", "etc/motd", "etc/passwd", "home/", "home/app/", "root/", "usr/",
        "usr/bin/", "usr/bin/hello", "usr/share/", "usr/share/hello.txt", "var/", "var/lib/",
        "var/lib/app/",
      ])
    #expect(byName["usr/bin/hello"]?.mode == 0o755)
    #expect(byName["var/lib/app/"].map { [$0.mode, $0.uid, $0.gid] } == [0o750, 1000, 1000])
    #expect(byName["home/app/"].map { [$0.mode, $0.uid] } == [0o700, 1000])
    #expect(
      byName["etc/passwd"].map { String(decoding: $0.contents, as: UTF8.self) }
        == "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:Account created by minisolve:"
        + "/home/app:/bin/sh\n")
    #expect(assembly.entryCount == entries.count)
    #expect(assembly.warnings == ["hello 1.0-1: maintainer scripts not run: postinst"])
    #expect(folder.exists("image/blobs/sha256/" + assembly.manifestDigest.dropFirst(7)))
  }

  @Test func sameInputsGiveByteIdenticalBlobs() throws {
    let folder = try TemporaryFolder()
    let members = try members(in: folder)
    let first = try assemble(members, to: folder.path + "/one")
    let second = try assemble(members, to: folder.path + "/two")
    let blobs = try FileManager.default.contentsOfDirectory(
      atPath: folder.path + "/one/blobs/sha256")

    #expect(first == second)
    #expect(blobs.count == 3)
    for name in blobs + ["../../index.json"] {
      #expect(
        try folder.read("one/blobs/sha256/\(name)") == folder.read("two/blobs/sha256/\(name)"))
    }
  }

  @Test func aChecksumMismatchWritesNothing() throws {
    let folder = try TemporaryFolder()
    var members = try members(in: folder)
    members[1].checksum = Fixture.sha256([])
    let error = #expect(throws: AssembleError.self) {
      try assemble(members, to: folder.path + "/image")
    }

    #expect(
      error?.message.hasPrefix("hello-doc 1.0-1: \(members[1].artifact) has SHA-256 ") == true)
    #expect(!folder.exists("image"))
    #expect(try folder.hiddenEntries() == [])
  }

  @Test func missingArtifactsAndChecksumsAreErrorsNamingThePackage() throws {
    let folder = try TemporaryFolder()
    var members = try members(in: folder)
    members[0].artifact = folder.path + "/gone.deb"
    #expect(
      throws: AssembleError(
        "hello 1.0-1: cannot read '\(folder.path)/gone.deb': No such file or directory")
    ) {
      try assemble(members, to: folder.path + "/image")
    }
    members = try self.members(in: folder)
    members[2].checksum = nil
    #expect(
      throws: AssembleError("motd 1-r0: the lock records no checksum, so it cannot be verified")
    ) {
      try assemble(members, to: folder.path + "/image")
    }
    members[2].checksum = "Q1" + Data(count: 20).base64EncodedString()
    #expect(
      throws: AssembleError(
        "motd 1-r0: \(members[2].artifact): the control segment does not match the lock's checksum")
    ) {
      try assemble(members, to: folder.path + "/image")
    }
    #expect(!folder.exists("image"))
  }

  @Test func anOldLayoutIsReplacedOnlyOnSuccess() throws {
    let folder = try TemporaryFolder()
    let members = try members(in: folder)
    let output = folder.path + "/image"
    let first = try assemble(Array(members.prefix(1)), to: output)

    var broken = members
    broken[2].checksum = Fixture.sha256([])
    #expect(throws: AssembleError.self) { try assemble(broken, to: output) }
    #expect(folder.exists("image/blobs/sha256/" + first.manifestDigest.dropFirst(7)))

    let second = try assemble(members, to: output)
    #expect(folder.exists("image/blobs/sha256/" + second.manifestDigest.dropFirst(7)))
    #expect(!folder.exists("image/blobs/sha256/" + first.manifestDigest.dropFirst(7)))
    #expect(try folder.hiddenEntries() == [])
  }

  @Test func anOutputThatIsNotALayoutIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let members = try members(in: folder)
    #expect(
      throws: AssembleError(
        "\(folder.path)/hello.deb exists and is not an OCI image layout; it is left alone")
    ) {
      try assemble(members, to: folder.path + "/hello.deb")
    }
  }

  @Test func conflictsAndReplaces() throws {
    let folder = try TemporaryFolder()
    let a = try Fixture.deb([.file("./bin/sh", "a")])
    let b = try Fixture.deb([.file("./bin/sh", "b")])
    let members = [
      try member("a 1 amd64", a, in: folder, file: "a.deb"),
      try member("b 2 amd64", b, in: folder, file: "b.deb"),
    ]
    #expect(
      throws: AssembleError(
        "1 file conflict:\n  'bin/sh' is in both a 1 and b 2, and neither replaces the other")
    ) {
      try assemble(members, to: folder.path + "/image")
    }
    _ = try Assembler().assemble(
      members: members, settings: .object([:]), architecture: "amd64", epoch: 0,
      output: folder.path + "/image", replaces: { $0.name == "b" && $1.name == "a" })
    let sh = try layer(folder, "image").first { $0.name == "bin/sh" }
    #expect(sh.map { Array($0.contents) } == Array("b".utf8))
  }

  @Test func packagesOfAnotherArchitectureAreRefused() throws {
    let folder = try TemporaryFolder()
    var members = try members(in: folder)
    members[0].architecture = "arm64"
    #expect(throws: AssembleError("hello 1.0-1: built for arm64, not for x86_64")) {
      try assemble(members, to: folder.path + "/image")
    }
  }
}
