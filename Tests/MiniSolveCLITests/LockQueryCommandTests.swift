import Foundation
import Testing

@testable import MiniSolveCLI

/// A tiny project, written for each test: image `web` (app, which needs zlib, which needs
/// libc), recipe `app`, a hand-written APKINDEX; dev adds busybox.
private final class Project {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-lockcli-\(UUID().uuidString)").path
    try write(
      "minisolve.yaml",
      "repositories: [repo/APKINDEX]\narchs: [x86_64]\ndev:\n  packages: [busybox]\n")
    try write("images/web.yaml", "contents:\n  packages:\n    - app\n")
    try write(
      "recipes/app.yaml",
      """
      package:
        name: app
        version: "1.0"
        epoch: 0
        description: an app
        copyright:
          - license: MIT
        dependencies:
          runtime:
            - so:libz.so.1
      environment:
        contents:
          packages:
            - make
      pipeline:
        - runs: echo build

      """)
    try write(
      "repo/APKINDEX",
      """
      C:Q1aaa=
      P:libc
      V:2.42-r0
      A:x86_64
      L:LGPL-2.1-or-later
      p:so:libc.so.6=6

      C:Q1bbb=
      P:zlib
      V:1.3.1-r0
      A:x86_64
      L:Zlib
      D:so:libc.so.6
      p:so:libz.so.1=1.3.1

      C:Q1ccc=
      P:busybox
      V:1.37.0-r0
      A:x86_64
      L:GPL-2.0-only
      D:so:libc.so.6

      C:Q1ddd=
      P:make
      V:4.4.1-r0
      A:x86_64
      D:so:libc.so.6

      """)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  func write(_ name: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path + "/" + name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Locks the project; the lock's path.
  @discardableResult
  func lock() -> String {
    let result = minisolve("lock", "--project", path, "--no-index")
    #expect(result.code == 0, "\(result.err)")
    return path + "/minisolve.lock"
  }

  func run(_ arguments: String...) -> (code: Int32, out: String, err: String) {
    minisolve(arguments: arguments + ["--project", path])
  }
}

@Suite struct LockQueryCommandTests {
  @Test func whyPrintsTheChainWithDeclarationSites() throws {
    let project = try Project()
    project.lock()
    let result = project.run("why", "libc", "--image", "web")
    #expect(result.code == 0, "\(result.err)")
    #expect(
      result.out == """
        app (root, images/web.yaml:3:7)
        zlib  <- app needs so:libz.so.1 (recipes/app.yaml:10:9)
        libc  <- zlib needs so:libc.so.6 (repo/APKINDEX:13:3)

        """)
    let dev = project.run("why", "busybox", "--image", "web", "--variant", "dev")
    #expect(dev.out == "busybox (root, minisolve.yaml:4:14)\n")
    let build = project.run("why", "make", "--build", "app", "--format", "json")
    #expect(build.code == 0)
    #expect(build.out.contains("\"recipe\": \"app\""))
    #expect(build.out.contains("\"declared_at\": \"recipes/app.yaml:14:9\""))
  }

