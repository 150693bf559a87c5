import CZstd
import MiniSolveUniverse

/// zstd compression and decompression; the only file that calls libzstd.
public enum Zstd {
  /// The bytes of every zstd frame in `bytes`, decompressed and joined in order.
  public static func decompress(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit)
    throws -> [UInt8]
  {
    guard let context = ZSTD_createDStream() else {
      throw InputError("out of memory decompressing zstd data")
    }
    defer { ZSTD_freeDStream(context) }

    let chunkSize = ZSTD_DStreamOutSize()
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { scratch.deallocate() }
    var output: [UInt8] = []
    try bytes.withUnsafeBytes { source in
      var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
      while true {
        var out = ZSTD_outBuffer(dst: scratch, size: chunkSize, pos: 0)
        // Zero once a frame has ended, else a hint of how much more input it wants.
        let status = ZSTD_decompressStream(context, &out, &input)
        guard ZSTD_isError(status) == 0 else {
          throw InputError("zstd data is corrupt (\(String(cString: ZSTD_getErrorName(status))))")
        }
        guard out.pos <= limit - output.count else {
          throw InputError.sizeLimit("decompressed data", limit)
        }
        output.append(contentsOf: UnsafeRawBufferPointer(start: scratch, count: out.pos))

        // Output short of the buffer means the decoder holds nothing more for this input.
        if input.pos == input.size && out.pos < chunkSize {
          if status == 0 { return }
          throw InputError("zstd data is truncated")
        }
      }
    }
    return output
  }

  /// `bytes` as one zstd frame at `level`.
  public static func compress(_ bytes: [UInt8], level: Int32 = 3) throws -> [UInt8] {
    let capacity = ZSTD_compressBound(bytes.count)
    return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let written = bytes.withUnsafeBytes {
        ZSTD_compress(buffer.baseAddress, capacity, $0.baseAddress, $0.count, level)
      }
      guard ZSTD_isError(written) == 0 else {
        count = 0
        throw InputError("zstd compression failed (\(String(cString: ZSTD_getErrorName(written))))")
      }
      count = written
    }
  }
}
