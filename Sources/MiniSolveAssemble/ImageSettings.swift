import MiniSolveYAML

/// The image settings an assembler uses, read from the JSON a lock keeps (apko's keys):
/// accounts, entrypoint, cmd, work-dir, environment, paths, annotations, stop-signal, volumes.
/// Keys it does not use (contents, archs, dev, ...) are ignored.
// TODO(compat): `os-release` is ignored; apko writes /etc/os-release from it.
public struct ImageSettings: Sendable, Equatable {
  public struct User: Sendable, Equatable {
    public var username: String
    public var uid: Int
    /// The primary group; apko takes the uid when it is not given.
    public var gid: Int
    public var shell: String
    public var homedir: String
  }

  public struct Group: Sendable, Equatable {
    public var groupname: String
    public var gid: Int
    public var members: [String]
  }

  /// One of `paths`: something made or changed in the image after the packages.
  public struct PathSetting: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case directory
      case emptyFile = "empty-file"
      case hardlink
      case symlink
      case permissions
    }

    public var path: String
    public var kind: Kind
    public var uid: Int
    public var gid: Int
    public var permissions: Int?
    public var source: String?
    public var recursive: Bool
  }

  public var users: [User] = []
  public var groups: [Group] = []
  public var runAs: String?
  public var entrypoint: [String]?
  public var cmd: [String]?
  public var workDir: String?
  public var environment: [String: String] = [:]
  public var paths: [PathSetting] = []
  public var annotations: [String: String] = [:]
  public var stopSignal: String?
  public var volumes: [String] = []

  /// The settings in `json`; a value of the wrong type is an error naming its key.
  public init(json: JSONValue) throws(AssembleError) {
    let read = SettingsReader()
    let accounts = json["accounts"]
    users = try read.list(accounts?["users"], "accounts.users").enumerated().map {
      (index, user) throws(AssembleError) in
      let key = "accounts.users[\(index)]"
      let name = try read.required(
        read.string(user["username"], "\(key).username"), "\(key).username")
      let uid = try read.required(read.int(user["uid"], "\(key).uid"), "\(key).uid")
      return User(
        username: name, uid: uid, gid: try read.int(user["gid"], "\(key).gid") ?? uid,
        shell: try read.string(user["shell"], "\(key).shell") ?? "/bin/sh",
        homedir: try read.string(user["homedir"], "\(key).homedir") ?? "/home/\(name)")
    }
    groups = try read.list(accounts?["groups"], "accounts.groups").enumerated().map {
      (index, group) throws(AssembleError) in
      let key = "accounts.groups[\(index)]"
      return Group(
        groupname: try read.required(
          read.string(group["groupname"], "\(key).groupname"), "\(key).groupname"),
        gid: try read.required(read.int(group["gid"], "\(key).gid"), "\(key).gid"),
        members: try read.strings(group["members"], "\(key).members"))
    }
    runAs = try read.string(accounts?["run-as"], "accounts.run-as")

    try readEntrypoint(json, read)
    workDir = try read.string(json["work-dir"], "work-dir")
    environment = try read.stringMap(json["environment"], "environment")
    annotations = try read.stringMap(json["annotations"], "annotations")
    stopSignal = try read.string(json["stop-signal"], "stop-signal")
    volumes = try read.strings(json["volumes"], "volumes")
    paths = try read.list(json["paths"], "paths").enumerated().map {
      (index, path) throws(AssembleError) in try Self.pathSetting(path, "paths[\(index)]", read)
    }
  }

  /// `entrypoint` and `cmd`: a command line split into words, or a shell fragment run by
  /// `/bin/sh -c`, as apko does; s6 service bundles are not supported.
  private mutating func readEntrypoint(_ json: JSONValue, _ read: SettingsReader)
    throws(AssembleError)
  {
    let entry = json["entrypoint"]
    if let type = try read.string(entry?["type"], "entrypoint.type"), type == "service-bundle" {
      // TODO(compat): apko builds an s6 supervision tree for service bundles.
      throw AssembleError("image settings: entrypoint.type service-bundle is not supported")
    }
    if let fragment = try read.string(entry?["shell-fragment"], "entrypoint.shell-fragment") {
      entrypoint = ["/bin/sh", "-c", fragment]
    } else if let command = try read.string(entry?["command"], "entrypoint.command") {
      entrypoint = try Self.words(command, "entrypoint.command")
    }
    if let command = try read.string(json["cmd"], "cmd") {
      cmd = try Self.words(command, "cmd")
    }
  }

  private static func words(_ line: String, _ key: String) throws(AssembleError) -> [String] {
    do {
      return try ShellWords.split(line)
    } catch {
      switch error {
      case .unclosedQuote(let quote):
        throw AssembleError("image settings: \(key) has an unclosed \(quote) quote")
      case .trailingBackslash:
        throw AssembleError("image settings: \(key) ends in a backslash")
      }
    }
  }

  private static func pathSetting(_ json: JSONValue, _ key: String, _ read: SettingsReader)
    throws(AssembleError) -> PathSetting
  {
    let type = try read.required(read.string(json["type"], "\(key).type"), "\(key).type")
    guard let kind = PathSetting.Kind(rawValue: type) else {
      throw AssembleError(
        "image settings: \(key).type '\(type)' is not directory, empty-file, hardlink, symlink "
          + "or permissions")
    }
    return PathSetting(
      path: try read.required(read.string(json["path"], "\(key).path"), "\(key).path"),
      kind: kind, uid: try read.int(json["uid"], "\(key).uid") ?? 0,
      gid: try read.int(json["gid"], "\(key).gid") ?? 0,
      permissions: try read.int(json["permissions"], "\(key).permissions"),
      source: try read.string(json["source"], "\(key).source"),
      recursive: try read.bool(json["recursive"], "\(key).recursive") ?? false)
  }
}

