import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

/// The folder holding melange's own pipelines, found beside the package checkout.
private let melangeCorpus: URL? = {
  var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while folder.path != "/" {
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
      let corpus = folder.appendingPathComponent("../shared/corpus/melange-pipelines")
        .standardizedFileURL
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isFolder)
      return exists && isFolder.boolValue ? corpus : nil
    }
    folder.deleteLastPathComponent()
  }
  return nil
}()

/// Folders of melange's set that minisolve covers in full; "" is the top level.
private let coveredGroups: Set<String> = [
  "", "autoconf", "cargo", "cmake", "go", "meson", "python", "split",
]

/// Tokens a pipeline may substitute besides its own inputs.
private let knownTokens: Set<String> = [
  "package.name", "package.version", "package.full-version", "package.epoch",
  "package.srcdir", "targets.destdir", "targets.contextdir", "targets.subpkgdir",
  "targets.outdir", "context.name", "host.triplet.gnu", "host.triplet.rust",
  "cross.triplet.gnu.glibc", "cross.triplet.gnu.musl", "build.arch", "build.goarch",
]

/// What a pipeline says about one input.
private struct InputSpec: Equatable {
  var required: Bool
  var defaultText: String?
}

private func parsePipeline(_ text: String) throws -> Node {
  try #require(try YAMLReader.parse(text))
}

private func inputs(of pipeline: Node) -> [String: InputSpec] {
  var specs: [String: InputSpec] = [:]
  for pair in pipeline["inputs"]?.mapping ?? [] {
    guard let name = pair.key.scalar?.text else { continue }
    let required = pair.value["required"]?.scalar?.text == "true"
    let defaultText = pair.value["default"].flatMap { $0.isNull ? nil : $0.scalar?.text }
    specs[name] = InputSpec(required: required, defaultText: defaultText)
  }
  return specs
}

private func neededPackages(of pipeline: Node) -> Set<String> {
  Set((pipeline["needs"]?["packages"]?.sequence ?? []).compactMap { $0.scalar?.text })
}

/// The text inside every `${{ }}` in a pipeline, in order.
private func substitutionTokens(in text: String) -> [String] {
  var tokens: [String] = []
  var rest = text[...]
  while let open = rest.range(of: "${{") {
    guard let close = rest[open.upperBound...].range(of: "}}") else { break }
    let token = rest[open.upperBound..<close.lowerBound]
    tokens.append(token.trimmingCharacters(in: .whitespaces))
    rest = rest[close.upperBound...]
  }
  return tokens
}

/// Melange's pipelines by name, read from the corpus folder.
private func melangePipelines(in corpus: URL) throws -> [String: Node] {
  var pipelines: [String: Node] = [:]
  let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
  let prefix = corpus.standardizedFileURL.path + "/"
  while let file = walker?.nextObject() as? URL {
    guard file.pathExtension == "yaml" else { continue }
    let path = file.standardizedFileURL.path
    guard path.hasPrefix(prefix) else { continue }
    let name = String(path.dropFirst(prefix.count).dropLast(".yaml".count))
    let text = try String(contentsOf: file, encoding: .utf8)
    pipelines[name] = try parsePipeline(text)
  }
  return pipelines
}

private func group(of name: String) -> String {
  name.split(separator: "/").dropLast().first.map(String.init) ?? ""
}

@Suite struct BuiltinPipelinesTests {
  @Test func namesAreSortedAndDefinedOnce() {
    #expect(BuiltinPipelines.names == BuiltinPipelines.sources.keys.sorted())
    let defined = BuiltinPipelines.groups.reduce(0) { $0 + $1.count }
    #expect(defined == BuiltinPipelines.sources.count)
  }

