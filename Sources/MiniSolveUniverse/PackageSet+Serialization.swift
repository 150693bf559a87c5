import Glibc

/// A package set as bytes, for the index cache: a header naming the format and the record
/// layouts, then each flat array as a count and its raw contents. Loading is a copy per array
/// plus a check that every id is in range, so a damaged blob is refused, never trusted.
extension PackageSet {
  /// Bumped whenever the records change; a blob of another format is not read.
  public static let serializationFormat: UInt32 = 4

  private static var layoutSignature: [UInt32] {
    [
      UInt32(MemoryLayout<PackageRecord>.stride), UInt32(MemoryLayout<RelationGroup>.stride),
      UInt32(MemoryLayout<ConstraintRecord>.stride),
    ]
  }

  /// The set as bytes.
  public func serialized() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(
      strings.bytes.count + packages.count * MemoryLayout<PackageRecord>.stride
        + alternatives.count * MemoryLayout<ConstraintRecord>.stride + 1024)
    Self.append([Self.serializationFormat] + Self.layoutSignature, to: &out)
    Self.append(strings.bytes, to: &out)
    Self.append(strings.starts, to: &out)
    Self.append(strings.slots, to: &out)
    Self.append(packages, to: &out)
    Self.append(groups, to: &out)
    Self.append(alternatives, to: &out)
    Self.append(nameStarts, to: &out)
    Self.append(nameMembers, to: &out)
    Self.append(providerStarts, to: &out)
    Self.append(providerMembers, to: &out)
    return out
  }

  /// Reads a set from bytes made by `serialized()`; nil when they are of another format or
  /// damaged.
  public init?(serialized bytes: UnsafeRawBufferPointer) {
    self.init(size: bytes.count) { offset, target in
      guard offset >= 0, offset + target.count <= bytes.count else { return false }
      if let source = bytes.baseAddress, let destination = target.baseAddress, target.count > 0 {
        memcpy(destination, source + offset, target.count)
      }
      return true
    }
  }

  /// Reads a set of `size` serialized bytes through `read(offset, into)`, which fills the
  /// buffer from that offset (false when it cannot): each array is read straight into its
  /// storage, with no copy of the whole blob in between.
  public init?(size: Int, read: (_ offset: Int, _ into: UnsafeMutableRawBufferPointer) -> Bool) {
    var reader = BlobReader(size: size)
    guard let header: [UInt32] = reader.array(read),
      header == [Self.serializationFormat] + Self.layoutSignature,
      let stringBytes: [UInt8] = reader.array(read), let starts: [Int32] = reader.array(read),
      let slots: [Int32] = reader.array(read),
      let packages: [PackageRecord] = reader.array(read),
      let groups: [RelationGroup] = reader.array(read),
      let alternatives: [ConstraintRecord] = reader.array(read),
      let nameStarts: [Int32] = reader.array(read),
      let nameMembers: [Int32] = reader.array(read),
      let providerStarts: [Int32] = reader.array(read),
      let providerMembers: [Int32] = reader.array(read), reader.isAtEnd
    else { return nil }

    self.init()
    strings = StringTable(bytes: stringBytes, starts: starts, slots: slots)
    self.packages = packages
    self.groups = groups
    self.alternatives = alternatives
    self.nameStarts = nameStarts
    self.nameMembers = nameMembers
    self.providerStarts = providerStarts
    self.providerMembers = providerMembers
    guard isConsistent() else { return nil }
  }

  private static func append<Element>(_ array: [Element], to out: inout [UInt8]) {
    var count = UInt64(array.count)
    withUnsafeBytes(of: &count) { out.append(contentsOf: $0) }
    array.withUnsafeBytes { out.append(contentsOf: $0) }
  }

  /// Whether every id and range points inside its array and every enum byte is a known case.
  private func isConsistent() -> Bool {
    let stringCount = Int32(strings.count)
    guard strings.isConsistent else { return false }
    func isString(_ id: Int32, optional: Bool = false) -> Bool {
      (optional && id == -1) || (id >= 0 && id < stringCount)
    }
    guard
      Self.bytes(of: packages, at: \.scheme, atMost: VersionScheme.debian.rawValue),
      Self.bytes(of: packages, at: \.kind, atMost: PackageKind.source.rawValue),
      Self.bytes(of: packages, at: \.essential, atMost: 1),
      Self.bytes(of: packages, at: \.multiArch, atMost: MultiArch.allowed.rawValue),
      Self.bytes(of: groups, at: \.kind, atMost: RelationKind.allCases.count - 1),
      Self.bytes(of: alternatives, at: \.relation, atMost: VersionRelation.prefix.rawValue),
      Self.bytes(of: alternatives, at: \.isConflict, atMost: 1)
    else { return false }
    for record in packages {
      guard isString(record.name), isString(record.version), isString(record.architecture),
        isString(record.file), isString(record.source, optional: true),
        isString(record.checksum, optional: true), isString(record.location, optional: true),
        isString(record.license, optional: true),
        record.firstGroup >= 0, record.groupCount >= 0,
        Int(record.firstGroup) + Int(record.groupCount) <= groups.count
      else { return false }
    }
    for group in groups {
      guard group.firstAlternative >= 0, group.alternativeCount >= 0,
        Int(group.firstAlternative) + Int(group.alternativeCount) <= alternatives.count
      else { return false }
    }
    for alternative in alternatives {
      guard isString(alternative.name), isString(alternative.version, optional: true),
        isString(alternative.tag, optional: true),
        isString(alternative.restrictions, optional: true),
        isString(alternative.file, optional: true)
      else { return false }
    }
    return Self.isIndex(nameStarts, nameMembers, keys: strings.count, values: packages.count)
      && Self.isIndex(providerStarts, providerMembers, keys: strings.count, values: packages.count)
  }

  /// Whether the one-byte field at `field` holds at most `limit` in every record, read as a raw
  /// byte so that a damaged enum or Bool is caught before Swift ever reads it as one.
  private static func bytes<Record, Field>(
    of records: [Record], at field: KeyPath<Record, Field>, atMost limit: some BinaryInteger
  ) -> Bool {
    guard MemoryLayout<Field>.size == 1, let offset = MemoryLayout<Record>.offset(of: field)
    else { return false }
    let stride = MemoryLayout<Record>.stride
    return records.withUnsafeBytes { raw in
      var index = offset
      while index < raw.count {
        if raw[index] > limit { return false }
        index += stride
      }
      return true
    }
  }

  private static func isIndex(_ starts: [Int32], _ members: [Int32], keys: Int, values: Int)
    -> Bool
  {
    guard starts.count == keys + 1, starts.first == 0, starts.last == Int32(members.count)
    else { return false }
    for index in 0..<keys where starts[index] > starts[index + 1] { return false }
    return !members.contains { $0 < 0 || Int($0) >= values }
  }
}

