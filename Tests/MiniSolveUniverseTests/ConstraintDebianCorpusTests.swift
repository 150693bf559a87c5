import Foundation
import Testing

@testable import MiniSolveUniverse

/// Every relationship field of the real Debian indexes parses, through the byte fast path.
@Suite struct ConstraintDebianCorpusTests {
  static let binaryFields: Set<String> = [
    "Depends", "Pre-Depends", "Recommends", "Suggests", "Enhances", "Breaks", "Conflicts",
    "Provides", "Replaces", "Built-Using",
  ]
  static let sourceFields: Set<String> = [
    "Build-Depends", "Build-Depends-Indep", "Build-Depends-Arch", "Build-Conflicts",
    "Build-Conflicts-Indep", "Build-Conflicts-Arch",
  ]

  @Test(arguments: [
    ("Packages-bookworm-main-amd64.xz", binaryFields),
    ("Packages-trixie-main-amd64.xz", binaryFields),
    ("Sources-bookworm-main.xz", sourceFields),
  ])
  func everyRelationFieldParses(_ file: String, _ fields: Set<String>) throws {
    guard let bytes = try DebianVersionCorpus.bytes(file) else {
      print("note: no \(file) in the corpus or no xz; skipping its relation fields")
      return
    }
    let values = DebianVersionCorpus.fieldValues(fields, in: bytes)
    try #require(values.count > 10_000)

    var failures: [String] = []
    var relations = 0
    bytes.withUnsafeBufferPointer { buffer in
      for (name, range) in values {
        do {
          let groups = try Constraint.debianRelations(UnsafeBufferPointer(rebasing: buffer[range]))
          relations += groups.reduce(0) { $0 + $1.count }
        } catch let error as ConstraintError {
          let text = String(decoding: buffer[range], as: UTF8.self)
          failures.append("\(name): \(text.prefix(200)): \(error)")
        } catch {
          failures.append("\(name): \(error)")
        }
      }
    }
    #expect(
      failures.isEmpty,
      "\(failures.count) fields fail:\n\(failures.prefix(50).joined(separator: "\n"))")
    #expect(relations > values.count)
  }
}
