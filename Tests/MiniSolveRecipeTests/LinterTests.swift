import Foundation
import Testing

@testable import MiniSolveRecipe

/// The repository's example project, found from this file's path.
private let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/hello")
  .path

@Suite struct LinterTests {
  @Test func aFileIsAPipelineWhenAFolderOnItsPathIsNamedPipelines() {
    let files = Linter.files(in: [
      example + "/pipelines/greet/install.yaml", example + "/recipes/hello.yaml",
      example + "/pipelines",
    ]).files
    // The folder holds only the file given first, which is listed once.
    #expect(files.map(\.isPipeline) == [true, false])
    #expect(Linter.files(in: [example + "/pipelines"]).files.map(\.isPipeline) == [true])
    #expect(Linter.files(in: [example + "/recipes"]).files.allSatisfy { !$0.isPipeline })
  }

  @Test func aPipelineNamedAsAFileLintsClean() {
    let linter = Linter(
      library: PipelineLibrary(directories: []),
      architectures: ["x86_64"].compactMap(Architecture.named))
    let path = example + "/pipelines/greet/install.yaml"
    let file = Linter.files(in: [path]).files[0]
    #expect(linter.lint(file.path, asPipeline: file.isPipeline).isEmpty)
  }
}
