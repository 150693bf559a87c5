import Testing

@testable import MiniSolveAssemble

@Suite struct AccountFilesTests {
  private let nginx = ImageSettings.User(
    username: "nginx", uid: 101, gid: 101, shell: "/sbin/nologin", homedir: "/var/lib/nginx")

  @Test func rootThenConfiguredAccounts() {
    #expect(
      String(decoding: AccountFiles.passwd(existing: nil, users: [nginx]), as: UTF8.self) == """
        root:x:0:0:root:/root:/bin/sh
        nginx:x:101:101:Account created by minisolve:/var/lib/nginx:/sbin/nologin

        """)
    let www = ImageSettings.Group(groupname: "www", gid: 33, members: ["nginx", "php"])
    #expect(
      String(decoding: AccountFiles.group(existing: nil, groups: [www]), as: UTF8.self) == """
        root:x:0:
        www:x:33:nginx,php

        """)
  }

  @Test func linesFromPackagesStayAndNamesAreNotRepeated() {
    let shipped = Array("root:x:0:0:root:/root:/bin/ash\nnginx:x:5:5::/:/bin/false\n".utf8)
    let passwd = AccountFiles.passwd(existing: shipped[...], users: [nginx])

    #expect(passwd == shipped)
  }
}
