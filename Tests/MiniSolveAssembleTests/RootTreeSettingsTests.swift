import MiniSolveYAML
import Testing

@testable import MiniSolveAssemble

@Suite struct RootTreeSettingsTests {
  /// A tree of one package holding `entries`, with `paths` (JSON) applied.
  private func tree(_ entries: [TreeEntry], paths: String) throws -> RootTree {
    var tree = try RootTree(
      merging: [
        RootTree.Package(name: "p", contents: PackageContents(file: "p", entries: entries))
      ],
      replaces: { _, _ in false })
    try tree.apply(ImageSettings(json: JSONParser.parse(#"{"paths": \#(paths)}"#)))
    return tree
  }

  @Test func everyKindOfPath() throws {
    let tree = try tree(
      [.directory("srv"), .file("srv/data", [1], mode: 0o600), .file("usr/bin/tool", [2])],
      paths: """
        [{"path": "/srv", "type": "directory", "uid": 7, "gid": 8, "permissions": 448,
          "recursive": true},
         {"path": "/run/ready", "type": "empty-file"},
         {"path": "/usr/bin/tool2", "type": "hardlink", "source": "/usr/bin/tool",
          "permissions": 493},
         {"path": "/usr/bin/t", "type": "symlink", "source": "tool"},
         {"path": "/usr/bin/t", "type": "permissions", "permissions": 511, "uid": 1}]
        """)

    #expect(tree["srv"].map { [$0.mode, $0.uid, $0.gid] } == [0o700, 7, 8])
    #expect(tree["srv/data"].map { [$0.mode, $0.uid, $0.gid] } == [0o700, 7, 8])
    #expect(tree["run/ready"].map { [$0.mode, $0.contents.count] } == [0o644, 0])
    #expect(tree["run"]?.kind == .directory)
    #expect(tree["usr/bin/tool2"]?.linkTarget == "usr/bin/tool")
    #expect(tree["usr/bin/tool"]?.mode == 0o755)
    #expect(tree["usr/bin/t"].map { [$0.mode, $0.uid] } == [0o777, 1])
  }

  @Test func accountFilesAndHomes() throws {
    var tree = try RootTree(merging: [], replaces: { _, _ in false })
    let nobody = #"{"username": "nobody", "uid": 65534, "homedir": "/dev/null"}"#
    try tree.apply(
      ImageSettings(json: JSONParser.parse(#"{"accounts": {"users": [\#(nobody)]}}"#)))

    #expect(tree["etc/passwd"]?.contents.isEmpty == false)
    #expect(tree["etc/group"]?.contents.isEmpty == false)
    #expect(tree["root"].map { [$0.mode, $0.uid] } == [0o700, 0])
    #expect(tree["dev/null"] == nil)
  }

  @Test func wrongPathsAreErrors() throws {
    let cases = [
      (
        #"[{"path": "/f", "type": "directory"}]"#,
        "image settings: paths[0]: /f is a file, not a folder"
      ),
      (
        #"[{"path": "/x", "type": "permissions", "permissions": 0}]"#,
        "image settings: paths[0]: /x does not exist"
      ),
      (
        #"[{"path": "/l", "type": "hardlink", "source": "/nowhere"}]"#,
        "image settings: paths[0]: /nowhere is not a file to link to"
      ),
      (
        #"[{"path": "/l", "type": "symlink", "source": "../../.."}]"#,
        "image settings: paths[0]: '../../..' points outside the root"
      ),
      (
        #"[{"path": "/a/../b", "type": "empty-file"}]"#,
        "image settings: paths[0].path '/a/../b' has a '..' component"
      ),
      (#"[{"path": "/", "type": "directory"}]"#, "image settings: paths[0].path is the root"),
      (#"[{"path": "/x", "type": "symlink"}]"#, "image settings: paths[0].source is required"),
    ]
    for (paths, message) in cases {
      #expect(throws: AssembleError(message)) { try tree([.file("f", [])], paths: paths) }
    }
  }
}
