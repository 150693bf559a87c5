@testable import MiniSolveUniverse

/// A small apk universe written in one line per package: `name version [source] -> deps`,
/// with `src:` lines for source packages and their build requirements.
func universe(_ lines: [String]) -> PackageSet {
  var builder = PackageSetBuilder()
  for (number, line) in lines.enumerated() {
    let halves = line.split(separator: ">", maxSplits: 1).map {
      String($0).trimmed(" -")
    }
    var words = halves[0].split(separator: " ").map(String.init)
    let isSource = words.first == "src:"
    if isSource { words.removeFirst() }
    var draft = PackageDraft(
      name: words[0], version: words[1], architecture: isSource ? "source" : "x86_64",
      scheme: .apk, file: "fixture", line: number + 1)
    draft.kind = isSource ? .source : .binary
    draft.source = isSource ? words[0] : words.count > 2 ? words[2] : words[0]
    let relations = halves.count > 1 ? halves[1].split(separator: " ").map(String.init) : []
    for (column, item) in relations.enumerated() {
      if item.hasPrefix("+") {
        draft.relations.append(
          .init(.provides, [Constraint(name: String(item.dropFirst()))], line: number + 1))
      } else {
        let kind: RelationKind = isSource ? .buildDepends : .depends
        let alternatives = item.split(separator: "|").map { Constraint(name: String($0)) }
        draft.relations.append(.init(kind, alternatives, line: number + 1, column: column + 1))
      }
    }
    builder.add(draft)
  }
  return builder.finish()
}

extension String {
  fileprivate func trimmed(_ set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }
}
