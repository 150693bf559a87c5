import Foundation
import MiniSolveUniverse
import Testing

@testable import MiniSolveIndex

/// `--repo apt`: the lists apt keeps, LZ4-compressed, chosen for the architecture.
@Suite struct AptListsTests {
  @Test func theListsOfTheArchitectureAndOfAllAreReadFromLZ4() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-apt-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let amd64 = "Package: nginx\nVersion: 1.22.1-9\nArchitecture: amd64\nDepends: nginx-common\n\n"
    let all = "Package: nginx-common\nVersion: 1.22.1-9\nArchitecture: all\n\n"
    let lists = [
      "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4": amd64,
      "deb.debian.org_debian_dists_bookworm_main_binary-all_Packages.lz4": all,
      "deb.debian.org_debian_dists_bookworm_main_binary-arm64_Packages.lz4": amd64,
      "deb.debian.org_debian_dists_bookworm_InRelease": "not a list\n",
    ]
    for (name, text) in lists {
      let bytes = name.hasSuffix(".lz4") ? try LZ4.compress(Array(text.utf8)) : Array(text.utf8)
      try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    let files = AptLists.files(architecture: "amd64", in: folder)
    #expect(
      files.map { ($0 as NSString).lastPathComponent } == [
        "deb.debian.org_debian_dists_bookworm_main_binary-all_Packages.lz4",
        "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
      ])
    let read = try files.map { try RepositoryIndex.read(path: $0) }
    #expect(read.map { $0.packages.packages.count } == [1, 1])
    #expect(Compression.detect(try LZ4.compress([1, 2, 3])) == .lz4)
  }
}
