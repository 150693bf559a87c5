/// `/etc/passwd` and `/etc/group` from the image's accounts: the lines a package shipped stay
/// as they are, root is added when missing, then each configured account not there already.
// TODO(compat): Debian system accounts that maintainer scripts create (adduser in postinst)
// are missing, since scripts are not run; files owned by their ids show bare numbers.
enum AccountFiles {
  static let root = ImageSettings.User(
    username: "root", uid: 0, gid: 0, shell: "/bin/sh", homedir: "/root")

  /// The passwd file: `name:x:uid:gid:gecos:home:shell` a line.
  static func passwd(existing: ArraySlice<UInt8>?, users: [ImageSettings.User]) -> [UInt8] {
    var lines = existingLines(existing)
    var names = Set(lines.map(firstField))
    for user in [root] + users where names.insert(user.username).inserted {
      let gecos = user.uid == 0 ? "root" : "Account created by minisolve"
      lines.append(
        "\(user.username):x:\(user.uid):\(user.gid):\(gecos):\(user.homedir):\(user.shell)")
    }
    return Array(lines.map { $0 + "\n" }.joined().utf8)
  }

  /// The group file: `name:x:gid:member,member` a line.
  static func group(existing: ArraySlice<UInt8>?, groups: [ImageSettings.Group]) -> [UInt8] {
    var lines = existingLines(existing)
    var names = Set(lines.map(firstField))
    let rootGroup = ImageSettings.Group(groupname: "root", gid: 0, members: [])
    for group in [rootGroup] + groups where names.insert(group.groupname).inserted {
      lines.append("\(group.groupname):x:\(group.gid):\(group.members.joined(separator: ","))")
    }
    return Array(lines.map { $0 + "\n" }.joined().utf8)
  }

  private static func existingLines(_ bytes: ArraySlice<UInt8>?) -> [String] {
    guard let bytes else { return [] }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  private static func firstField(_ line: String) -> String {
    String(line.prefix { $0 != ":" })
  }
}
