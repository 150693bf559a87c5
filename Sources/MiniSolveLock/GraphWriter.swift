/// A `LockGraph` as Graphviz DOT or as a Mermaid flowchart: nodes in the graph's order, each
/// labelled with its name and version, edges labelled with the requirement.
public enum GraphWriter {
  /// Graphviz DOT; `dot -Tsvg` draws it.
  public static func dot(_ graph: LockGraph) -> String {
    var text = "digraph \(dotQuoted(graph.title)) {\n"
    text += "  rankdir=LR;\n  node [shape=box];\n"
    for node in graph.nodes {
      let label = dotQuoted(node.name + "\n" + node.detail)
      text += "  \(dotQuoted(node.id)) [label=\(label)\(node.isTop ? ", shape=folder" : "")];\n"
    }
    for edge in graph.edges {
      text +=
        "  \(dotQuoted(edge.from)) -> \(dotQuoted(edge.to)) "
        + "[label=\(dotQuoted(edge.requirement))];\n"
    }
    return text + "}\n"
  }

  /// A Mermaid flowchart, left to right; nodes are `n0`, `n1`, … in the graph's order.
  public static func mermaid(_ graph: LockGraph) -> String {
    var text = "---\ntitle: \(mermaidEscaped(graph.title))\n---\nflowchart LR\n"
    var ids: [String: String] = [:]
    for (index, node) in graph.nodes.enumerated() {
      let id = "n\(index)"
      ids[node.id] = id
      let label = "\"\(mermaidEscaped(node.name))<br>\(mermaidEscaped(node.detail))\""
      text += node.isTop ? "  \(id)[[\(label)]]\n" : "  \(id)[\(label)]\n"
    }
    for edge in graph.edges {
      guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
      text += "  \(from) -->|\"\(mermaidEscaped(edge.requirement))\"| \(to)\n"
    }
    return text
  }

  /// A DOT string: quoted, `"` and `\` escaped, a newline as DOT's centred line break.
  static func dotQuoted(_ text: String) -> String {
    "\"" + replacing(text, ["\"": "\\\"", "\\": "\\\\", "\n": "\\n"]) + "\""
  }

  /// Text for inside a Mermaid quoted label: characters Mermaid reads as markup become its
  /// entity codes (`#quot;`, `#lt;`, `#gt;`, `#35;` for `#`).
  static func mermaidEscaped(_ text: String) -> String {
    replacing(text, ["#": "#35;", "\"": "#quot;", "<": "#lt;", ">": "#gt;", "\n": " "])
  }

  private static func replacing(_ text: String, _ table: [Character: String]) -> String {
    var result = ""
    for character in text {
      if let replacement = table[character] {
        result += replacement
      } else {
        result.append(character)
      }
    }
    return result
  }
}
