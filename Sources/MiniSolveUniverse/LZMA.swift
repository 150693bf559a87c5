import CLZMA
import Dispatch
import Synchronization

/// xz compression and decompression; the only file that calls liblzma.
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

  /// Decodes `bytes` on a second thread while `consume` runs on this one, as a pipe from `xz -dc`
  /// would: `consume` gets the output decoded so far, again and again, the last time with
  /// `isComplete` set. Returns false, having called nothing, when the file does not record its
  /// size (the caller then decodes first and reads after).
  public static func unxz(
    _ bytes: [UInt8], limit: Int = Decompression.defaultLimit,
    overlapping consume: (UnsafeBufferPointer<UInt8>, _ isComplete: Bool) throws -> Void
  ) throws -> Bool {
    let size = bytes.withUnsafeBufferPointer { sizeHint($0, limit: limit) }
    guard size > 0, size < limit else { return false }
    let shared = SharedDecode(input: bytes, capacity: size)
    DispatchQueue.global().async { shared.decode() }
    defer {
      // When reading fails early, the decoder stops at its next step rather than at the end.
      shared.cancel()
      shared.waitUntilDone()
    }

    var seen = 0
    while true {
      let (produced, done) = shared.progress()
      if let error = shared.error { throw error }
      if produced > seen || done {
        seen = produced
        try consume(UnsafeBufferPointer(start: shared.output, count: produced), done)
        if done { break }
      } else {
        shared.waitForMore()
      }
    }
    return true
  }

  /// `bytes` as one xz stream (CRC-64 check) at `preset`, as `xz -6` writes it.
  public static func xz(_ bytes: [UInt8], preset: UInt32 = 6) throws -> [UInt8] {
    let capacity = lzma_stream_buffer_bound(bytes.count)
    return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      var written = 0
      let status = bytes.withUnsafeBufferPointer { input in
        lzma_easy_buffer_encode(
          preset, LZMA_CHECK_CRC64, nil, input.baseAddress, input.count, buffer.baseAddress,
          &written, capacity)
      }
      count = written
      guard status == LZMA_OK else { throw failure(status) }
    }
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

  /// The uncompressed size the streams' indexes record, walking from the last stream back to
  /// the first, bounded by the limit; 0 when any of it cannot be read.
  private static func sizeHint(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    guard let base = input.baseAddress else { return 0 }
    var end = input.count
    var total: UInt64 = 0
    while end > 0 {
      // Stream padding is zero bytes in groups of four after each footer.
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
      total += lzma_index_uncompressed_size(index)
      let streamSize = lzma_index_stream_size(index)
      lzma_index_end(index, nil)
      guard streamSize > 0, streamSize <= UInt64(end) else { return 0 }
      end -= Int(streamSize)
    }
    return Int(min(total, UInt64(limit)))
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

/// The state two threads share while one decodes and the other reads: an output buffer of the
/// recorded size, written only by the decoder, and how much of it is ready.
private final class SharedDecode: @unchecked Sendable {
  let input: [UInt8]
  let capacity: Int
  let output: UnsafeMutablePointer<UInt8>
  private let produced = Atomic<Int>(0)
  private let done = Atomic<Bool>(false)
  private let cancelled = Atomic<Bool>(false)
  private let failure = Mutex<InputError?>(nil)
  private let ready = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)

  init(input: [UInt8], capacity: Int) {
    self.input = input
    self.capacity = capacity
    output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  }

  deinit {
    output.deallocate()
  }

  var error: InputError? { failure.withLock { $0 } }

  func progress() -> (produced: Int, done: Bool) {
    // Read `done` first: once it is set, `produced` is final.
    let isDone = done.load(ordering: .acquiring)
    return (produced.load(ordering: .acquiring), isDone)
  }

  func waitForMore() { ready.wait() }

  func cancel() { cancelled.store(true, ordering: .releasing) }

  func waitUntilDone() {
    finished.wait()
    finished.signal()
  }

  /// Runs on the decoding thread: 1 MiB at a time, publishing each step.
  func decode() {
    defer {
      done.store(true, ordering: .releasing)
      ready.signal()
      finished.signal()
    }
    var stream = lzma_stream()
    let status = lzma_stream_decoder(&stream, LZMA.decoderMemoryLimit, 0x08)
    guard status == LZMA_OK else {
      failure.withLock {
        $0 = InputError("xz decompression failed (liblzma status \(status.rawValue))")
      }
      return
    }
    defer { lzma_end(&stream) }
    input.withUnsafeBufferPointer { source in
      stream.next_in = source.baseAddress
      stream.avail_in = source.count
      var total = 0
      while !cancelled.load(ordering: .acquiring) {
        let step = min(1 << 20, capacity - total)
        stream.next_out = output + total
        stream.avail_out = step
        let code = step > 0 ? lzma_code(&stream, LZMA_FINISH) : LZMA_BUF_ERROR
        total += step - stream.avail_out
        produced.store(total, ordering: .releasing)
        ready.signal()
        if code == LZMA_STREAM_END { return }
        if code != LZMA_OK {
          let message =
            step == 0
            ? "xz data is larger than its index records"
            : code == LZMA_BUF_ERROR
              ? "xz data is truncated" : "xz data is corrupt (liblzma status \(code.rawValue))"
          failure.withLock { $0 = InputError(message) }
          return
        }
      }
    }
  }
}
