import Glibc

/// Every distinct string of a package set (names, versions, paths) stored once and named by an
/// `Int32` id, with an open-addressing hash so lookups need no Swift dictionary; all of it is flat
/// arrays, so a cached table loads with a copy.
public struct StringTable: Sendable {
  /// The strings' UTF-8 bytes, back to back.
  private(set) var bytes: [UInt8] = []
  /// Where string `i` starts in `bytes`; one more entry than there are strings.
  private(set) var starts: [Int32] = [0]
  /// Slots of `id + 1`, zero when empty; the count is a power of two.
  private(set) var slots: [Int32] = Array(repeating: 0, count: 1024)

  public init() {}

  init(bytes: [UInt8], starts: [Int32], slots: [Int32]) {
    self.bytes = bytes
    self.starts = starts
    self.slots = slots
  }

  /// How many strings the table holds.
  public var count: Int { starts.count - 1 }

  /// The string with the given id.
  public subscript(id: Int32) -> String {
    let start = Int(starts[Int(id)])
    let end = Int(starts[Int(id) + 1])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
  }

  /// The id of `text`, or nil when the table does not hold it.
  public func id(of text: String) -> Int32? {
    var text = text
    return text.withUTF8 { lookup($0).found }
  }

  /// The id of `text`, adding it when new.
  public mutating func intern(_ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { intern($0) }
  }

  /// The id of the given UTF-8 bytes, adding them when new.
  public mutating func intern(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
    let (found, slot) = lookup(utf8)
    if let found { return found }

    let id = Int32(count)
    bytes.append(contentsOf: utf8)
    starts.append(Int32(bytes.count))
    slots[slot] = id + 1
    if count * 2 > slots.count { grow() }
    return id
  }

  /// The id of the bytes (if present) and the slot where they are or would go.
  private func lookup(_ utf8: UnsafeBufferPointer<UInt8>) -> (found: Int32?, slot: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(utf8)) & mask
    return bytes.withUnsafeBufferPointer { stored in
      while true {
        let entry = slots[slot]
        if entry == 0 { return (nil, slot) }
        let id = Int(entry - 1)
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        if end - start == utf8.count
          && memoryEqual(stored.baseAddress.map { $0 + start }, utf8.baseAddress, utf8.count)
        {
          return (Int32(id), slot)
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    var grown = [Int32](repeating: 0, count: size)
    bytes.withUnsafeBufferPointer { stored in
      for id in 0..<count {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        var slot =
          Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: stored[start..<end])))
          & (size - 1)
        while grown[slot] != 0 { slot = (slot + 1) & (size - 1) }
        grown[slot] = Int32(id + 1)
      }
    }
    slots = grown
  }

  /// Whether the arrays fit together: offsets ascend within the bytes, the slot count is a power
  /// of two with room to spare, and each string sits in exactly one slot.
  var isConsistent: Bool {
    guard starts.first == 0, starts.last == Int32(bytes.count) else { return false }
    guard slots.count.nonzeroBitCount == 1, slots.count > count else { return false }
    // Raw pointers: this runs on every warm load, over every string and slot.
    let ascending = starts.withUnsafeBufferPointer { starts in
      for index in 0..<(starts.count - 1) where starts[index] > starts[index + 1] { return false }
      return true
    }
    guard ascending else { return false }
    var seen = [UInt8](repeating: 0, count: count)
    var filled = 0
    let unique = seen.withUnsafeMutableBufferPointer { seen in
      slots.withUnsafeBufferPointer { slots in
        for entry in slots where entry != 0 {
          guard entry > 0, Int(entry) <= count, seen[Int(entry - 1)] == 0 else { return false }
          seen[Int(entry - 1)] = 1
          filled += 1
        }
        return true
      }
    }
    return unique && filled == count
  }

  /// FNV-1a: stable across processes, unlike Swift's seeded `Hasher`, so it can be cached.
  static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash ^ (hash >> 29)
  }
}

/// Whether `count` bytes at the two addresses are equal; a nil address only for a zero count.
private func memoryEqual(
  _ lhs: UnsafePointer<UInt8>?, _ rhs: UnsafePointer<UInt8>?, _ count: Int
) -> Bool {
  guard count > 0 else { return true }
  guard let lhs, let rhs else { return false }
  return memcmp(lhs, rhs, count) == 0
}
