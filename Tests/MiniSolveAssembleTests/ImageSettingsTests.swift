import MiniSolveYAML
import Testing

@testable import MiniSolveAssemble

@Suite struct ImageSettingsTests {
  private func settings(_ json: String) throws -> ImageSettings {
    try ImageSettings(json: JSONParser.parse(json))
  }

  @Test func apkoKeysAreRead() throws {
    let read = try settings(
      """
      {"accounts": {"users": [{"username": "nginx", "uid": 10000}],
                    "groups": [{"groupname": "www", "gid": 101, "members": ["nginx"]}],
                    "run-as": "nginx"},
       "entrypoint": {"command": "/usr/sbin/nginx -g 'daemon off;'"}, "cmd": "--help",
       "work-dir": "/srv", "environment": {"A": "1"}, "annotations": {"k": "v"},
       "paths": [{"path": "/run/nginx", "type": "directory", "uid": 10000, "gid": 10000,
                  "permissions": 493}],
       "contents": {"packages": ["nginx"]}, "archs": ["x86_64"]}
      """)

    #expect(
      read.users == [
        .init(username: "nginx", uid: 10000, gid: 10000, shell: "/bin/sh", homedir: "/home/nginx")
      ])
    #expect(read.groups == [.init(groupname: "www", gid: 101, members: ["nginx"])])
    #expect(read.runAs == "nginx")
    #expect(read.entrypoint == ["/usr/sbin/nginx", "-g", "daemon off;"])
    #expect(read.cmd == ["--help"])
    #expect(read.workDir == "/srv")
    #expect(read.environment == ["A": "1"])
    #expect(read.annotations == ["k": "v"])
    #expect(
      read.paths == [
        .init(
          path: "/run/nginx", kind: .directory, uid: 10000, gid: 10000, permissions: 0o755,
          source: nil, recursive: false)
      ])
  }

  @Test func shellFragmentRunsThroughSh() throws {
    #expect(
      try settings(#"{"entrypoint": {"shell-fragment": "echo $HOME"}}"#).entrypoint == [
        "/bin/sh", "-c", "echo $HOME",
      ])
    #expect(try settings("{}") == settings(#"{"entrypoint": {}}"#))
  }

  @Test func wrongValuesNameTheirKey() {
    let cases = [
      (
        #"{"accounts": {"users": [{"username": "a", "uid": "1"}]}}"#,
        "accounts.users[0].uid is not an integer"
      ),
      (#"{"accounts": {"users": [{"uid": 1}]}}"#, "accounts.users[0].username is required"),
      (
        #"{"paths": [{"path": "/x", "type": "socket"}]}"#,
        "paths[0].type 'socket' is not directory, empty-file, hardlink, symlink or permissions"
      ),
      (#"{"environment": {"A": 1}}"#, "environment.A is not a string"),
      (#"{"cmd": "a 'b"}"#, "cmd has an unclosed ' quote"),
      (
        #"{"entrypoint": {"type": "service-bundle"}}"#,
        "entrypoint.type service-bundle is not supported"
      ),
    ]
    for (json, message) in cases {
      #expect(throws: AssembleError("image settings: " + message)) { try settings(json) }
    }
  }
}
