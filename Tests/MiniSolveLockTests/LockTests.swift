import Testing

@testable import MiniSolveLock
@testable import MiniSolveYAML

/// A lock with one image in both variants and one recipe, with every optional field used once.
func sampleLock(appVersion: String = "2.0-r0", files: [String: String]? = nil) -> Lock {
  var root = LockedMember(
    name: "app", version: appVersion, architecture: "x86_64", originKind: "recipe",
    origin: "recipes/app.yaml:2:9", requirement: "app")
  root.declaredAt = "images/app.yaml:3:7"
  root.license = "MIT"
  var library = LockedMember(
    name: "zlib", version: "1.3-r0", architecture: "x86_64", originKind: "repository",
    origin: "repo/APKINDEX:5", requirement: "so:libz.so.1")
  library.parent = "app"
  library.declaredAt = "recipes/app.yaml:9:9"
  library.checksum = "Q1AAAAAAAAAAAAAAAAAAAAAAAAAAA="
  library.location = "zlib-1.3-r0.apk"
  let prod = LockedClosure(roots: ["app"], members: [root, library])
  let image = LockedImage(
    name: "app", file: "images/app.yaml",
    settings: .object(["entrypoint": .object(["command": .string("/usr/bin/app")])]),
    closures: ["x86_64": ["prod": prod, "dev": prod]])
  let recipe = LockedRecipe(
    name: "app", file: "recipes/app.yaml",
    build: ["x86_64": LockedClosure(roots: [], members: [library])])
  let inputs = LockInputs(
    files: files ?? ["recipes/app.yaml": String(repeating: "a", count: 64)],
    builtinPipelines: String(repeating: "b", count: 64))
  return Lock(
    inputs: inputs, architectures: ["x86_64"], images: ["app": image], recipes: ["app": recipe])
}

@Suite struct LockTests {
  @Test func renderingThenReadingGivesTheSameLockAndBytes() throws {
    let lock = sampleLock()
    let text = lock.rendered()
    let read = try Lock(text: text, path: "minisolve.lock")
    #expect(read == lock)
    #expect(read.rendered() == text)
    #expect(text.hasSuffix("}\n"))
    #expect(text.hasPrefix("{\n  \"architectures\": [\n    \"x86_64\"\n  ],\n  \"digest\": \""))
  }

  @Test func theDigestCoversEveryByte() throws {
    let text = sampleLock().rendered()
    for (old, new) in [
      ("\"2.0-r0\"", "\"2.1-r0\""), ("\"MIT\"", "\"GPL-2.0\""),
      ("  \"lock_version\"", "   \"lock_version\""),
    ] {
      let edited = text.replacingOccurrences(of: old, with: new)
      #expect(edited != text)
      #expect(throws: LockReadError.self) { try Lock(text: edited, path: "x.lock") }
      do {
        _ = try Lock(text: edited, path: "x.lock")
      } catch let error as LockReadError {
        #expect(
          error.message
            == "x.lock: the lock's content does not match its digest: it was edited by hand; "
            + "run minisolve lock")
      }
    }
  }

  @Test func readingFailuresSayWhereAndWhat() {
    let text = sampleLock().rendered()
    let cases: [(String, String)] = [
      ("", "x.lock:1:1: malformed lock: the text ends where a value should be"),
      (String(text.prefix(50)), "x.lock:5:10: malformed lock: a string is not closed"),
      (
        text.replacingOccurrences(of: "\"lock_version\": 1", with: "\"lock_version\": 2"),
        "x.lock: lock_version 2 is not 1"
      ),
      (
        text.replacingOccurrences(of: "\"file\": \"images/app.yaml\"", with: "\"file\": 3"),
        "x.lock: 'images.app.file' must be a string"
      ),
      (
        text.replacingOccurrences(
          of: "\"total\": \"", with: "\"total\": \"0"),
        "x.lock: inputs.total does not match the input checksums: the lock was edited by hand"
      ),
    ]
    for (input, problem) in cases {
      do {
        _ = try Lock(text: input, path: "x.lock")
        Issue.record("no error for \(problem)")
      } catch let error as LockReadError {
        #expect(error.problem == problem)
        #expect(error.message == problem + "; run minisolve lock")
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
  }
}