  @Test func whyFailsClearly() throws {
    let project = try Project()
    let missing = project.run("why", "libc", "--image", "web")
    #expect(missing.code == 1)
    #expect(missing.err == "error: no lock at minisolve.lock; run minisolve lock\n")
    project.lock()
    let unknown = project.run("why", "zlb", "--image", "web")
    #expect(unknown.code == 1)
    #expect(
      unknown.err == "error: image web (prod, x86_64): no package 'zlb'; did you mean 'zlib'?\n")
    let elsewhere = project.run("why", "busybox", "--image", "web")
    #expect(elsewhere.code == 1)
    #expect(
      elsewhere.err
        == "error: image web (prod, x86_64): no package 'busybox' (there are: app, libc, zlib); "
        + "it is in image web (dev, x86_64)\n")
    let image = project.run("why", "libc", "--image", "wbe")
    #expect(image.code == 1)
    #expect(image.err == "error: no image 'wbe'; did you mean 'web'?\n")
    let variant = project.run("why", "libc", "--image", "web", "--variant", "devel")
    #expect(variant.code == 64)
    #expect(variant.err.hasPrefix("error: unknown --variant 'devel'; did you mean 'dev'?\n"))
    let noImage = project.run("why", "libc")
    #expect(noImage.code == 64)
    #expect(noImage.err.hasPrefix("error: name an image with --image (the lock has: web)\n"))
    try project.write("minisolve.lock", "{\"lock_version\": 1\n")
    let malformed = project.run("why", "libc", "--image", "web")
    #expect(malformed.code == 1)
    #expect(malformed.err.hasPrefix("error: \(project.path)/minisolve.lock:2:1: "))
  }

  @Test func graphPrintsTheClosureAsDOT() throws {
    let project = try Project()
    project.lock()
    let result = project.run("graph", "--image", "web", "--format", "dot")
    #expect(result.code == 0, "\(result.err)")
    #expect(
      result.out == """
        digraph "image web (prod, x86_64)" {
          rankdir=LR;
          node [shape=box];
          "image:web" [label="web\\nimage, prod, x86_64", shape=folder];
          "app" [label="app\\n1.0-r0"];
          "libc" [label="libc\\n2.42-r0"];
          "zlib" [label="zlib\\n1.3.1-r0"];
          "image:web" -> "app" [label="app"];
          "app" -> "zlib" [label="so:libz.so.1"];
          "zlib" -> "libc" [label="so:libc.so.6"];
        }

        """)
    let rooted = project.run("graph", "zlib", "--image", "web", "--format", "mermaid")
    #expect(
      rooted.out == """
        ---
        title: image web (prod, x86_64)
        ---
        flowchart LR
          n0["libc<br>2.42-r0"]
          n1["zlib<br>1.3.1-r0"]
          n1 -->|"so:libc.so.6"| n0

        """)
    let noFormat = project.run("graph", "--image", "web")
    #expect(noFormat.code == 64)
    #expect(noFormat.err.hasPrefix("error: --format is required: dot or mermaid\n"))
  }

  @Test func sbomIsTheSameForTheSameLockUnlessDated() throws {
    let project = try Project()
    project.lock()
    for format in ["spdx-json", "cyclonedx-json"] {
      let first = project.run("sbom", "web", "--format", format)
      #expect(first.code == 0, "\(first.err)")
      #expect(first.out == project.run("sbom", "web", "--format", format).out)
      #expect(first.out.contains("pkg:apk/zlib@1.3.1-r0?arch=x86_64"))
      let dated = project.run("sbom", "web", "--format", format, "--timestamp")
      #expect(dated.code == 0)
      #expect(dated.out != first.out)
    }
    let spdx = project.run("sbom", "web", "--format", "spdx-json").out
    #expect(spdx.contains("\"created\": \"1970-01-01T00:00:00Z\""))
    #expect(spdx.contains("\"licenseDeclared\": \"LGPL-2.1-or-later\""))
    let bad = project.run("sbom", "web", "--format", "spdx")
    #expect(bad.code == 64)
    #expect(bad.err.hasPrefix("error: unknown --format 'spdx'; did you mean 'spdx-json'?\n"))
  }

  @Test func diffShowsWhatChangedAndExitsOneWhenLocksDiffer() throws {
    let project = try Project()
    let path = project.lock()
    let old = project.path + "/old.lock"
    try FileManager.default.copyItem(atPath: path, toPath: old)
    let same = minisolve("diff", old, path)
    #expect(same.code == 0)
    #expect(same.out == "")

    try project.write("images/web.yaml", "contents:\n  packages:\n    - app\n    - busybox\n")
    project.lock()
    let changed = minisolve("diff", old, path)
    #expect(changed.code == 1)
    #expect(
      changed.out == """
        inputs:
          ~ images/web.yaml
        image web x86_64 prod:
          + busybox 1.37.0-r0

        """)
    let json = minisolve("diff", old, path, "--format", "json")
    #expect(json.code == 1)
    #expect(json.out.contains("\"equal\": false"))
    let missing = minisolve("diff", old, project.path + "/none.lock")
    #expect(missing.code == 1)
    #expect(missing.err == "error: no such file: \(project.path)/none.lock\n")
    #expect(minisolve("diff", old).code == 64)
  }

  @Test func auditCountsAndComparesWithDebian() throws {
    let project = try Project()
    project.lock()
    let plain = project.run("audit")
    #expect(plain.code == 0, "\(plain.err)")
    #expect(
      plain.out == """
        image  architecture  prod  dev
        web    x86_64           3    4

        """)
    try project.write(
      "debian/Packages",
      """
      Package: app
      Version: 1.0-1
      Architecture: amd64
      Depends: libc6

      Package: libc6
      Version: 2.36-9
      Architecture: amd64

      """)
    let compared = project.run(
      "audit", "--compare-repo", project.path + "/debian/Packages", "--no-index", "--format",
      "markdown")
    #expect(compared.code == 0, "\(compared.err)")
    #expect(
      compared.out == """
        | image | architecture | prod | dev | debian |
        |---|---|--:|--:|---|
        | web | x86_64 | 3 | 4 | 2 |

        """)
    #expect(project.run("audit", "--format", "html").code == 64)
  }

  @Test func everyLockQueryCommandHasHelp() {
    for command in ["why", "diff", "graph", "sbom", "audit"] {
      let result = minisolve(command, "--help")
      #expect(result.code == 0)
      #expect(result.out.contains("USAGE: minisolve \(command) "))
    }
  }
}
