import Foundation
import MiniSolveUniverse

/// Reading and writing the lock file. A write goes to a temporary file beside the lock, is
/// flushed to disk and renamed over it, so that a killed run, a full disk or an unwritable
/// folder leaves the old lock as it was, and two runs at once each leave a whole file. The
/// writer holds an advisory lock (`flock`) on its temporary file until the rename, so that a
/// later run can tell a file left by a killed run from one being written, and remove it.
public enum LockFile {
  /// Writes `text` to `path` atomically; the error says that the old lock is untouched.
  public static func write(_ text: String, to path: String) throws {
    var template = Array((temporaryPrefix(of: path) + "XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      throw LockWriteError(path: path, reason: "cannot create a file beside it: \(reason())")
    }
    let temporary = String(cString: template)
    var failure = flock(descriptor, LOCK_EX) == 0 ? nil : reason()
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count && failure == nil {
      let written = bytes[offset...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        failure = reason()
      } else {
        offset += written
      }
    }
    if failure == nil && fchmod(descriptor, 0o644) != 0 { failure = reason() }
    if failure == nil && fsync(descriptor) != 0 { failure = reason() }
    // Renamed while still open and locked; closing releases the advisory lock.
    if failure == nil && rename(temporary, path) != 0 { failure = reason() }
    if let failure {
      unlink(temporary)
      close(descriptor)
      throw LockWriteError(path: path, reason: failure)
    }
    close(descriptor)
  }

  /// Removes the temporary files beside the lock at `path` that runs killed before `started`
  /// left behind: older than `started` and locked by no process. Returns their paths.
  public static func removeStaleTemporaries(of path: String, olderThan started: Date) -> [String] {
    let prefix = temporaryPrefix(of: path)
    let folder = (prefix as NSString).deletingLastPathComponent
    let namePrefix = (prefix as NSString).lastPathComponent
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var removed: [String] = []
    for name in names.sorted() where name.hasPrefix(namePrefix) {
      let candidate = (folder as NSString).appendingPathComponent(name)
      let descriptor = open(candidate, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
      let modified = Date(
        timeIntervalSince1970: Double(status.st_mtim.tv_sec)
          + Double(status.st_mtim.tv_nsec) / 1e9)
      guard modified < started, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
      if unlink(candidate) == 0 { removed.append(candidate) }
    }
    return removed
  }

  /// `FOLDER/.NAME.tmp.`: where the temporary files of the lock at `path` start.
  private static func temporaryPrefix(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    return (folder.isEmpty ? "." : folder) + "/.\(name).tmp."
  }

  /// The lock at `path`, or nil when there is none; a malformed one is an error.
  public static func read(_ path: String) throws -> Lock? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LockReadError(problem: "\(path): cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LockReadError(problem: "\(path): not UTF-8 text")
    }
    return try Lock(text: text, path: path)
  }

  /// The inputs recorded in the lock at `path` when it is intact (its digest matches), read
  /// without parsing the rest; nil when there is no such lock, and `read` then says why.
  public static func intactInputs(_ path: String) -> LockInputs? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
    let size = Int(status.st_size)
    // Mapped rather than read: a lock of a large project is tens of megabytes, hashed once.
    // TODO(limit): a lock truncated in place while it is mapped (an editor saving over it during
    // the check) ends the process with SIGBUS; `lock` itself always renames a new file over it.
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapped != MAP_FAILED
    else { return nil }
    defer { munmap(mapped, size) }
    return LockText.intactInputs(UnsafeRawBufferPointer(start: mapped, count: size))
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}

/// A lock that could not be written; the old one, if any, is untouched.
public struct LockWriteError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String {
    "cannot write \(path): \(reason); the old lock, if any, is untouched"
  }
}
