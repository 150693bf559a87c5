/// Relations written as text straight from a set's records, byte by byte: the same text
/// `Constraint.rendered` gives, without building a `Constraint` per alternative. Used for the
/// index's queryable rows, where it is most of the cost of writing them.
extension PackageSet {
  /// Every relation group of `kind` of a package: groups joined by `, `, alternatives by ` | `;
  /// nil when the package has none.
  public func relationText(of package: Int32, kind: RelationKind) -> String? {
    let scheme = packages[Int(package)].scheme
    var bytes: [UInt8] = []
    for group in groups(of: package) where group.kind == kind {
      if !bytes.isEmpty { bytes += [0x2C, 0x20] }
      for (index, alternative) in alternatives(of: group).enumerated() {
        if index > 0 { bytes += [0x20, 0x7C, 0x20] }
        append(alternative, scheme: scheme, to: &bytes)
      }
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  private func append(_ record: ConstraintRecord, scheme: VersionScheme, to bytes: inout [UInt8]) {
    if record.isConflict { bytes.append(UInt8(ascii: "!")) }
    append(string: record.name, to: &bytes)
    switch scheme {
    case .apk:
      if record.tag >= 0 {
        bytes.append(UInt8(ascii: "@"))
        append(string: record.tag, to: &bytes)
      }
      if record.relation != .any {
        bytes += Array(Constraint.apkSpelling(record.relation).utf8)
        append(string: record.version, to: &bytes)
      }
    case .debian:
      if record.tag >= 0 {
        bytes.append(UInt8(ascii: ":"))
        append(string: record.tag, to: &bytes)
      }
      if record.relation != .any {
        bytes += Array(" (\(Constraint.debianSpelling(record.relation)) ".utf8)
        append(string: record.version, to: &bytes)
        bytes.append(UInt8(ascii: ")"))
      }
      if record.restrictions >= 0 {
        bytes.append(UInt8(ascii: " "))
        append(string: record.restrictions, to: &bytes)
      }
    }
  }

  private func append(string id: Int32, to bytes: inout [UInt8]) {
    let start = Int(strings.starts[Int(id)])
    let end = Int(strings.starts[Int(id) + 1])
    bytes.append(contentsOf: strings.bytes[start..<end])
  }
}
