import Foundation
import MiniSolveRecipe

@testable import MiniSolveIndex

/// A temporary folder for one test, removed afterwards.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-index-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { path + "/" + name }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let url = URL(fileURLWithPath: file(name))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path

/// A request for x86_64 with the index inside `folder`.
func request(project: String, index folder: TemporaryFolder?, repos: [String] = [])
  -> UniverseRequest
{
  var request = UniverseRequest(architecture: Architecture.named("x86_64") ?? Architecture.known[0])
  request.projectDirectory = project
  request.repositories = repos
  request.indexPath = folder.map { $0.file("cache/index.db") }
  request.toolVersion = "test"
  return request
}

let samplePackages = """
  Package: libc6
  Version: 2.36-9
  Architecture: amd64
  Provides: libc-dev

  Package: bash
  Version: 5.2.15-2
  Architecture: amd64
  Pre-Depends: libc6 (>= 2.36)

  """
