import Foundation

/// Writes an OCI image layout so that the output folder is either the old one or the whole
/// new one: everything goes into a new folder beside it, which is renamed into place last.
/// An existing output is replaced only when it is an image layout itself.
enum LayoutWriter {
  static func write(_ image: OCIImage, to output: String) throws(AssembleError) {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: output, isDirectory: &isFolder)
    if exists && !(isFolder.boolValue && manager.fileExists(atPath: output + "/oci-layout")) {
      throw AssembleError("\(output) exists and is not an OCI image layout; it is left alone")
    }

    let staging = try makeFolderBeside(output, "new")
    do {
      try makeFolder(staging + "/blobs/sha256")
      try writeFile(staging + "/oci-layout", OCIImage.layout)
      for blob in [image.layer, image.config, image.manifest] {
        try writeFile(staging + "/blobs/sha256/" + blob.digest.hex, blob.bytes)
      }
      try writeFile(staging + "/index.json", image.index)
      try moveIntoPlace(staging, output, replacing: exists)
    } catch {
      try? manager.removeItem(atPath: staging)
      throw error
    }
  }

  /// Renames `staging` to `output`; an old output is first moved aside, and back on failure.
  // TODO(limit): replacing takes two renames, so a crash between them leaves the old layout
  // in `.NAME.old.*` and no output; the folder itself is not fsynced.
  private static func moveIntoPlace(_ staging: String, _ output: String, replacing: Bool)
    throws(AssembleError)
  {
    guard replacing else {
      guard rename(staging, output) == 0 else { throw failure("cannot rename to \(output)") }
      return
    }
    let aside = try makeFolderBeside(output, "old")
    guard rename(output, aside) == 0 else {
      rmdir(aside)
      throw failure("cannot move the old \(output) aside")
    }
    guard rename(staging, output) == 0 else {
      let reason = failure("cannot rename to \(output)")
      rename(aside, output)
      throw reason
    }
    try? FileManager.default.removeItem(atPath: aside)
  }

  /// A new empty folder `.NAME.KIND.XXXXXX` in the output's parent folder, mode 0755.
  private static func makeFolderBeside(_ output: String, _ kind: String) throws(AssembleError)
    -> String
  {
    let parent = (output as NSString).deletingLastPathComponent
    let name = (output as NSString).lastPathComponent
    var template = Array(((parent.isEmpty ? "." : parent) + "/.\(name).\(kind).XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) } != nil
    }
    guard made else { throw failure("cannot make a folder beside \(output)") }
    let path = String(cString: template)
    chmod(path, 0o755)
    return path
  }

  private static func makeFolder(_ path: String) throws(AssembleError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw AssembleError("cannot make \(path): \(error.localizedDescription)")
    }
  }

  /// Writes `bytes` to a new file at `path` and flushes it to disk.
  private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(AssembleError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure("cannot create \(path)") }
    var offset = 0
    var problem: AssembleError?
    while offset < bytes.count && problem == nil {
      let written = bytes[offset...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 && errno != EINTR { problem = failure("cannot write \(path)") }
      if written > 0 { offset += written }
    }
    if problem == nil && fsync(descriptor) != 0 { problem = failure("cannot flush \(path)") }
    if close(descriptor) != 0 && problem == nil { problem = failure("cannot close \(path)") }
    if let problem { throw problem }
  }

  /// The error for the call that just set `errno`.
  private static func failure(_ what: String) -> AssembleError {
    AssembleError("\(what): \(String(cString: strerror(errno)))")
  }
}
