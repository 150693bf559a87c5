import Foundation

@testable import MiniSolveLock

/// A temporary folder for one test, removed afterwards.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-lock-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let url = URL(fileURLWithPath: path + "/" + name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

/// A locked member written out in one call.
func member(
  _ name: String, _ version: String, parent: String? = nil, requirement: String? = nil,
  declaredAt: String? = nil, origin: String = "repo/APKINDEX:1", kind: String = "repository",
  architecture: String = "x86_64", checksum: String? = nil, license: String? = nil
) -> LockedMember {
  var member = LockedMember(
    name: name, version: version, architecture: architecture, originKind: kind, origin: origin,
    requirement: requirement ?? name)
  member.parent = parent
  member.declaredAt = declaredAt
  member.checksum = checksum
  member.license = license
  return member
}

/// A small hand-made lock: image `web` (prod: app, which needs libz, which needs musl; dev
/// adds busybox) on x86_64, and recipe `app` whose build closure is busybox and make.
enum LockFixture {
  static let app = member(
    "app", "1.0-r0", requirement: "app", declaredAt: "images/web.yaml:3:7",
    origin: "recipes/app.yaml:3:9", kind: "recipe", license: "MIT")
  static let libz = member(
    "libz", "1.3.1-r0", parent: "app", requirement: "so:libz.so.1",
    declaredAt: "recipes/app.yaml:10:9", origin: "repo/APKINDEX:8", checksum: "Q1abc=",
    license: "Zlib")
  static let musl = member(
    "musl", "1.2.5-r1", parent: "libz", requirement: "so:libc.musl-x86_64.so.1",
    declaredAt: "repo/APKINDEX:12:3", origin: "repo/APKINDEX:1", license: "MIT AND custom")
  static let busybox = member(
    "busybox", "1.37.0-r0", requirement: "busybox", declaredAt: "minisolve.yaml:4:14",
    origin: "repo/APKINDEX:20", license: "GPL-2.0-only")
  static let make = member(
    "make", "4.4.1-r0", parent: "app", requirement: "make",
    declaredAt: "recipes/app.yaml:15:9", origin: "repo/APKINDEX:30")

  static let prod = LockedClosure(roots: ["app"], members: [app, libz, musl])
  static let dev = LockedClosure(roots: ["app", "busybox"], members: [app, busybox, libz, musl])
  static let buildBusybox = member(
    "busybox", "1.37.0-r0", parent: "app", requirement: "busybox",
    declaredAt: "recipes/app.yaml:14:9", origin: "repo/APKINDEX:20")
  static let build = LockedClosure(roots: [], members: [buildBusybox, make])

  static func lock(prod: LockedClosure = prod, dev: LockedClosure = dev) -> Lock {
    Lock(
      inputs: LockInputs(
        files: ["images/web.yaml": String(repeating: "a", count: 64)],
        builtinPipelines: String(repeating: "b", count: 64)),
      architectures: ["x86_64"],
      images: [
        "web": LockedImage(
          name: "web", file: "images/web.yaml", settings: .object([:]),
          closures: ["x86_64": ["prod": prod, "dev": dev]])
      ],
      recipes: [
        "app": LockedRecipe(name: "app", file: "recipes/app.yaml", build: ["x86_64": build])
      ])
  }
}
