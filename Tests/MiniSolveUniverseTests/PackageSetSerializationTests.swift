import Testing

@testable import MiniSolveUniverse

@Suite struct PackageSetSerializationTests {
  static func sample() throws -> PackageSet {
    try RepositoryIndex.read(Array(DebianIndexReaderTests.packages.utf8), path: "Packages")
      .packages
  }

  @Test func roundTripsEveryPackageAndIndex() throws {
    let set = try Self.sample()
    let bytes = set.serialized()
    let loaded = try #require(bytes.withUnsafeBytes { PackageSet(serialized: $0) })
    #expect(loaded.packages.count == set.packages.count)
    for id in set.packages.indices.map(Int32.init) {
      let before = set.package(id)
      let after = loaded.package(id)
      #expect(before.name == after.name && before.version == after.version)
      #expect(before.site == after.site)
      #expect(rendered(before) == rendered(after))
    }
    #expect(Array(loaded.providers(of: "default-mta")) == Array(set.providers(of: "default-mta")))
    #expect(Array(loaded.packages(named: "late")) == Array(set.packages(named: "late")))
  }

  private func rendered(_ package: Package) -> [[String]] {
    package.draft.relations.map { relation in
      relation.alternatives.map { $0.rendered(.debian) }
    }
  }

  @Test func refusesTruncatedBytes() throws {
    let bytes = try Self.sample().serialized()
    for cut in [0, 4, 8, 100, bytes.count / 2, bytes.count - 1] {
      let loaded = Array(bytes.prefix(cut)).withUnsafeBytes { PackageSet(serialized: $0) }
      #expect(loaded == nil, "cut at \(cut)")
    }
  }

  @Test func neverTrustsDamagedBytes() throws {
    let set = try Self.sample()
    let bytes = set.serialized()
    // Every single-byte change either is refused or loads a set whose strings all read back.
    var refused = 0
    for offset in stride(from: 0, to: bytes.count, by: 3) {
      var damaged = bytes
      damaged[offset] ^= 0xA5
      guard let loaded = damaged.withUnsafeBytes({ PackageSet(serialized: $0) }) else {
        refused += 1
        continue
      }
      for id in loaded.packages.indices.map(Int32.init) { _ = loaded.package(id) }
    }
    #expect(refused > 0)
  }

  @Test func refusesAnotherFormat() throws {
    var bytes = try Self.sample().serialized()
    bytes[8] &+= 1
    #expect(bytes.withUnsafeBytes { PackageSet(serialized: $0) } == nil)
  }
}
