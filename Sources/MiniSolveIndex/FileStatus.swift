import Glibc
import MiniSolveUniverse

/// A file's size and modification time, as `stat` gives them.
struct FileStatus {
  var size: Int64
  var mtimeNanoseconds: Int64
  /// A regular file, not a folder, FIFO or device.
  var isRegular: Bool

  init(path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw InputError("cannot read '\(path)': \(String(cString: strerror(errno)))")
    }
    size = Int64(info.st_size)
    isRegular = (info.st_mode & S_IFMT) == S_IFREG
    mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }
}
