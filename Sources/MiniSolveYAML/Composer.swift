/// Builds the node tree from libyaml's events: anchors, aliases, merge keys, and the checks
/// libyaml does not make (duplicate keys, depth, alias expansion, one document).
struct Composer {
  /// An open collection. Its finished children wait in `children` from `start` on (a
  /// mapping's as key, value, key, ...), so that adding one touches no array held in a frame.
  private struct Frame {
    var isMapping: Bool
    var start: Int
    var weight = 1
    var height = 1
    var mark: Mark
    var tag: String?
    var anchor: String?
    /// Keys seen, by text, once a mapping has many: small mappings are searched in
    /// `children`, which costs less than hashing every key of every mapping.
    var seenKeys: [String: Mark] = [:]
    /// The values of the mapping's `<<` keys, applied when it closes.
    var merges: [Node] = []
  }

  private let parser: LibYAMLParser
  private let limits: YAMLLimits
  private var stack: [Frame] = []
  private var children: [Node] = []
  private var anchors: [String: (node: Node, weight: Int, height: Int)] = [:]
  private var expandedNodes = 0

  init(parser: LibYAMLParser, limits: YAMLLimits) {
    self.parser = parser
    self.limits = limits
  }

  /// The single document's root, or nil for a stream without a document.
  mutating func compose() throws -> Node? {
    var root: Node?
    var documents = 0
    while true {
      switch try parser.next() {
      case .streamEnd:
        return root
      case .documentStart(let mark):
        documents += 1
        if documents > 1 {
          throw YAMLError(
            .multipleDocuments, at: mark,
            "more than one YAML document; a file holds exactly one")
        }
      case .documentEnd:
        continue
      case .scalar(let scalar, let anchor, let tag, let mark):
        let node = Node(.scalar(scalar), mark: mark, tag: tag)
        try count(1, at: mark)
        root = try finish(node, weight: 1, height: 0, anchor: anchor) ?? root
      case .alias(let name, let mark):
        guard let anchored = anchors[name] else {
          throw YAMLError(.undefinedAlias, at: mark, "alias '*\(name)' names no earlier anchor")
        }
        try count(anchored.weight, at: mark)
        try checkDepth(stack.count + anchored.height, at: mark)
        // The repeated node stands where the alias is written; the nodes inside keep their marks.
        var node = anchored.node
        node.mark = mark
        root =
          try finish(node, weight: anchored.weight, height: anchored.height, anchor: nil) ?? root
      case .sequenceStart(let anchor, let tag, let mark):
        try push(isMapping: false, anchor: anchor, tag: tag, at: mark)
      case .mappingStart(let anchor, let tag, let mark):
        try push(isMapping: true, anchor: anchor, tag: tag, at: mark)
      case .sequenceEnd, .mappingEnd:
        root = try pop() ?? root
      }
    }
  }

  private mutating func push(isMapping: Bool, anchor: String?, tag: String?, at mark: Mark) throws {
    try checkDepth(stack.count + 1, at: mark)
    try count(1, at: mark)
    stack.append(
      Frame(isMapping: isMapping, start: children.count, mark: mark, tag: tag, anchor: anchor))
  }

  /// Refuses a collection nested `depth` levels deep, whether written out or reached by an alias.
  private func checkDepth(_ depth: Int, at mark: Mark) throws {
    if depth > limits.maximumDepth {
      throw YAMLError(
        .depthLimit, at: mark, "nesting deeper than \(limits.maximumDepth) levels")
    }
  }

  private mutating func count(_ nodes: Int, at mark: Mark) throws {
    expandedNodes += nodes
    if expandedNodes > limits.maximumExpandedNodes {
      throw YAMLError(
        .aliasLimit, at: mark,
        "document expands to more than \(limits.maximumExpandedNodes) nodes"
          + " (aliases expanding without bound?)")
    }
  }

