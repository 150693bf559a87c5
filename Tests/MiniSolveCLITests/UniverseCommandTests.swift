import Foundation
import Testing

@testable import MiniSolveCLI

/// The repository's example project, found from this file's path.
private let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/hello")
  .path

/// Runs minisolve with a capturing terminal: exit code, standard output, standard error.
func minisolve(_ arguments: String...) -> (code: Int32, out: String, err: String) {
  minisolve(arguments: arguments)
}

func minisolve(arguments: [String]) -> (code: Int32, out: String, err: String) {
  let (terminal, capture) = Terminal.capturing()
  let code = MiniSolveCommand.run(arguments, terminal: terminal)
  return (code, capture.output, capture.errors)
}

@Suite struct UniverseCommandTests {
  @Test func showPrintsEachPackageWithItsOrigin() {
    let result = minisolve("show", "hello", "--project", example, "--no-index", "--arch", "amd64")
    #expect(result.code == 0, "\(result.err)")
    #expect(
      result.out == """
        hello 2.12.1-r0 (source)
          from: \(example)/recipes/hello.yaml:3:9
          build-depends: build-base, busybox, libgreet-dev, wget, autoconf, automake, libtool, \
        make, coreutils

        hello 2.12.1-r0 x86_64
          from: \(example)/recipes/hello.yaml:3:9
          depends: so:libgreet.so.1, busybox

        """)
  }

  @Test func showListsProvidersOfAProvidedName() {
    let result = minisolve("show", "so:libgreet.so.1", "--project", example, "--no-index")
    #expect(result.code == 0)
    #expect(result.out.hasPrefix("provided by:\n  libgreet 1.4.2-r1 "))
  }

  @Test func showSuggestsANearName() {
    let result = minisolve("show", "helo", "--project", example, "--no-index")
    #expect(result.code == 1)
    #expect(result.err == "error: no package named or providing 'helo'; did you mean 'hello'?\n")
  }

  @Test func rdepsFollowsRuntimeThenBuildRequirements() {
    let result = minisolve("rdeps", "libgreet", "--project", example, "--no-index", "--build")
    #expect(result.code == 0)
    let lines = result.out.split(separator: "\n").map {
      $0.split(separator: " ").prefix(2).joined(separator: " ")
    }
    #expect(
      lines == [
        "1 hello", "1 libgreet-dev", "1 libgreet-lang-de", "1 libgreet-lang-fr",
        "1 libgreet-lang-nl", "2 hello", "2 hello-static", "libgreet: 5",
      ])
    let runtime = minisolve("rdeps", "libgreet", "--project", example, "--no-index", "--direct")
    #expect(runtime.out.hasSuffix("libgreet: 5 direct, 5 in all\n"))
  }

  @Test func buildOrderPutsTheLibraryFirst() {
    let result = minisolve("build-order", "--project", example, "--no-index")
    #expect(result.code == 0)
    #expect(result.out == "libgreet\nhello\nhello-static\n")
  }

  @Test func indexReadsOnceThenReuses() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-cli-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = folder + "/index.db"
    let first = minisolve("index", "--project", example, "--index", index, "--format", "json")
    #expect(first.code == 0, "\(first.err)")
    #expect(first.out.contains("\"binary_packages\": 9"))
    let second = minisolve("index", "--project", example, "--index", index)
    #expect(
      second.out
        == "index: 0 read, 3 reused, 0 dropped; 9 binary and 3 source packages (\(index))\n")
  }

  @Test func badArgumentsAreUsageErrorsAndMissingFilesFailures() {
    let arch = minisolve("show", "x", "--arch", "amd46", "--no-index")
    #expect(arch.code == 64)
    // The error, then a short usage line: the whole help would push the error out of sight.
    #expect(
      arch.err == """
        error: unknown architecture 'amd46'; did you mean 'amd64'?
        usage: minisolve show NAME [options]
        'minisolve show --help' lists the options.

        """)
    let repo = minisolve("show", "x", "--repo", "/nonexistent/Packages", "--no-index")
    #expect(repo.code == 1)
    #expect(repo.err == "error: no such file or folder: /nonexistent/Packages\n")
    let none = minisolve("show", "--no-index")
    #expect(none.code == 64)
    for command in ["index", "show", "rdeps", "build-order"] {
      #expect(minisolve(command, "--help").code == 0)
    }
  }

  @Test func aNonIndexFileIsAClearFailure() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("notes.txt").path
    try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: path))
    let result = minisolve("show", "x", "--repo", path, "--project", folder.path, "--no-index")
    #expect(result.code == 1)
    #expect(
      result.err == "error: '\(path)' is not a repository index (APKINDEX, Packages or Sources)\n")
  }

  @Test func contradictionsAndNonFoldersAreRefused() throws {
    let both = minisolve("show", "x", "--no-index", "--index", "/tmp/x.db")
    #expect(both.code == 64)
    #expect(both.err.hasPrefix("error: --index and --no-index contradict each other"))
    let file = minisolve("show", "x", "--project", example + "/recipes/hello.yaml", "--no-index")
    #expect(file.code == 1)
    #expect(file.err == "error: --project must be a folder: \(example)/recipes/hello.yaml\n")
  }

  @Test func debianArchitectureNamesWork() {
    let result = minisolve("show", "hello", "--project", example, "--no-index", "--arch", "i386")
    #expect(result.code == 0)
    #expect(result.out.contains("hello 2.12.1-r0 x86\n"))
  }

  @Test func indexFailsWhenItCannotWriteTheIndex() {
    let result = minisolve("index", "--project", example, "--index", example)
    #expect(result.code == 1)
    #expect(result.err.contains("going on without the index"))
  }

  @Test func controlCharactersInFindingsAreShownEscaped() {
    #expect(DiagnosticPrinter.visible("evil\u{1B}]0;x\u{07}") == "evil\\u{1B}]0;x\\u{7}")
    #expect(DiagnosticPrinter.visible("plain ü") == "plain ü")
  }

  @Test func closureOfTheExampleIsVerifiedAndExplained() {
    let repo = example + "/repo/APKINDEX"
    let result = minisolve(
      "closure", "hello", "--verify", "--project", example, "--repo", repo, "--no-index")
    #expect(result.code == 0, "\(result.err)")
    let names = result.out.split(separator: "\n").map { $0.split(separator: " ")[0] }
    #expect(
      names == [
        "busybox", "glibc", "hello", "libgreet", "wolfi-baselayout", "closure:",
      ])
    #expect(result.out.contains("libgreet 1.4.2-r1 x86_64  hello: so:libgreet.so.1\n"))

    let build = minisolve(
      "closure", "--build", "hello", "--project", example, "--repo", repo, "--no-index")
    #expect(build.code == 0)
    #expect(build.out.hasSuffix("closure: 19 packages\n"))

    let missing = minisolve("closure", "hello", "--project", example, "--no-index")
    #expect(missing.code == 1)
    #expect(
      missing.err == """
        error: hello cannot be installed:
          1. You asked for hello: hello 2.12.1-r0.
          2. hello 2.12.1-r0 depends on busybox, which no package satisfies \
        (\(example)/recipes/hello.yaml:12:9).
          3. So hello cannot be installed.

        """)
  }

  @Test func optimalClosureTakesTheCheaperAlternativeAndSaysItIsProven() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let packages = folder.appendingPathComponent("Packages").path
    let stanzas = [
      "Package: app\nVersion: 1\nArchitecture: amd64\nDepends: big | small\n",
      "Package: big\nVersion: 1\nArchitecture: amd64\nDepends: big-data\n",
      "Package: big-data\nVersion: 1\nArchitecture: all\n",
      "Package: small\nVersion: 1\nArchitecture: amd64\n",
    ]
    try stanzas.joined(separator: "\n").write(toFile: packages, atomically: true, encoding: .utf8)
    let common = ["--project", folder.path, "--repo", packages, "--arch", "amd64", "--no-index"]
    let plain = minisolve(arguments: ["closure", "app"] + common)
    #expect(plain.out.hasSuffix("closure: 3 packages\n"), "\(plain.err)")
    let optimal = minisolve(arguments: ["closure", "app", "--optimal", "--verify"] + common)
    #expect(optimal.code == 0, "\(optimal.err)")
    #expect(
      optimal.out == """
        app 1 amd64  root app
        small 1 amd64  app: big | small
        closure: 2 packages, the minimum (proved: no closure of 1 exists)

        """)
    let json = minisolve(arguments: ["closure", "app", "--optimal", "--format", "json"] + common)
    #expect(json.out.contains("\"optimal\": true"))
    let build = minisolve(arguments: ["closure", "app", "--optimal", "--build"] + common)
    #expect(build.code == 64)
  }

  @Test func checkVerifiesItsWitnessesAndKnowsBothSemantics() {
    let repo = example + "/repo/APKINDEX"
    let common = ["--project", example, "--repo", repo, "--no-index"]
    for semantics in ["libsolv", "dose"] {
      let result = minisolve(arguments: ["check", "--verify", "--semantics", semantics] + common)
      #expect(result.code == 0, "\(result.err)")
      #expect(result.err.contains("verify: the independent checker accepts the "))
      #expect(result.out.hasPrefix("check: 0 of "))
    }
    // A build witness holds each source package and its binary of the same name: the source
    // is not installed, so that is no clash (a helper saw "two members are named" here).
    let build = minisolve(arguments: ["check", "--build", "--verify"] + common)
    #expect(build.code == 0, "\(build.err)")
    #expect(
      build.err.hasSuffix(
        "verify: the independent checker accepts the 1 witness, which hold every one of the 3 "
          + "buildable source packages\n"))
    let bad = minisolve(arguments: ["check", "--semantics", "apt"] + common)
    #expect(bad.code == 64)
    #expect(bad.err.hasPrefix("error: unknown semantics 'apt'; choose libsolv or dose"))
  }
}
