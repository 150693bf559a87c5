import CLZMA

/// xz decompression; the only file that calls liblzma.
public enum LZMA {
  /// The most memory the decoder may use for its dictionary and state (xz's own default is none).
  public static let decoderMemoryLimit: UInt64 = 1 << 30

  /// The bytes of every xz stream in `bytes`, decompressed and joined in order.
  public static func unxz(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws
    -> [UInt8]
  {
    var stream = lzma_stream()
    let initStatus = lzma_stream_decoder(&stream, decoderMemoryLimit, concatenated)
    guard initStatus == LZMA_OK else { throw failure(initStatus) }
    defer { lzma_end(&stream) }

    var output: [UInt8] = []
    try bytes.withUnsafeBufferPointer { input in
      stream.next_in = input.baseAddress
      stream.avail_in = input.count

      // Decode straight into an array of the size the index records, then go on in chunks.
      var finished = false
      output = try [UInt8](unsafeUninitializedCapacity: sizeHint(input, limit: limit)) {
        buffer, count in
        (count, finished) = try code(&stream, into: buffer)
      }
      if finished { return }

      let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 18)
      defer { scratch.deallocate() }
      while !finished {
        let produced: Int
        (produced, finished) = try code(&stream, into: scratch)
        guard produced <= limit - output.count else {
          throw InputError.sizeLimit("decompressed data", limit)
        }
        output.append(contentsOf: scratch[..<produced])
      }
    }
    return output
  }

  /// Decodes until `buffer` is full or the last stream ends; returns bytes made and whether it did.
  private static func code(
    _ stream: inout lzma_stream, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) throws -> (produced: Int, finished: Bool) {
    stream.next_out = buffer.baseAddress
    stream.avail_out = buffer.count
    while stream.avail_out > 0 {
      // All input is present from the start, so every call may finish the last stream.
      let status = lzma_code(&stream, LZMA_FINISH)
      switch status {
      case LZMA_STREAM_END: return (buffer.count - stream.avail_out, true)
      case LZMA_OK: continue
      default: throw failure(status)
      }
    }
    return (buffer.count, false)
  }

  /// `LZMA_CONCATENATED`: decode streams one after another, as `xz -d` does.
  private static let concatenated: UInt32 = 0x08

  /// The uncompressed size the last stream's index records, bounded by the limit; 0 if unreadable.
  private static func sizeHint(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard let base = input.baseAddress else { return 0 }

    // Stream padding is zero bytes in groups of four after the footer.
    var end = input.count
    while end >= 4, input[(end - 4)..<end].allSatisfy({ $0 == 0 }) { end -= 4 }

    let footerSize = 12
    guard end >= 2 * footerSize else { return 0 }
    var flags = lzma_stream_flags()
    guard lzma_stream_footer_decode(&flags, base + end - footerSize) == LZMA_OK,
      flags.backward_size <= UInt64(end - 2 * footerSize)
    else { return 0 }

    let indexSize = Int(flags.backward_size)
    var index: OpaquePointer?
    var memoryLimit = decoderMemoryLimit
    var position = 0
    let start = base + end - footerSize - indexSize
    let status = lzma_index_buffer_decode(
      &index, &memoryLimit, nil, start, &position, indexSize)
    guard status == LZMA_OK, let index else { return 0 }
    defer { lzma_index_end(index, nil) }
    return Int(min(lzma_index_uncompressed_size(index), UInt64(limit)))
  }

  /// The error for a liblzma status other than success, named as liblzma names it.
  private static func failure(_ status: lzma_ret) -> InputError {
    switch status {
    case LZMA_BUF_ERROR: InputError("xz data is truncated")
    case LZMA_DATA_ERROR: InputError("xz data is corrupt (LZMA_DATA_ERROR)")
    case LZMA_FORMAT_ERROR: InputError("xz data is not in the xz format (LZMA_FORMAT_ERROR)")
    case LZMA_OPTIONS_ERROR: InputError("xz data uses unsupported options (LZMA_OPTIONS_ERROR)")
    case LZMA_MEMLIMIT_ERROR:
      InputError(
        "xz data needs more than \(InputError.byteCount(Int(decoderMemoryLimit))) of memory"
          + " to decompress (LZMA_MEMLIMIT_ERROR)")
    case LZMA_MEM_ERROR: InputError("out of memory decompressing xz data (LZMA_MEM_ERROR)")
    default: InputError("xz decompression failed (liblzma status \(status.rawValue))")
    }
  }
}
