import CZlib

/// gzip compression and decompression; the only file that calls zlib.
public enum Zlib {
  /// The bytes of every gzip member in `bytes`, decompressed and joined in order.
  public static func gunzip(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws
    -> [UInt8]
  {
    var output: [UInt8] = []
    output.reserveCapacity(sizeHint(bytes, limit: limit))
    try bytes.withUnsafeBufferPointer { input in
      var offset = 0
      repeat {
        offset += try inflateMember(input, at: offset, into: &output, limit: limit)
      } while try hasAnotherMember(input, at: offset)
    }
    return output
  }

  /// The decompressed bytes of each gzip member in `bytes`, so callers can see member boundaries.
  public static func gunzipMembers(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit)
    throws -> [[UInt8]]
  {
    try members(bytes, limit: limit).map(\.contents)
  }

  /// One gzip member: the bytes it takes in the input and what they decompress to.
  public struct Member: Sendable {
    public var compressed: Range<Int>
    public var contents: [UInt8]
  }

  /// Each gzip member in `bytes` with its place, so callers can hash a member as stored.
  public static func members(_ bytes: [UInt8], limit: Int = Decompression.defaultLimit) throws
    -> [Member]
  {
    var members: [Member] = []
    try bytes.withUnsafeBufferPointer { input in
      var offset = 0
      var total = 0
      repeat {
        var member: [UInt8] = []
        let length = try inflateMember(
          input, at: offset, into: &member, limit: limit, producedBefore: total)
        total += member.count
        members.append(Member(compressed: offset..<(offset + length), contents: member))
        offset += length
      } while try hasAnotherMember(input, at: offset)
    }
    return members
  }

  /// `bytes` as one gzip member whose header has no name, no time and zlib's own OS byte, so
  /// the same bytes and level give the same output with the same zlib.
  public static func gzip(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
    var stream = z_stream()
    // 15 bits of window, plus 16: write the gzip wrapper; memory level 8 is zlib's default.
    let initStatus = deflateInit2_(
      &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
      Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else { throw failure(initStatus, stream) }
    defer { deflateEnd(&stream) }

    let chunkSize = 1 << 18
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { scratch.deallocate() }
    var output: [UInt8] = []
    output.reserveCapacity(Int(deflateBound(&stream, UInt(bytes.count))))
    try bytes.withUnsafeBufferPointer { input in
      var consumed = 0
      while true {
        if stream.avail_in == 0, consumed < input.count, let base = input.baseAddress {
          let step = min(input.count - consumed, Int(UInt32.max))
          stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
          stream.avail_in = UInt32(step)
          consumed += step
        }
        stream.next_out = scratch
        stream.avail_out = UInt32(chunkSize)
        let status = deflate(&stream, consumed == input.count ? Z_FINISH : Z_NO_FLUSH)
        output.append(
          contentsOf: UnsafeBufferPointer(start: scratch, count: chunkSize - Int(stream.avail_out)))
        switch status {
        case Z_STREAM_END: return
        case Z_OK, Z_BUF_ERROR: continue
        default: throw failure(status, stream)
        }
      }
    }
    return output
  }

  /// Inflates the gzip member starting at `offset`, appending to `output`; returns its length.
  private static func inflateMember(
    _ input: UnsafeBufferPointer<UInt8>, at offset: Int, into output: inout [UInt8], limit: Int,
    producedBefore: Int = 0
  ) throws -> Int {
    var stream = z_stream()
    // 15 bits of window, plus 16: accept the gzip wrapper only and check its CRC and size.
    let initStatus = inflateInit2_(
      &stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else { throw failure(initStatus, stream) }
    defer { inflateEnd(&stream) }

    let chunkSize = 1 << 18
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { scratch.deallocate() }

    while true {
      let position = offset + Int(stream.total_in)
      if stream.avail_in == 0, position < input.count, let base = input.baseAddress {
        stream.next_in = UnsafeMutablePointer(mutating: base + position)
        stream.avail_in = UInt32(min(input.count - position, Int(UInt32.max)))
      }
      stream.next_out = scratch
      stream.avail_out = UInt32(chunkSize)

      let status = inflate(&stream, Z_NO_FLUSH)

      let produced = chunkSize - Int(stream.avail_out)
      guard produced <= limit - producedBefore - output.count else {
        throw InputError.sizeLimit("decompressed data", limit)
      }
      output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))

      switch status {
      case Z_STREAM_END: return Int(stream.total_in)
      case Z_OK: continue
      case Z_BUF_ERROR where stream.avail_in == 0: throw InputError("gzip data is truncated")
      default: throw failure(status, stream)
      }
    }
  }

  /// Whether a gzip member starts at `offset`; trailing zero bytes (tape padding) end the data.
  private static func hasAnotherMember(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) throws
    -> Bool
  {
    let rest = input[offset...]
    if rest.first == 0x1f { return true }
    if rest.allSatisfy({ $0 == 0 }) { return false }
    throw InputError("gzip data has \(rest.count) bytes of trailing garbage at byte \(offset)")
  }

  /// The output size the last member's trailer records, bounded by the limit and deflate's ratio.
  private static func sizeHint(_ bytes: [UInt8], limit: Int) -> Int {
    guard bytes.count >= 18 else { return 0 }
    let trailer = bytes[(bytes.count - 4)...]
    let recorded = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
    return min(recorded, limit, bytes.count * 1032)
  }

  /// The error for a zlib status other than success, named as zlib names it.
  private static func failure(_ status: Int32, _ stream: z_stream) -> InputError {
    let detail = stream.msg.map { ": " + String(cString: $0) } ?? ""
    switch status {
    case Z_DATA_ERROR: return InputError("gzip data is corrupt (Z_DATA_ERROR\(detail))")
    case Z_NEED_DICT: return InputError("gzip data is corrupt (Z_NEED_DICT)")
    case Z_MEM_ERROR: return InputError("out of memory decompressing gzip data (Z_MEM_ERROR)")
    case Z_BUF_ERROR: return InputError("gzip data is corrupt (Z_BUF_ERROR)")
    default: return InputError("gzip decompression failed (zlib status \(status)\(detail))")
    }
  }
}