/// Reads the arrays of a serialized package set one after another.
private struct BlobReader {
  let size: Int
  var offset = 0

  var isAtEnd: Bool { offset == size }

  /// Asks the kernel to back the 2 MiB-aligned part of a large, fresh buffer with huge pages
  /// (transparent huge pages in `madvise` mode, Debian's default): filling 40 MB otherwise
  /// takes ten thousand page faults, most of a warm load's time. Only advice; no effect elsewhere.
  // TODO(perf): some loads take about 30 ms more CPU time than the rest (docs/LIMITATIONS.md),
  // perhaps the kernel compacting memory for these pages; not measured yet.
  static func preferHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    let huge = 2 << 20
    guard buffer.count >= 2 * huge, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(aligned, end - start, MADV_HUGEPAGE)
  }

  /// The next array, or nil when the bytes run out, hold an impossible count, or cannot be read.
  mutating func array<Element: BitwiseCopyable>(
    _ read: (Int, UnsafeMutableRawBufferPointer) -> Bool
  ) -> [Element]? {
    guard offset + 8 <= size else { return nil }
    var count: UInt64 = 0
    guard withUnsafeMutableBytes(of: &count, { read(offset, $0) }) else { return nil }
    offset += 8
    let stride = MemoryLayout<Element>.stride
    guard count <= UInt64((size - offset) / max(stride, 1)) else { return nil }
    let byteCount = Int(count) * stride
    var complete = true
    let array = [Element](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
      Self.preferHugePages(UnsafeMutableRawBufferPointer(buffer))
      complete = read(offset, UnsafeMutableRawBufferPointer(buffer))
      initialized = Int(count)
    }
    offset += byteCount
    return complete ? array : nil
  }
}
