import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

/// Decodes and compiles `text`; the decode must succeed, the compile may fail.
private func compile(
  _ text: String, architecture: String = "x86_64", buildOptions: [String] = [],
  path: String = "test.yaml", library: PipelineLibrary = PipelineLibrary(directories: [])
) throws -> (recipe: CompiledRecipe?, diagnostics: [Diagnostic]) {
  let bytes = Array(text.utf8)
  let decoded = RecipeDecoder.decode(bytes, path: path)
  let recipe = try #require(decoded.recipe, "\(decoded.diagnostics.map(\.description))")
  let options = CompileOptions(
    architecture: try #require(Architecture.named(architecture)), buildOptions: buildOptions)
  return Compiler.compile(recipe, source: bytes, options: options, library: library)
}

/// The compiled recipe, which must come without any error.
private func compiled(
  _ text: String, architecture: String = "x86_64", buildOptions: [String] = [],
  path: String = "test.yaml", library: PipelineLibrary = PipelineLibrary(directories: [])
) throws -> CompiledRecipe {
  let result = try compile(
    text, architecture: architecture, buildOptions: buildOptions, path: path, library: library)
  return try #require(result.recipe, "\(result.diagnostics.map(\.description))")
}

/// The errors compiling `text` reports, as compilers print them.
private func errors(
  _ text: String, buildOptions: [String] = [], path: String = "test.yaml",
  library: PipelineLibrary = PipelineLibrary(directories: [])
) throws -> [String] {
  let result = try compile(text, buildOptions: buildOptions, path: path, library: library)
  #expect(result.recipe == nil)
  return result.diagnostics.filter { $0.severity == .error }.map(\.description)
}

/// Findings in vars come in the order the vars are declared, whatever order a Dictionary holds
/// them in (a helper's differential test saw the order change from one run to the next).
@Suite struct VarFindingOrderTests {
  @Test func findingsInVarsFollowTheirDeclarations() throws {
    let names = ["zulu", "alpha", "mike", "bravo", "yankee", "charlie", "x-ray", "delta"]
    var text = "package:\n  name: hello\n  version: 1\nvars:\n"
    for name in names { text += "  \(name): \"${{vars.missing-\(name)}}\"\n" }
    let found = try errors(text)
    #expect(
      found
        == names.enumerated().map { index, name in
          "test.yaml:\(index + 5):\(name.count + 6): error: [undefined-variable] unknown variable "
            + "'vars.missing-\(name)'"
        })
  }
}

/// An `==` made by substitution is warned about when compiling; one written in the text is the
/// decoder's to report, and `=` on both sides of a value is no `==`.
@Suite struct SubstitutedDoubleEqualsTests {
  @Test func onlyAnEqualsPairThatSubstitutionMakesIsWarnedAbout() throws {
    let text = """
      package:
        name: hello
        version: 1
        dependencies:
          runtime:
            - foo=${{vars.op}}=1
            - bar=${{package.version}}=1
            - baz==2
      vars:
        op: ""
      """
    let result = try compile(text)
    #expect(
      result.diagnostics.map(\.description) == [
        "test.yaml:6:9: warning: [double-equals] 'foo=${{vars.op}}=1' gives 'foo==1', which uses"
          + " '==': melange reads it as any version"
      ])
    #expect(result.recipe?.packages[0].runtime.map(\.value) == ["foo==1", "bar=1=1", "baz==2"])
  }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
private struct TemporaryFolder {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-compiler-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  func file(_ relative: String) -> String {
    (path as NSString).appendingPathComponent(relative)
  }

  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: file(relative))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

@Suite struct CompilerTests {
  // MARK: Package facts