/// Typed access to settings JSON with errors that name the key.
private struct SettingsReader {
  func string(_ value: JSONValue?, _ key: String) throws(AssembleError) -> String? {
    switch value {
    case nil, .null: return nil
    case .string(let text): return text
    default: throw mistyped(key, "a string")
    }
  }

  func int(_ value: JSONValue?, _ key: String) throws(AssembleError) -> Int? {
    switch value {
    case nil, .null: return nil
    case .int(let number): return number
    default: throw mistyped(key, "an integer")
    }
  }

  func bool(_ value: JSONValue?, _ key: String) throws(AssembleError) -> Bool? {
    switch value {
    case nil, .null: return nil
    case .bool(let flag): return flag
    default: throw mistyped(key, "true or false")
    }
  }

  func list(_ value: JSONValue?, _ key: String) throws(AssembleError) -> [JSONValue] {
    switch value {
    case nil, .null: return []
    case .array(let items): return items
    default: throw mistyped(key, "a list")
    }
  }

  func strings(_ value: JSONValue?, _ key: String) throws(AssembleError) -> [String] {
    try list(value, key).enumerated().map { (index, item) throws(AssembleError) in
      try required(string(item, "\(key)[\(index)]"), "\(key)[\(index)]")
    }
  }

  func stringMap(_ value: JSONValue?, _ key: String) throws(AssembleError) -> [String: String] {
    switch value {
    case nil, .null: return [:]
    case .object(let members):
      var map: [String: String] = [:]
      for (name, item) in members {
        map[name] = try required(string(item, "\(key).\(name)"), "\(key).\(name)")
      }
      return map
    default: throw mistyped(key, "a map of strings")
    }
  }

  func required<Value>(_ value: Value?, _ key: String) throws(AssembleError) -> Value {
    guard let value else { throw AssembleError("image settings: \(key) is required") }
    return value
  }

  private func mistyped(_ key: String, _ expected: String) -> AssembleError {
    AssembleError("image settings: \(key) is not \(expected)")
  }
}
