import Testing

@testable import MiniSolveAssemble

@Suite struct RootTreeTests {
  private func package(_ name: String, _ entries: [TreeEntry]) -> RootTree.Package {
    RootTree.Package(name: name, contents: PackageContents(file: "\(name).deb", entries: entries))
  }

  private let never: (Int, Int) -> Bool = { _, _ in false }

  @Test func foldersMayBeSharedAndTheFirstStays() throws {
    var tree = try RootTree(
      merging: [
        package("a", [.directory("etc", mode: 0o755), .file("etc/a.conf", [1])]),
        package("b", [.directory("etc", mode: 0o700), .file("etc/b.conf", [2])]),
      ], replaces: never)
    let entries = try tree.finished { _ in "" }.sorted { $0.path < $1.path }

    #expect(entries.map(\.path) == ["etc", "etc/a.conf", "etc/b.conf"])
    #expect(entries[0].mode == 0o755)
  }

  @Test func aPathInTwoPackagesIsAConflict() {
    #expect(
      throws: AssembleError(
        "2 file conflicts:\n  'usr/bin/sh' is in both bash 5 and dash 0.5, and neither "
          + "replaces the other\n  'usr/bin/x' is in both bash 5 and dash 0.5, and neither "
          + "replaces the other")
    ) {
      try RootTree(
        merging: [
          package("bash 5", [.file("usr/bin/sh", [1]), .file("usr/bin/x", [])]),
          package("dash 0.5", [.file("usr/bin/x", []), .file("usr/bin/sh", [2])]),
        ], replaces: never)
    }
  }

  @Test(arguments: [(1, 0), (0, 1)])
  func theReplacingPackageWinsInEitherOrder(_ replacing: Int, _ replaced: Int) throws {
    var tree = try RootTree(
      merging: [
        package("old", [.file("bin/tool", [1])]), package("new", [.file("bin/tool", [2])]),
      ],
      replaces: { $0 == replacing && $1 == replaced })
    let tool = try tree.finished { _ in "" }.first { $0.path == "bin/tool" }

    #expect(tool?.contents == [replacing == 1 ? 2 : 1])
  }

  @Test func missingFoldersAreMade() throws {
    var tree = try RootTree(merging: [package("a", [.file("usr/lib/x/y", [])])], replaces: never)
    let entries = try tree.finished { _ in "" }.sorted { $0.path < $1.path }

    #expect(entries.map(\.path) == ["usr", "usr/lib", "usr/lib/x", "usr/lib/x/y"])
    #expect(entries.prefix(3).allSatisfy { $0.kind == .directory && $0.mode == 0o755 })
  }

  @Test func pathsBelowLinksAndDanglingHardLinksAreRefused() throws {
    var tree = try RootTree(
      merging: [
        package(
          "usrmerge", [TreeEntry(path: "lib", kind: .symlink, mode: 0o777, linkTarget: "usr/lib")]),
        package("libc", [.directory("lib"), .file("lib/libc.so.6", [])]),
        package("x", [TreeEntry(path: "h", kind: .hardlink, mode: 0o644, linkTarget: "lib")]),
      ], replaces: { $0 == 0 && $1 == 1 })
    #expect(
      throws: AssembleError(
        "the image's files do not fit together:\n  'lib/libc.so.6' of libc is below 'lib', which "
          + "usrmerge makes a symlink rather than a folder\n  hard link 'h' of x names 'lib', "
          + "which is not a file")
    ) {
      try tree.finished { owner in
        if case .package(let index) = owner { return ["usrmerge", "libc", "x"][index] }
        return "settings"
      }
    }
  }
}