  @Test func fullVersionJoinsVersionAndEpoch() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "2.12"
        epoch: 3
      pipeline:
        - runs: echo ${{package.full-version}} ${{package.epoch}} ${{package.name}}
      """)
    #expect(recipe.fullVersion == "2.12-r3")
    #expect(members(recipe.json, "package")["full-version"] == .string("2.12-r3"))
    #expect(recipe.pipeline.map(\.runs) == ["echo 2.12-r3 3 hello"])
  }

  @Test func missingEpochIsZero() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1.0"
      """)
    #expect(recipe.epoch == 0)
    #expect(recipe.fullVersion == "1.0-r0")
  }

  @Test func mainPackageComesFirstWithItsRelations() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1.0"
        epoch: 0
        description: hello, ${{package.version}}
        dependencies:
          runtime:
            - libc-${{build.arch}}
          provides:
            - cmd:hello=${{package.full-version}}
      """)
    #expect(recipe.description == "hello, 1.0")
    let main = try #require(recipe.packages.first)
    #expect(main.name.value == "hello")
    #expect(!main.isSubpackage)
    #expect(main.description == "hello, 1.0")
    #expect(main.runtime.map(\.value) == ["libc-x86_64"])
    #expect(main.provides.map(\.value) == ["cmd:hello=1.0-r0"])
    #expect(main.providerPriority == nil)
  }

  // MARK: Variables

  @Test func varsAndTransformsInOrder() throws {
    let recipe = try compiled(
      #"""
      package:
        name: openssl
        version: 3.2.1
        epoch: 0
      vars:
        base: ${{package.version}}
        greeting: v${{vars.base}}
      var-transforms:
        - from: ${{package.version}}
          match: ^(\d+)\.(\d+)\.\d+$
          replace: $1.$2
          to: major-minor
        - from: ${{vars.major-minor}}
          match: \.
          replace: _
          to: mm-underscore
      pipeline:
        - runs: echo ${{vars.mm-underscore}} ${{vars.greeting}} ${{vars.major-minor}}
      """#)
    #expect(
      recipe.vars == [
        "base": "3.2.1", "greeting": "v3.2.1", "major-minor": "3.2", "mm-underscore": "3_2",
      ])
    #expect(recipe.pipeline.map(\.runs) == ["echo 3_2 v3.2.1 3.2"])
  }

  @Test func invalidTransformPatternIsAnError() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1.0"
        epoch: 0
      var-transforms:
        - from: ${{package.version}}
          match: (
          replace: x
          to: broken
      """)
    #expect(
      found == [
        "test.yaml:7:12: error: [invalid-regex] '(' is not a valid regular expression"
      ])
  }

  @Test func unknownVariableIsPlacedOnItsToken() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1.0"
        epoch: 0
      pipeline:
        - runs: echo ${{package.nme}}
      """)
    #expect(
      found == [
        "test.yaml:6:16: error: [undefined-variable] unknown variable 'package.nme';"
          + " did you mean 'package.name'?"
      ])
  }

  // MARK: Ranges

  @Test func rangeMakesOneSubpackagePerItemInKeyOrder() throws {
    let recipe = try compiled(
      """
      package:
        name: blas
        version: "1.0"
        epoch: 0
      vars:
        prefix: base
      data:
        - name: sizes
          items:
            b: "32"
            a: "64"
      subpackages:
        - range: sizes
          name: lib-${{range.key}}
          description: ${{range.value}}-bit for ${{range.key}}
          dependencies:
            runtime:
              - ${{vars.prefix}}-${{range.value}}
            provides:
              - lib${{range.value}}=${{package.full-version}}
      """)
    #expect(recipe.packages.map(\.name.value) == ["blas", "lib-a", "lib-b"])
    let a = recipe.packages[1]
    let b = recipe.packages[2]
    #expect(a.isSubpackage && b.isSubpackage)
    #expect(a.rangeKey == "a")
    #expect(b.rangeKey == "b")
    #expect(a.description == "64-bit for a")
    #expect(b.description == "32-bit for b")
    #expect(a.runtime.map(\.value) == ["base-64"])
    #expect(b.runtime.map(\.value) == ["base-32"])
    #expect(a.provides.map(\.value) == ["lib64=1.0-r0"])
    #expect(b.provides.map(\.value) == ["lib32=1.0-r0"])
  }

  @Test func rangeKeysSortByBytes() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      data:
        - name: set
          items:
            x: "1"
            B: "2"
            "10": "3"
            "9": "4"
      subpackages:
        - range: set
          name: p-${{range.key}}
      """)
    #expect(recipe.packages.map(\.name.value) == ["p", "p-10", "p-9", "p-B", "p-x"])
  }

  @Test func rangeWithIfKeepsOnlyMatchingItems() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      data:
        - name: set
          items:
            a: one
            b: two
      subpackages:
        - range: set
          name: p-${{range.value}}
          if: ${{range.key}} != 'b'
      """)
    #expect(recipe.packages.map(\.name.value) == ["p", "p-one"])
  }

  @Test func unknownRangeSuggestsADataSet() throws {
    let found = try errors(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      data:
        - name: sizes
          items:
            a: "1"
      subpackages:
        - range: sizez
          name: p-${{range.key}}
      """)
    #expect(
      found == [
        "test.yaml:10:12: error: [unknown-range] range 'sizez' names no data set;"
          + " did you mean 'sizes'?"
      ])
  }

  // MARK: Conditions

  @Test(arguments: [("x86_64", "only-x86"), ("aarch64", "only-arm")])
  func subpackageIfOnBuildArch(architecture: String, kept: String) throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      subpackages:
        - name: only-x86
          if: ${{build.arch}} == 'x86_64'
        - name: only-arm
          if: ${{build.arch}} == "aarch64"
        - name: always
      """, architecture: architecture)
    #expect(recipe.packages.map(\.name.value) == ["p", kept, "always"])
  }

  @Test func pipelineIfDropsSteps() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      pipeline:
        - runs: a
          if: ${{build.arch}} == 'aarch64'
        - runs: b
        - runs: c
          if: ${{build.arch}} != 'aarch64'
      """)
    #expect(recipe.pipeline.map(\.runs) == ["b", "c"])
    #expect(recipe.pipeline.map(\.condition) == [nil, "x86_64 != 'aarch64'"])
  }

  @Test func droppedStepsAddNoNeeds() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      pipeline:
        - uses: autoconf/make
          if: ${{build.arch}} == 'aarch64'
        - runs: echo
          if: ${{build.arch}} == 'aarch64'
          needs:
            packages:
              - never
      """)
    #expect(recipe.pipeline.isEmpty)
    #expect(recipe.environment.packages.isEmpty)
  }

  @Test func invalidConditionIsAnError() throws {
    let found = try errors(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      pipeline:
        - runs: a
          if: ${{build.arch}} = 'x86_64'
      """)
    #expect(
      found == [
        "test.yaml:7:9: error: [invalid-condition] condition 'x86_64 = 'x86_64'':"
          + " '=' is not an operator; use ==, !=, && or ||"
      ])
  }

  // MARK: Built-in pipelines

  @Test func autoconfConfigureIsInlinedWithDefaults() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "2.12"
        epoch: 0
      environment:
        contents:
          packages:
            - build-base
            - automake
      pipeline:
        - uses: autoconf/configure
          with:
            opts: --disable-static
      """)
    let step = try #require(recipe.pipeline.first)
    #expect(step.uses == "autoconf/configure")
    #expect(
      step.inputs == [
        "dir": ".", "host": "x86_64-pc-linux-gnu", "build": "x86_64-pc-linux-gnu",
        "opts": "--disable-static",
      ])
    #expect(step.steps.count == 1)
    let script = try #require(step.steps.first?.runs)
    #expect(script.hasPrefix("set -e\ncd \".\"\n"))
    #expect(
      script.contains("  --build=\"x86_64-pc-linux-gnu\" \\\n  --host=\"x86_64-pc-linux-gnu\" \\\n")
    )
    #expect(script.hasSuffix("  --infodir=/usr/share/info \\\n  --disable-static"))
    #expect(!script.contains("${{"))
    // The recipe's own packages first, then the pipeline's needs without repeating automake.
    #expect(
      recipe.environment.packages.map(\.value) == ["build-base", "automake", "autoconf", "libtool"])
  }

  @Test func needsOfEveryPipelineJoinOnce() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      environment:
        contents:
          packages:
            - build-base
      pipeline:
        - uses: autoconf/make
        - uses: autoconf/make-install
        - runs: true
          needs:
            packages:
              - ${{package.name}}-tool
      subpackages:
        - name: hello-dev
          pipeline:
            - uses: autoconf/make
            - runs: true
              needs:
                packages:
                  - sub-tool
      """)
    #expect(
      recipe.environment.packages.map(\.value) == ["build-base", "make", "hello-tool", "sub-tool"])
  }

  @Test func namedPipelineStepsAreExpandedInline() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      subpackages:
        - name: hello-dev
          pipeline:
            - uses: autoconf/make-install
      """)
    let step = try #require(recipe.packages.last?.pipeline.first)
    #expect(step.inputs == ["dir": ".", "opts": "", "targets": "install"])
    #expect(
      step.steps.map(\.runs) == [
        "make -C \".\" DESTDIR=\"/home/build/melange-out/hello-dev\" V=1 \\\n   install\n",
        "find \"/home/build/melange-out/hello-dev\" -name '*.la' ! -type d -print -delete",
      ])
  }

  @Test func unknownInputSuggestsADeclaredOne() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - uses: autoconf/configure
          with:
            optz: --x
      """)
    #expect(
      found == [
        "test.yaml:8:7: error: [undefined-input] pipeline 'autoconf/configure' has no input"
          + " 'optz'; did you mean 'opts'?"
      ])
  }

  @Test func unknownPipelineSuggestsABuiltin() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - uses: autoconf/confgure
      """)
    #expect(
      found == [
        "test.yaml:6:11: error: [unknown-pipeline] no pipeline 'autoconf/confgure'; looked in"
          + " the built-in pipelines; did you mean 'autoconf/configure'?"
      ])
  }

  @Test func pipelineNamesMayNotClimbOut() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - uses: ../secret
      """)
    #expect(
      found == [
        "test.yaml:6:11: error: [invalid-pipeline-name] '../secret' climbs out of the pipeline"
          + " folders with '..'"
      ])
  }

  // MARK: Build options

  private static let optionRecipe = """
    package:
      name: curl
      version: "8.0.0"
      epoch: 1
    vars:
      tls: openssl
    environment:
      contents:
        packages:
          - openssl-dev
          - zlib-dev
    options:
      rustls:
        vars:
          tls: rustls
        environment:
          contents:
            packages:
              add:
                - rustls-ffi
              remove:
                - openssl-dev
    pipeline:
      - runs: echo ${{vars.tls}} ${{options.rustls.enabled}}
    """

  @Test func withoutTheOptionNothingChanges() throws {
    let recipe = try compiled(Self.optionRecipe)
    #expect(recipe.buildOptions == [])
    #expect(recipe.vars == ["tls": "openssl"])
    #expect(recipe.environment.packages.map(\.value) == ["openssl-dev", "zlib-dev"])
    #expect(recipe.pipeline.map(\.runs) == ["echo openssl false"])
  }

  @Test func buildOptionOverridesVarsAndPackages() throws {
    let recipe = try compiled(Self.optionRecipe, buildOptions: ["rustls"])
    #expect(recipe.buildOptions == ["rustls"])
    #expect(recipe.vars == ["tls": "rustls"])
    #expect(recipe.environment.packages.map(\.value) == ["zlib-dev", "rustls-ffi"])
    #expect(recipe.pipeline.map(\.runs) == ["echo rustls true"])
  }

  @Test func unknownBuildOptionSuggestsOne() throws {
    let found = try errors(Self.optionRecipe, buildOptions: ["rustl"])
    #expect(
      found == [
        "test.yaml:1:1: error: [unknown-option] no build option 'rustl' in this recipe;"
          + " did you mean 'rustls'?"
      ])
  }

  // MARK: Nested steps

  @Test func nestedStepsInheritWorkingDirectoryAndEnvironment() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      pipeline:
        - working-directory: /src
          environment:
            CC: clang
          pipeline:
            - runs: make
            - runs: make install
              working-directory: /other
              environment:
                V: "1"
        - runs: after
      """)
    #expect(recipe.pipeline.count == 2)
    let group = recipe.pipeline[0]
    #expect(group.runs == nil)
    #expect(group.workingDirectory == "/src")
    #expect(group.environment == ["CC": "clang"])
    #expect(group.steps.map(\.runs) == ["make", "make install"])
    #expect(group.steps.map(\.workingDirectory) == ["/src", "/other"])
    #expect(group.steps.map(\.environment) == [["CC": "clang"], ["CC": "clang", "V": "1"]])
    let after = recipe.pipeline[1]
    #expect(after.workingDirectory == nil)
    #expect(after.environment.isEmpty)
  }

  @Test func namedPipelineStepsInheritTheCallersSettings() throws {
    let recipe = try compiled(
      """
      package:
        name: p
        version: "1"
        epoch: 0
      pipeline:
        - uses: autoconf/make
          working-directory: /src/sub
          environment:
            CFLAGS: -O2
      """)
    let step = try #require(recipe.pipeline.first)
    #expect(step.workingDirectory == "/src/sub")
    #expect(step.steps.map(\.workingDirectory) == ["/src/sub"])
    #expect(step.steps.map(\.environment) == [["CFLAGS": "-O2"]])
    #expect(step.steps.map(\.runs) == ["make -C \".\" -j\"$(nproc)\" V=1  "])
  }

  // MARK: Targets and context

  @Test func targetsAndContextPerPackage() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - runs: ${{targets.contextdir}} ${{context.name}} ${{targets.destdir}}
      subpackages:
        - name: hello-dev
          pipeline:
            - runs: ${{targets.subpkgdir}} ${{targets.contextdir}} ${{context.name}}
            - runs: ${{targets.destdir}} ${{subpkg.name}} ${{targets.outdir}}
        - name: hello-doc
          pipeline:
            - runs: ${{targets.subpkgdir}} ${{context.name}}
      """)
    #expect(
      recipe.pipeline.map(\.runs) == [
        "/home/build/melange-out/hello hello /home/build/melange-out/hello"
      ])
    #expect(
      recipe.packages[1].pipeline.map(\.runs) == [
        "/home/build/melange-out/hello-dev /home/build/melange-out/hello-dev hello-dev",
        "/home/build/melange-out/hello hello-dev /home/build/melange-out",
      ])
    #expect(
      recipe.packages[2].pipeline.map(\.runs) == [
        "/home/build/melange-out/hello-doc hello-doc"
      ])
  }

  @Test func subpackageDirectoryIsUnknownInTheMainPipeline() throws {
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - runs: ${{targets.subpkgdir}}
      """)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("test.yaml:6:11: error: [undefined-variable]") == true)
  }

  // MARK: Relations

  @Test func providerPriorityIsAnInteger() throws {
    let recipe = try compiled(
      """
      package:
        name: x
        version: "1"
        epoch: 0
        dependencies:
          provider-priority: 10
      vars:
        prio: "20"
      subpackages:
        - name: x-compat
          dependencies:
            provider-priority: ${{vars.prio}}
            replaces-priority: "5"
      """)
    #expect(recipe.packages.map(\.providerPriority) == [10, 20])
    #expect(recipe.packages.map(\.replacesPriority) == [nil, 5])
    let json = recipe.packages[1].json
    #expect(members(json)["provider-priority"] == .int(20))
    #expect(members(json)["replaces-priority"] == .int(5))
    #expect(members(recipe.packages[0].json)["replaces-priority"] == nil)
  }

  @Test func providerPriorityThatIsNotAnIntegerIsAnError() throws {
    let found = try errors(
      """
      package:
        name: x
        version: "1"
        epoch: 0
        dependencies:
          provider-priority: high
      """)
    #expect(
      found == [
        "test.yaml:6:24: error: [invalid-priority] priority 'high' is not an integer"
      ])
  }

  @Test func duplicateSubpackageIsAnError() throws {
    let found = try errors(
      """
      package:
        name: x
        version: "1"
        epoch: 0
      subpackages:
        - name: x-dev
        - name: x-dev
      """)
    #expect(
      found == [
        "test.yaml:7:11: error: [duplicate-package] package 'x-dev' is defined twice"
          + " (first at 6:11)"
      ])
  }

  @Test func rangeItemsGivingOneNameAreAnError() throws {
    let found = try errors(
      """
      package:
        name: x
        version: "1"
        epoch: 0
      data:
        - name: set
          items:
            a: same
            b: same
      subpackages:
        - range: set
          name: x-${{range.value}}
      """)
    #expect(
      found == [
        "test.yaml:12:11: error: [duplicate-package] package 'x-same' is defined twice"
          + " (items 'a' and 'b' of range 'set' give the same name)"
      ])
  }

  @Test func nameThatSubstitutesToAnInvalidNameIsAnError() throws {
    let found = try errors(
      """
      package:
        name: x
        version: "1"
        epoch: 0
      vars:
        suffix: " dev"
      subpackages:
        - name: x${{vars.suffix}}
      """)
    #expect(
      found == [
        "test.yaml:8:11: error: [invalid-name] 'x dev' is not a valid package name"
          + " (a letter or digit, then letters, digits, '+', '-', '.' or '_')"
      ])
  }

  // MARK: Tests

  @Test func testSectionHasItsOwnEnvironment() throws {
    let recipe = try compiled(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      environment:
        contents:
          packages:
            - build-base
      test:
        environment:
          contents:
            packages:
              - busybox
        pipeline:
          - runs: ${{package.name}} --version
      """)
    let test = try #require(recipe.test)
    #expect(test.environment.packages.map(\.value) == ["busybox"])
    #expect(test.pipeline.map(\.runs) == ["hello --version"])
    #expect(recipe.environment.packages.map(\.value) == ["build-base"])
  }

  // MARK: JSON

  @Test func jsonOfASmallRecipe() throws {
    let recipe = try compiled(
      """
      package:
        name: tiny
        version: "1.0"
        epoch: 2
      pipeline:
        - runs: echo ${{package.full-version}}
      """)
    let expected = """
      {
        "architecture": "x86_64",
        "build-options": [],
        "environment": {
          "environment": {},
          "keyring": [],
          "packages": [],
          "repositories": []
        },
        "package": {
          "description": "",
          "epoch": 2,
          "full-version": "1.0-r2",
          "licenses": [],
          "name": "tiny",
          "target-architecture": [],
          "url": null,
          "version": "1.0"
        },
        "packages": [
          {
            "description": "",
            "name": "tiny",
            "pipeline": [],
            "provides": [],
            "replaces": [],
            "runtime": [],
            "subpackage": false
          }
        ],
        "path": "test.yaml",
        "pipeline": [
          {
            "runs": "echo 1.0-r2"
          }
        ],
        "vars": {}
      }

      """
    #expect(recipe.json.rendered() == expected)
  }

  @Test func jsonIsByteIdenticalAcrossRuns() throws {
    let text = """
      package:
        name: hello
        version: "2.12"
        epoch: 1
        copyright:
          - license: MIT
      vars:
        z: last
        a: first
        m: ${{vars.a}}-${{vars.z}}
      environment:
        contents:
          packages:
            - build-base
        environment:
          Z: "1"
          A: "2"
      data:
        - name: set
          items:
            q: "1"
            c: "2"
      pipeline:
        - uses: autoconf/configure
        - uses: autoconf/make
          environment:
            Y: y
            B: b
      subpackages:
        - range: set
          name: hello-${{range.key}}
          pipeline:
            - uses: autoconf/make-install
      """
    let first = try compiled(text).json.rendered()
    let second = try compiled(text).json.rendered()
    #expect(first == second)
    #expect(first.hasSuffix("}\n"))
  }

  // MARK: Pipeline folders

  private static let pipelineUser = """
    package:
      name: hello
      version: "1"
      epoch: 0
    pipeline:
      - uses: autoconf/configure
      - uses: local/greet
        with:
          who: world
      - uses: extra/only
      - uses: autoconf/make
    """

  /// A project folder with `pipelines/` and an extra folder, as `--pipeline-dir` gives one.
  private static func pipelineFolders() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(
      "project/pipelines/autoconf/configure.yaml",
      """
      name: Project configure
      needs:
        packages:
          - project-tool
      inputs:
        opts:
          description: Options.
          default: none
      pipeline:
        - runs: project-configure ${{inputs.opts}}
      """)
    try folder.write(
      "project/pipelines/local/greet.yaml",
      """
      name: Project greeting
      inputs:
        who:
          description: Whom to greet.
          required: true
      pipeline:
        - runs: project greets ${{inputs.who}}
      """)
    try folder.write(
      "extra/local/greet.yaml",
      """
      name: Extra greeting
      inputs:
        who:
          description: Whom to greet.
      pipeline:
        - runs: extra greets ${{inputs.who}}
      """)
    try folder.write(
      "extra/extra/only.yaml",
      """
      name: Only in the extra folder
      pipeline:
        - runs: extra only
      """)
    try folder.write(
      "extra/autoconf/make.yaml",
      """
      name: Extra make
      pipeline:
        - runs: extra make
      """)
    return folder
  }

  @Test(arguments: ["project/recipes/hello.yaml", "project/hello.yaml"])
  func projectPipelinesComeFirstThenExtraFoldersThenBuiltins(recipePath: String) throws {
    let folder = try Self.pipelineFolders()
    defer { folder.remove() }
    let library = PipelineLibrary(directories: [folder.file("extra")])
    let recipe = try compiled(
      Self.pipelineUser, path: folder.file(recipePath), library: library)
    #expect(
      recipe.pipeline.map(\.uses) == [
        "autoconf/configure", "local/greet", "extra/only", "autoconf/make",
      ])
    #expect(
      recipe.pipeline.map { $0.steps.map(\.runs) } == [
        ["project-configure none"], ["project greets world"], ["extra only"], ["extra make"],
      ])
    #expect(recipe.pipeline[0].inputs == ["opts": "none"])
    #expect(recipe.environment.packages.map(\.value) == ["project-tool"])
  }

  @Test func projectFolderIsFoundBesideTheRecipeOrItsRecipesFolder() throws {
    let folder = try Self.pipelineFolders()
    defer { folder.remove() }
    let pipelines = folder.file("project/pipelines")
    #expect(Compiler.projectPipelineFolder(for: folder.file("project/hello.yaml")) == pipelines)
    #expect(
      Compiler.projectPipelineFolder(for: folder.file("project/recipes/hello.yaml")) == pipelines)
    #expect(Compiler.projectPipelineFolder(for: folder.file("project/other/hello.yaml")) == nil)
    #expect(Compiler.projectPipelineFolder(for: folder.file("extra/hello.yaml")) == nil)
  }

  @Test func extraFolderIsUsedWithoutAProjectFolder() throws {
    let folder = try Self.pipelineFolders()
    defer { folder.remove() }
    let library = PipelineLibrary(directories: [folder.file("extra")])
    let recipe = try compiled(
      Self.pipelineUser, path: folder.file("elsewhere/hello.yaml"), library: library)
    #expect(
      recipe.pipeline.map { $0.steps.map(\.runs) }.dropFirst() == [
        ["extra greets world"], ["extra only"], ["extra make"],
      ])
    // The built-in configure, as no project folder overrides it.
    #expect(recipe.pipeline[0].inputs["host"] == "x86_64-pc-linux-gnu")
  }

  @Test func missingPipelineNamesTheFoldersSearched() throws {
    let folder = try Self.pipelineFolders()
    defer { folder.remove() }
    let library = PipelineLibrary(directories: [folder.file("extra")])
    let path = folder.file("project/hello.yaml")
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - uses: local/nope
      """, path: path, library: library)
    #expect(
      found == [
        "\(path):6:11: error: [unknown-pipeline] no pipeline 'local/nope'; looked in"
          + " \(folder.file("project/pipelines")), \(folder.file("extra")),"
          + " the built-in pipelines"
      ])
  }

  @Test func missingRequiredInputNamesTheDeclaration() throws {
    let folder = try Self.pipelineFolders()
    defer { folder.remove() }
    let path = folder.file("project/hello.yaml")
    let found = try errors(
      """
      package:
        name: hello
        version: "1"
        epoch: 0
      pipeline:
        - uses: local/greet
      """, path: path)
    let declaration = folder.file("project/pipelines/local/greet.yaml")
    #expect(
      found == [
        "\(path):6:11: error: [missing-input] pipeline 'local/greet' needs input 'who'"
          + " (required, no default; declared at \(declaration):3:3)"
      ])
  }
}

/// The members of an object value (or of its member `key`), or empty for anything else.
private func members(_ value: JSONValue, _ key: String? = nil) -> [String: JSONValue] {
  guard case .object(let members) = value else { return [:] }
  guard let key else { return members }
  guard case .object(let inner) = members[key] else { return [:] }
  return inner
}
