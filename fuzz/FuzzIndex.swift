import MiniSolveUniverse

/// The path every input claims; only origins and messages use it.
private let inputPath = "/fuzz/Packages"

/// Stanzas put in front of the input so that plain text reaches each text reader: a Debian
/// `Packages` stanza, then an APKINDEX one. Format detection looks at the first bytes.
private let textPrefixes: [[UInt8]] = [
  Array("Package: a\nVersion: 1\nArchitecture: all\n\n".utf8),
  Array("P:a\nV:1-r0\n\n".utf8),
]

/// Feeds one input through the repository index reader (as is, and behind each text prefix),
/// renders and round-trips every set it yields, and runs the constraint and version parsers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))

  for raw in [bytes] + textPrefixes.map({ $0 + bytes }) {
    // A thrown error is a normal outcome for bad input.
    guard let index = try? RepositoryIndex.read(raw, path: inputPath) else { continue }
    for diagnostic in index.diagnostics {
      blackHole(diagnostic.description.utf8.count)
    }
    render(index.packages)
    roundTrip(index.packages, flipping: bytes)
  }

  let text = String(decoding: bytes, as: UTF8.self)
  if let relations = try? Constraint.debianRelations(text) {
    for alternatives in relations { render(alternatives) }
  }
  if let constraint = try? Constraint.apk(text) {
    render([constraint])
  }

  let half = bytes.count / 2
  let left = String(decoding: bytes[..<half], as: UTF8.self)
  let right = String(decoding: bytes[half...], as: UTF8.self)
  blackHole(DebianVersion.compare(left, right))
  blackHole(ApkVersion.compare(left, right))
  for version in [left, right] {
    blackHole(DebianVersion.problem(in: version)?.utf8.count ?? 0)
    blackHole(ApkVersion.problem(in: version)?.utf8.count ?? 0)
  }
  return 0
}

/// Spells out every package of the set with its relations and the places they were read.
private func render(_ set: PackageSet) {
  for id in set.packages.indices {
    let package = set.package(Int32(id))
    blackHole(package.site.utf8.count + package.name.utf8.count + package.version.utf8.count)
    for relation in package.draft.relations {
      blackHole(package.site(of: relation).utf8.count)
      render(relation.alternatives)
    }
  }
}

/// Renders constraints in both schemes' syntax.
private func render(_ constraints: [Constraint]) {
  for constraint in constraints {
    blackHole(constraint.rendered(.debian).utf8.count + constraint.rendered(.apk).utf8.count)
  }
}

/// Serializes the set and loads it back, which must give the same set; then loads the blob with
/// one byte flipped (at a place and by a mask taken from the input), which must not crash.
private func roundTrip(_ set: PackageSet, flipping input: [UInt8]) {
  let blob = set.serialized()
  guard let loaded = blob.withUnsafeBytes({ PackageSet(serialized: $0) }) else {
    fatalError("PackageSet(serialized:) refused the blob serialized() made (\(blob.count) bytes)")
  }
  guard loaded.packages.count == set.packages.count else {
    fatalError(
      "round trip changed the package count: \(set.packages.count) -> \(loaded.packages.count)")
  }
  guard loaded.serialized() == blob else {
    fatalError("a loaded set serializes to other bytes than the blob it was loaded from")
  }
  render(loaded)

  guard !blob.isEmpty else { return }
  var damaged = blob
  var position = 0
  for byte in input.prefix(4).reversed() { position = position << 8 | Int(byte) }
  let mask = input.isEmpty ? 1 : input[input.count / 2] | 1
  damaged[position % damaged.count] ^= mask
  if let reloaded = damaged.withUnsafeBytes({ PackageSet(serialized: $0) }) {
    render(reloaded)
  }
}

/// Keeps the optimiser from dropping work whose result is otherwise unused.
@inline(never)
private func blackHole(_ value: Int) {
  if value == Int.min { print("unreachable") }
}
