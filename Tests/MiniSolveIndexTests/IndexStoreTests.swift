import Foundation
import Testing

@testable import MiniSolveIndex

@Suite struct IndexStoreTests {
  @Test func secondLoadReusesAndChangedFileIsReread() throws {
    let folder = try TemporaryFolder()
    let repo = try folder.write("Packages", samplePackages)
    let first = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    #expect(first.read == [repo])
    #expect(first.universe.packages.count == 2)

    let second = try UniverseLoader.load(
      request(project: folder.path, index: folder, repos: [repo]))
    #expect(second.read.isEmpty)
    #expect(second.reused == [repo])
    #expect(second.universe.package(1).draft.relations.first?.alternatives.first?.name == "libc6")

    try folder.write(
      "Packages", samplePackages + "\nPackage: zsh\nVersion: 5.9-4\nArchitecture: amd64\n")
    let third = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    #expect(third.read == [repo])
    #expect(third.universe.packages.count == 3)
  }

  @Test func aRemovedFileIsDroppedAndOneNotNamedIsKept() throws {
    let folder = try TemporaryFolder()
    let one = try folder.write("one/Packages", samplePackages)
    let two = try folder.write(
      "two/Packages", "Package: zsh\nVersion: 5.9-4\nArchitecture: amd64\n")
    _ = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [one, two]))
    let later = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [one]))
    #expect(later.dropped.isEmpty)
    #expect(later.reused == [one])
    let again = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [two]))
    #expect(again.reused == [two])

    try FileManager.default.removeItem(atPath: two)
    let after = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [one]))
    #expect(after.dropped == [two])
  }

  @Test func cachedDiagnosticsAreReportedAgain() throws {
    let folder = try TemporaryFolder()
    let repo = try folder.write(
      "Packages", "Package: a\n\nPackage: b\nVersion: 1\nArchitecture: all\n")
    let first = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    let second = try UniverseLoader.load(
      request(project: folder.path, index: folder, repos: [repo]))
    #expect(first.diagnostics.count == 1)
    #expect(second.diagnostics.map(\.description) == first.diagnostics.map(\.description))
  }

  @Test(arguments: ["garbage", "truncated", "foreign", "old-schema"])
  func aBadIndexFileIsRebuiltWithAWarning(kind: String) throws {
    let folder = try TemporaryFolder()
    let repo = try folder.write("Packages", samplePackages)
    let path = folder.file("cache/index.db")
    _ = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    _ = try IndexStore(path: path)  // checkpoints nothing; the file exists now

    switch kind {
    case "garbage":
      try folder.write("cache/index.db", String(repeating: "not a database\n", count: 400))
    case "truncated":
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: path))
      try? FileManager.default.removeItem(atPath: path + "-wal")
      try? FileManager.default.removeItem(atPath: path + "-shm")
    case "foreign":
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
      let database = try SQLiteDatabase(path: path)
      try database.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi')")
    default:
      let database = try SQLiteDatabase(path: path)
      try database.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    }

    let load = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    #expect(load.universe.packages.count == 2)
    #expect(load.warnings.count == 1, "\(load.warnings)")
    #expect(load.warnings.first?.contains("rebuilding it") == true)
    let again = try UniverseLoader.load(request(project: folder.path, index: folder, repos: [repo]))
    #expect(again.warnings.isEmpty)
    #expect(again.reused == [repo])
  }

  @Test func withoutAnIndexEverythingIsRead() throws {
    let folder = try TemporaryFolder()
    let repo = try folder.write("Packages", samplePackages)
    for _ in 0..<2 {
      let load = try UniverseLoader.load(request(project: folder.path, index: nil, repos: [repo]))
      #expect(load.read == [repo])
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("cache/index.db")))
  }
}
