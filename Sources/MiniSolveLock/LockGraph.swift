/// The dependency graph of a locked closure: a node per member, the image or recipe on top,
/// and an edge from each member's parent (the member, image or recipe that pulled it in)
/// labelled with the requirement. Nodes and edges are sorted, so the graph of a closure is
/// always written the same way.
public struct LockGraph: Sendable, Equatable {
  public struct Node: Sendable, Equatable {
    /// The member's name, or `image:NAME` / `recipe:NAME` for the top.
    public var id: String
    public var name: String
    /// The member's version, or `image, prod, x86_64` for the top.
    public var detail: String
    public var isTop: Bool
  }

  public struct Edge: Sendable, Equatable {
    public var from: String
    public var to: String
    public var requirement: String
  }

  /// `image hello (prod, x86_64)`.
  public var title: String
  public var nodes: [Node]
  public var edges: [Edge]

  /// The whole closure, or with `roots` the members those pulled in, directly or not (the
  /// roots included, the image or recipe left out).
  public init(_ selection: SelectedClosure, roots: [String] = []) throws {
    title = selection.title
    let topID = "\(selection.kind):\(selection.name)"
    var children: [String: [String]] = [:]
    var allEdges: [Edge] = []
    for member in selection.closure.members {
      let from = selection.isTop(member) ? topID : member.parent ?? topID
      guard from == topID || selection.member(named: from) != nil else {
        throw selection.brokenEdge(member)
      }
      children[from, default: []].append(member.name)
      allEdges.append(Edge(from: from, to: member.name, requirement: member.requirement))
    }

    var kept: Set<String>
    if roots.isEmpty {
      kept = Set(selection.closure.members.map(\.name) + [topID])
    } else {
      let names = selection.closure.members.map(\.name)
      if let unknown = roots.first(where: { !names.contains($0) }) {
        throw selection.unknownMember(unknown)
      }
      kept = []
      var pending = roots
      while let next = pending.popLast() {
        guard kept.insert(next).inserted else { continue }
        pending += children[next] ?? []
      }
    }

    nodes = selection.closure.members.filter { kept.contains($0.name) }.map {
      Node(id: $0.name, name: $0.name, detail: $0.version, isTop: false)
    }
    nodes.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    if kept.contains(topID) {
      let detail = "\(selection.kind), \(selection.variant), \(selection.architecture)"
      nodes.insert(Node(id: topID, name: selection.name, detail: detail, isTop: true), at: 0)
    }
    edges = allEdges.filter { kept.contains($0.from) && kept.contains($0.to) }
    edges.sort { a, b in
      // Edges from the top first, then by parent and member, in byte order.
      if (a.from == topID) != (b.from == topID) { return a.from == topID }
      if a.from != b.from { return a.from.utf8.lexicographicallyPrecedes(b.from.utf8) }
      return a.to.utf8.lexicographicallyPrecedes(b.to.utf8)
    }
  }
}
