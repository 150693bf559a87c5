@testable import MiniSolveYAML

/// Test input with position markers `«name»` taken out, and the mark where each marker stood.
struct MarkedInput {
  var text: String
  private var marks: [String: Mark] = [:]

  init(_ marked: String) {
    text = ""
    var line = 1
    var column = 1
    var rest = marked.unicodeScalars[...]
    while let scalar = rest.popFirst() {
      if scalar == "«" {
        let name = rest.prefix { $0 != "»" }
        marks[String(String.UnicodeScalarView(name))] = Mark(line: line, column: column)
        rest = rest.dropFirst(name.count + 1)
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
  }

  /// The mark of a marker; a missing marker is a mistake in the test itself.
  subscript(name: String) -> Mark {
    guard let mark = marks[name] else { fatalError("no marker «\(name)» in the test input") }
    return mark
  }
}

/// A node as one line of flow YAML, quoted as its source was: `{a: '1', b: [x, y]}`.
func shorthand(_ node: Node) -> String {
  let tag = node.tag.map { "!<\($0)> " } ?? ""
  switch node.content {
  case .scalar(let scalar):
    switch scalar.style {
    case .plain: return tag + scalar.text
    case .singleQuoted: return tag + "'\(scalar.text)'"
    case .doubleQuoted: return tag + "\"\(scalar.text)\""
    case .literal: return tag + "|\(scalar.text.debugDescription)"
    case .folded: return tag + ">\(scalar.text.debugDescription)"
    }
  case .sequence(let items):
    return tag + "[" + items.map(shorthand).joined(separator: ", ") + "]"
  case .mapping(let pairs):
    let entries = pairs.map { shorthand($0.key) + ": " + shorthand($0.value) }
    return tag + "{" + entries.joined(separator: ", ") + "}"
  }
}

/// The error reading `text` throws, or nil when it reads without one.
func readingError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
  readingError(Array(text.utf8), limits: limits)
}

func readingError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
  do {
    _ = try YAMLReader.parse(bytes, limits: limits)
    return nil
  } catch let error as YAMLError {
    return error
  } catch {
    return YAMLError(.io, at: .start, "unexpected error type: \(error)")
  }
}