  @Test(arguments: BuiltinPipelines.names)
  func parsesAsOnePipeline(name: String) throws {
    let text = try #require(BuiltinPipelines.sources[name])
    let pipeline = try parsePipeline(text)
    let pairs = try #require(pipeline.mapping, "\(name) is not a mapping")

    let keys = pairs.compactMap { $0.key.scalar?.text }
    #expect(Set(keys).isSubset(of: ["name", "needs", "inputs", "pipeline"]), "\(name): \(keys)")
    let title = pipeline["name"]?.scalar?.text ?? ""
    #expect(!title.isEmpty, "\(name) has no name")

    let steps = try #require(pipeline["pipeline"]?.sequence, "\(name) has no pipeline")
    #expect(!steps.isEmpty, "\(name) has an empty pipeline")
    for step in steps {
      let stepKeys = Set((step.mapping ?? []).compactMap { $0.key.scalar?.text })
      #expect(stepKeys.isSubset(of: ["runs", "if", "working-directory", "uses", "with"]))
      #expect(stepKeys.contains("runs") != stepKeys.contains("uses"), "\(name): \(stepKeys)")
    }

    for pair in pipeline["inputs"]?.mapping ?? [] {
      let input = pair.key.scalar?.text ?? "?"
      let fields = Set((pair.value.mapping ?? []).compactMap { $0.key.scalar?.text })
      #expect(fields.contains("description"), "\(name).\(input) has no description")
      #expect(fields.isSubset(of: ["description", "default", "required"]), "\(name).\(input)")
      if let required = pair.value["required"]?.scalar?.text {
        #expect(["true", "false"].contains(required), "\(name).\(input) required: \(required)")
      }
    }
  }

  @Test(arguments: BuiltinPipelines.names)
  func substitutesOnlyKnownTokens(name: String) throws {
    let text = try #require(BuiltinPipelines.sources[name])
    let declared = Set(inputs(of: try parsePipeline(text)).keys)
    for token in substitutionTokens(in: text) {
      if token.hasPrefix("inputs.") {
        let input = String(token.dropFirst("inputs.".count))
        #expect(declared.contains(input), "\(name) uses undeclared input \(input)")
      } else {
        #expect(knownTokens.contains(token), "\(name) uses unknown token \(token)")
      }
    }
  }

  @Test(arguments: BuiltinPipelines.names)
  func loadsThroughThePipelineLibrary(name: String) {
    let library = PipelineLibrary(directories: [])
    switch library.lookup(name, projectDirectory: nil) {
    case .found(let definition):
      #expect(definition.name == name)
    case .invalid(_, let diagnostics):
      Issue.record("\(name) is invalid: \(diagnostics.map(\.description))")
    case .missing, .refused:
      Issue.record("\(name) was not found among the built-ins")
    }
  }

  @Test func usesNamesABuiltin() throws {
    for (name, text) in BuiltinPipelines.sources {
      let steps = try parsePipeline(text)["pipeline"]?.sequence ?? []
      for used in steps.compactMap({ $0["uses"]?.scalar?.text }) {
        #expect(BuiltinPipelines.sources[used] != nil, "\(name) uses unknown pipeline \(used)")
      }
    }
  }

  @Test(.enabled(if: melangeCorpus != nil, "melange pipeline corpus not found; comparison skipped"))
  func inputsMatchMelange() throws {
    let corpus = try #require(melangeCorpus)
    let melange = try melangePipelines(in: corpus)
    #expect(!melange.isEmpty)

    for (name, text) in BuiltinPipelines.sources {
      guard let theirs = melange[name] else { continue }
      let ours = inputs(of: try parsePipeline(text))
      let reference = inputs(of: theirs)
      #expect(Set(ours.keys) == Set(reference.keys), "\(name): input names differ")
      let oursRequired = Set(ours.filter(\.value.required).keys)
      let referenceRequired = Set(reference.filter(\.value.required).keys)
      #expect(oursRequired == referenceRequired, "\(name): required inputs differ")
      for (input, spec) in reference {
        #expect(ours[input]?.defaultText == spec.defaultText, "\(name).\(input): default")
      }
    }
  }

  @Test(.enabled(if: melangeCorpus != nil, "melange pipeline corpus not found; comparison skipped"))
  func needsMatchMelange() throws {
    let corpus = try #require(melangeCorpus)
    let melange = try melangePipelines(in: corpus)
    for (name, text) in BuiltinPipelines.sources {
      guard let theirs = melange[name] else { continue }
      let ours = neededPackages(of: try parsePipeline(text))
      #expect(ours == neededPackages(of: theirs), "\(name): needs.packages differ")
    }
  }

  @Test(.enabled(if: melangeCorpus != nil, "melange pipeline corpus not found; comparison skipped"))
  func coversMelangeGroups() throws {
    let corpus = try #require(melangeCorpus)
    let missing = try melangePipelines(in: corpus).keys
      .filter { coveredGroups.contains(group(of: $0)) && BuiltinPipelines.sources[$0] == nil }
    #expect(missing.isEmpty, "not built in: \(missing.sorted())")
  }
}
