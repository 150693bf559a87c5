import Glibc

/// Whole files and files in chunks, read with POSIX calls and errors that name the file.
public enum FileBytes {
  /// The contents of the file at `path`; a file longer than `limit` bytes is an error.
  public static func read(_ path: String, limit: Int) throws -> [UInt8] {
    let descriptor = try open(path)
    defer { close(descriptor) }

    let expected = try size(of: descriptor, path)
    guard expected <= limit else { throw tooLarge(path, limit) }
    var bytes = try [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = try fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor, path)
    }

    // Pipes and /proc files report no size, and a file may grow while it is read.
    try forEachChunk(of: descriptor, path) { chunk in
      guard chunk.count <= limit - bytes.count else { throw tooLarge(path, limit) }
      bytes.append(contentsOf: chunk)
    }
    return bytes
  }

  /// Calls `body` with each chunk of the file at `path` in order, without holding all of it.
  public static func forEachChunk(
    of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let descriptor = try open(path)
    defer { close(descriptor) }
    try forEachChunk(of: descriptor, path, body)
  }

  /// Reads from `descriptor` until the end of the file, a chunk at a time.
  private static func forEachChunk(
    of descriptor: Int32, _ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let count = try fill(chunk, from: descriptor, path)
      if count == 0 { return }
      try body(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
      if count < chunk.count { return }
    }
  }

  /// Reads until `buffer` is full or the file ends; returns how many bytes were read.
  private static func fill(
    _ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, _ path: String
  ) throws -> Int {
    var filled = 0
    while filled < buffer.count, let start = buffer.baseAddress {
      let count = Glibc.read(descriptor, start + filled, buffer.count - filled)
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(path)
      }
      filled += count
    }
    return filled
  }

  /// Opens `path` for reading.
  private static func open(_ path: String) throws -> Int32 {
    while true {
      let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
      if descriptor >= 0 { return descriptor }
      if errno != EINTR { throw failure(path) }
    }
  }

  /// The size `fstat` reports for an open file; 0 for pipes and the like.
  private static func size(of descriptor: Int32, _ path: String) throws -> Int {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(path) }
    return (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
  }

  /// The error for the failed call that just set `errno`.
  private static func failure(_ path: String) -> InputError {
    InputError("cannot read '\(path)': \(String(cString: strerror(errno)))")
  }

  /// The error for a file longer than the caller allows.
  private static func tooLarge(_ path: String, _ limit: Int) -> InputError {
    InputError.sizeLimit("file '\(path)'", limit)
  }
}
