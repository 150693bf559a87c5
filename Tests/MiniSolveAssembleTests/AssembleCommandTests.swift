import Foundation
import MiniSolveUniverse
import Testing

@testable import MiniSolveAssemble
@testable import MiniSolveCLI

/// Runs minisolve with a capturing terminal.
private func minisolve(arguments: [String]) -> (code: Int32, out: String, err: String) {
  let (terminal, capture) = Terminal.capturing()
  let code = MiniSolveCommand.run(arguments, terminal: terminal)
  return (code, capture.output, capture.errors)
}

/// `minisolve assemble` end to end on a Debian-style project the test writes: two `.deb`
/// files made here, an index naming their SHA-256, an image, a lock.
@Suite struct AssembleCommandTests {
  /// The project folder, with `debs/` holding the artifacts as `apt-get download` names them.
  static func project() throws -> (TemporaryFolder, tool: [UInt8]) {
    let folder = try TemporaryFolder()
    let tool = try Fixture.deb([
      .folder("./usr/"), .folder("./usr/bin/"),
      .file("./usr/bin/tool", "#!/bin/sh\necho tool\n", mode: 0o755),
    ])
    let lib = try Fixture.deb(
      [.folder("./usr/"), .folder("./usr/lib/"), .file("./usr/lib/libx.so.1", "x")],
      compression: .gzip)
    try FileManager.default.createDirectory(
      atPath: folder.path + "/debs", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder.path + "/images", withIntermediateDirectories: true)
    try Data(tool).write(to: URL(fileURLWithPath: folder.path + "/debs/tool_1%3a2.0-1_amd64.deb"))
    try Data(lib).write(to: URL(fileURLWithPath: folder.path + "/debs/libx1_1.0-1_amd64.deb"))
    let index = """
      Package: tool
      Version: 1:2.0-1
      Architecture: amd64
      Depends: libx1
      Filename: pool/main/t/tool/tool_2.0-1_amd64.deb
      SHA256: \(SHA256.hash(tool).hex)

      Package: libx1
      Version: 1.0-1
      Architecture: amd64
      Filename: pool/main/x/libx/libx1_1.0-1_amd64.deb
      SHA256: \(SHA256.hash(lib).hex)

      """
    try index.write(toFile: folder.path + "/Packages", atomically: true, encoding: .utf8)
    try "repositories: [Packages]\narchs: [x86_64]\ndev:\n  packages: [tool]\n".write(
      toFile: folder.path + "/minisolve.yaml", atomically: true, encoding: .utf8)
    try "contents:\n  packages: [tool]\nentrypoint:\n  command: /usr/bin/tool\n".write(
      toFile: folder.path + "/images/tool.yaml", atomically: true, encoding: .utf8)
    return (folder, tool)
  }

  @Test func assemblesTheLockedImageFromVerifiedArtifacts() throws {
    let (folder, _) = try Self.project()
    #expect(minisolve(arguments: ["lock", "--project", folder.path, "--no-index"]).code == 0)
    let arguments = [
      "assemble", "--project", folder.path, "--no-index", "--image", "tool", "--packages",
      folder.path + "/debs",
    ]
    let first = minisolve(arguments: arguments + ["--output", folder.path + "/oci"])
    #expect(first.code == 0, "\(first.err)")
    #expect(first.out.contains("tool prod x86_64, 2 packages"))
    let second = minisolve(arguments: arguments + ["--output", folder.path + "/oci-again"])
    #expect(second.code == 0)
    let index = try String(contentsOfFile: folder.path + "/oci/index.json", encoding: .utf8)
    let again = try String(contentsOfFile: folder.path + "/oci-again/index.json", encoding: .utf8)
    #expect(index == again, "the same lock and files give the same image")
    #expect(index.contains("tool-prod"))
  }

  @Test func aChangedArtifactIsRefusedAndNothingIsWritten() throws {
    let (folder, tool) = try Self.project()
    #expect(minisolve(arguments: ["lock", "--project", folder.path, "--no-index"]).code == 0)
    try Data(tool + [0]).write(
      to: URL(fileURLWithPath: folder.path + "/debs/tool_1%3a2.0-1_amd64.deb"))
    let result = minisolve(arguments: [
      "assemble", "--project", folder.path, "--no-index", "--image", "tool", "--packages",
      folder.path + "/debs", "--output", folder.path + "/oci",
    ])
    #expect(result.code == 1)
    #expect(result.err.contains("tool 1:2.0-1"), "\(result.err)")
    #expect(result.err.hasSuffix("nothing was written\n"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/oci"))
  }

  @Test func aMissingArtifactNamesWhereItLooked() throws {
    let (folder, _) = try Self.project()
    #expect(minisolve(arguments: ["lock", "--project", folder.path, "--no-index"]).code == 0)
    try FileManager.default.removeItem(atPath: folder.path + "/debs/libx1_1.0-1_amd64.deb")
    let result = minisolve(arguments: [
      "assemble", "--project", folder.path, "--no-index", "--image", "tool", "--packages",
      folder.path + "/debs", "--output", folder.path + "/oci",
    ])
    #expect(result.code == 1)
    #expect(
      result.err
        == "error: libx1 1.0-1: no artifact in \(folder.path)/debs (looked for "
        + "libx1_1.0-1_amd64.deb); nothing was written\n")
  }
}
