import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveAssemble

/// The image `scripts/checks/oci-layout` hands to umoci and skopeo: written where
/// `MINISOLVE_OCI_LAYOUT` says (tag `check`), else into a temporary folder and checked here.
@Suite struct LayoutForToolsTests {
  @Test func layoutForExternalTools() throws {
    let folder = try TemporaryFolder()
    let longName = "./usr/share/doc/" + String(repeating: "long-name-", count: 12) + "end"
    let tool = try Fixture.deb(
      [
        .folder("./"), .folder("./usr/"), .folder("./usr/bin/"),
        .file("./usr/bin/tool", "#!/bin/sh\necho tool\n", mode: 0o755),
        .hardlink("./usr/bin/tool-again", to: "./usr/bin/tool"),
        .symlink("./usr/bin/t", to: "tool"),
        .folder("./usr/share/"), .folder("./usr/share/doc/"), .file(longName, "long\n"),
      ], scripts: ["postinst"])
    let config = try Fixture.apk([.folder("etc/"), .file("etc/tool.conf", "level = 3\n")])
    let members = [
      AssemblyMember(
        name: "tool", version: "1.0", architecture: "amd64", checksum: Fixture.sha256(tool),
        artifact: try folder.write("tool.deb", tool)),
      AssemblyMember(
        name: "tool-config", version: "1.0-r0", architecture: "x86_64", checksum: config.q1,
        artifact: try folder.write("tool-config.apk", config.bytes)),
    ]
    let settings = try JSONParser.parse(
      """
      {"accounts": {"users": [{"username": "tool", "uid": 4242}],
                    "groups": [{"groupname": "tool", "gid": 4242, "members": ["tool"]}],
                    "run-as": "tool"},
       "entrypoint": {"command": "/usr/bin/tool"}, "work-dir": "/var/lib/tool",
       "paths": [{"path": "/var/lib/tool", "type": "directory", "uid": 4242, "gid": 4242,
                  "permissions": 488}],
       "annotations": {"org.opencontainers.image.title": "tool"}}
      """)
    let output =
      ProcessInfo.processInfo.environment["MINISOLVE_OCI_LAYOUT"] ?? folder.path + "/image"

    let assembly = try Assembler(reference: "check").assemble(
      members: members, settings: settings, architecture: "x86_64", epoch: 1_700_000_000,
      output: output)
    #expect(assembly.warnings == ["tool 1.0: maintainer scripts not run: postinst"])
    #expect(FileManager.default.fileExists(atPath: output + "/index.json"))
  }
}