  /// Closes the innermost collection and hands it to its parent.
  private mutating func pop() throws -> Node? {
    guard let frame = stack.popLast() else { return nil }
    let node: Node
    if frame.isMapping {
      var pairs: [Pair] = []
      pairs.reserveCapacity((children.count - frame.start) / 2)
      var index = frame.start
      while index + 1 < children.count {
        pairs.append(Pair(key: children[index], value: children[index + 1]))
        index += 2
      }
      node = Node(
        .mapping(try merged(pairs, merges: frame.merges)), mark: frame.mark, tag: frame.tag)
    } else {
      node = Node(.sequence(Array(children[frame.start...])), mark: frame.mark, tag: frame.tag)
    }
    children.removeSubrange(frame.start...)
    return try finish(node, weight: frame.weight, height: frame.height, anchor: frame.anchor)
  }

  /// Records an anchor and adds a finished node to its parent; returns it when it is the root.
  /// `weight` counts the node's expanded nodes, `height` its levels of collections.
  private mutating func finish(
    _ node: Node, weight: Int, height: Int, anchor: String?
  ) throws -> Node? {
    if let anchor { anchors[anchor] = (node, weight, height) }
    let top = stack.count - 1
    guard top >= 0 else { return node }
    stack[top].weight += weight
    stack[top].height = max(stack[top].height, height + 1)
    if stack[top].isMapping && (children.count - stack[top].start) % 2 == 1 {
      try addValue(node, to: top)
    } else {
      children.append(node)
    }
    return nil
  }

  /// Mappings with fewer pairs than this look for a duplicate key by scanning them.
  static let linearKeySearch = 16

  /// Adds the value of the mapping's last key (the last child): a `<<` key's value becomes a
  /// merge, any other key is checked against the mapping's earlier keys.
  private mutating func addValue(_ node: Node, to top: Int) throws {
    let key = children[children.count - 1]
    // TODO(compat): keys compare by text (`1` and `01` differ); `!!merge <<` is a plain key.
    if let scalar = key.scalar, scalar.style == .plain, scalar.text == "<<", key.tag == nil {
      children.removeLast()
      stack[top].merges.append(node)
      return
    }
    if let text = key.scalar?.text {
      let start = stack[top].start
      let pairCount = (children.count - 1 - start) / 2
      var first: Mark?
      if pairCount < Self.linearKeySearch {
        var index = start
        while index < children.count - 1 {
          if children[index].scalar?.text == text {
            first = children[index].mark
            break
          }
          index += 2
        }
      } else {
        if stack[top].seenKeys.isEmpty {
          var index = start
          while index < children.count - 1 {
            if let seen = children[index].scalar?.text {
              stack[top].seenKeys[seen] = children[index].mark
            }
            index += 2
          }
        }
        first = stack[top].seenKeys[text]
        stack[top].seenKeys[text] = key.mark
      }
      if let first {
        throw YAMLError(
          .duplicateKey, at: key.mark,
          "duplicate key '\(text)' (first defined at \(first))")
      }
    }
    children.append(node)
  }

  /// The pairs of a mapping with its `<<` merges applied: explicit keys win, earlier merges win.
  private func merged(_ explicit: [Pair], merges: [Node]) throws -> [Pair] {
    guard !merges.isEmpty else { return explicit }
    var pairs = explicit
    var present = Set(explicit.compactMap { $0.key.scalar?.text })
    for merge in merges {
      let sources = merge.sequence ?? [merge]
      for source in sources {
        guard let sourcePairs = source.mapping else {
          throw YAMLError(
            .invalidMerge, at: source.mark,
            "'<<' merges a mapping or a sequence of mappings, not a \(source.kindName)")
        }
        for pair in sourcePairs {
          // Keys that are not scalars cannot be compared, so each one is kept.
          guard let text = pair.key.scalar?.text else {
            pairs.append(pair)
            continue
          }
          if present.insert(text).inserted { pairs.append(pair) }
        }
      }
    }
    return pairs
  }
}
