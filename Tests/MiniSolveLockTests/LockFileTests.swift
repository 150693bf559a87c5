import Foundation
import Testing

@testable import MiniSolveLock

@Suite struct LockFileTests {
  private func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-lockfile-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func aWrittenLockReadsBackAndLeavesNoTemporaryFile() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/minisolve.lock"
    let lock = sampleLock()
    try LockFile.write(lock.rendered(), to: path)
    #expect(try LockFile.read(path) == lock)
    #expect(LockFile.intactInputs(path) == lock.inputs)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["minisolve.lock"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
    #expect(try LockFile.read(folder + "/none.lock") == nil)
    #expect(LockFile.intactInputs(folder + "/none.lock") == nil)
  }

  @Test func onlyOldUnlockedTemporaryFilesAreRemoved() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/minisolve.lock"
    func temporary(_ suffix: String, modified seconds: Int) -> String {
      let name = folder + "/.minisolve.lock.tmp." + suffix
      FileManager.default.createFile(atPath: name, contents: Data("{".utf8))
      var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
      _ = utimensat(AT_FDCWD, name, &times, 0)
      return name
    }
    let dead = temporary("dead00", modified: 1_000_000_000)
    let held = temporary("held00", modified: 1_000_000_000)
    let newer = temporary("newer0", modified: 2_000_000_000)
    let other = folder + "/.other.lock.tmp.dead00"
    FileManager.default.createFile(atPath: other, contents: Data())
    // A run still writing holds its file locked.
    let descriptor = open(held, O_RDONLY)
    defer { close(descriptor) }
    #expect(flock(descriptor, LOCK_EX) == 0)

    let started = Date(timeIntervalSince1970: 1_500_000_000)
    #expect(LockFile.removeStaleTemporaries(of: path, olderThan: started) == [dead])
    for kept in [held, newer, other] {
      #expect(FileManager.default.fileExists(atPath: kept))
    }
  }
}
