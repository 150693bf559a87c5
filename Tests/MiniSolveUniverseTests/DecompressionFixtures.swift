import Foundation

/// A temporary folder where a test makes its fixtures with the real tools; removed afterwards.
final class FixtureFolder {
  let path: String

  init() throws {
    let name = "minisolve-input-\(UUID().uuidString)"
    path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The full path of `name` inside the folder.
  func file(_ name: String) -> String {
    path + "/" + name
  }

  /// Writes `bytes` to `name` (making folders on the way); returns the full path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = URL(fileURLWithPath: file(name))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
  }

  /// The bytes of `name`, read through Foundation.
  func read(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
  }

  /// Runs a program found on PATH inside the folder; returns its standard output.
  @discardableResult
  func run(_ arguments: String...) throws -> [UInt8] {
    try runTool(arguments, in: path)
  }

  /// Runs a program found on PATH inside the folder; returns its standard output.
  @discardableResult
  func run(_ arguments: [String]) throws -> [UInt8] {
    try runTool(arguments, in: path)
  }
}

/// One tool at a time: Foundation's `Process` on Linux has crashed when tests run several at once.
private let toolLock = NSLock()

/// Runs `arguments` through `/usr/bin/env`; a non-zero exit throws with the tool's stderr.
func runTool(_ arguments: [String], in folder: String? = nil) throws -> [UInt8] {
  toolLock.lock()
  defer { toolLock.unlock() }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  let finished = DispatchSemaphore(value: 0)
  process.terminationHandler = { _ in finished.signal() }
  try process.run()
  let bytes = output.fileHandleForReading.readDataToEndOfFile()
  let message = errors.fileHandleForReading.readDataToEndOfFile()
  finished.wait()
  guard process.terminationStatus == 0 else {
    throw ToolFailure(
      arguments: arguments, status: process.terminationStatus,
      stderr: String(decoding: message, as: UTF8.self))
  }
  return [UInt8](bytes)
}

/// A fixture tool that exited with an error.
struct ToolFailure: Error, CustomStringConvertible {
  var arguments: [String]
  var status: Int32
  var stderr: String

  var description: String { "\(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
}

/// Text of about `size` bytes that compresses like real index files: varied, repetitive lines.
func sampleText(size: Int, seed: UInt64 = 1) -> [UInt8] {
  var state = seed
  var bytes: [UInt8] = []
  bytes.reserveCapacity(size + 100)
  while bytes.count < size {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    let version = "\(state >> 60).\(state >> 56 & 15)-\(state & 7)"
    bytes.append(contentsOf: "Package: lib\(state >> 48)\nVersion: \(version)\n".utf8)
  }
  return Array(bytes.prefix(size))
}
