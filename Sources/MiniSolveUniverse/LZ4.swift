import CLZ4

/// LZ4 frame compression and decompression; the only file that calls liblz4.
public enum LZ4 {
  /// The bytes of every LZ4 frame in `bytes`, decompressed and joined in order.
  public static func decompress(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit)
    throws -> [UInt8]
  {
    var context: OpaquePointer?
    let created = LZ4F_createDecompressionContext(&context, UInt32(LZ4F_VERSION))
    guard LZ4F_isError(created) == 0, let context else {
      throw InputError("out of memory decompressing LZ4 data")
    }
    defer { LZ4F_freeDecompressionContext(context) }

    let chunkSize = 1 << 18
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { scratch.deallocate() }
    var output: [UInt8] = []
    try bytes.withUnsafeBytes { source in
      var offset = 0
      while true {
        var produced = chunkSize
        var consumed = source.count - offset
        // Zero once a frame has ended, else a hint of how much more input it wants.
        let status = LZ4F_decompress(
          context, scratch, &produced, source.baseAddress.map { $0 + offset }, &consumed, nil)
        guard LZ4F_isError(status) == 0 else {
          throw InputError("LZ4 data is corrupt (\(String(cString: LZ4F_getErrorName(status))))")
        }
        guard produced <= limit - output.count else {
          throw InputError.sizeLimit("decompressed data", limit)
        }
        output.append(contentsOf: UnsafeRawBufferPointer(start: scratch, count: produced))
        offset += consumed

        // Output short of the buffer means the decoder holds nothing more for this input.
        if offset == source.count && produced < chunkSize {
          if status == 0 { return }
          throw InputError("LZ4 data is truncated")
        }
      }
    }
    return output
  }

  /// `bytes` as one LZ4 frame with liblz4's default preferences.
  public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
    let capacity = LZ4F_compressFrameBound(bytes.count, nil)
    return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let written = bytes.withUnsafeBytes {
        LZ4F_compressFrame(buffer.baseAddress, capacity, $0.baseAddress, $0.count, nil)
      }
      guard LZ4F_isError(written) == 0 else {
        count = 0
        throw InputError("LZ4 compression failed (\(String(cString: LZ4F_getErrorName(written))))")
      }
      count = written
    }
  }
}
