/// Builds the node tree from libyaml's events: anchors, aliases, merge keys, and the checks
/// libyaml does not make (duplicate keys, depth, alias expansion, one document).
struct Composer {
  private enum Frame {
    case sequence(Sequence)
    case mapping(Mapping)
  }

  private struct Sequence {
    var items: [Node] = []
    var weight = 1
    var height = 1
    var mark: Mark
    var tag: String?
    var anchor: String?
  }

  private struct Mapping {
    var weight = 1
    var height = 1
    var pairs: [Pair] = []
    var pendingKey: Node?
    /// Keys seen, by text, once a mapping has many: small mappings are searched in `pairs`,
    /// which costs less than hashing every key of every mapping.
    var seenKeys: [String: Mark] = [:]
    var merges: [Node] = []
    var mark: Mark
    var tag: String?
    var anchor: String?
  }

  private let parser: LibYAMLParser
  private let limits: YAMLLimits
  private var stack: [Frame] = []
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
        try push(.sequence(Sequence(mark: mark, tag: tag, anchor: anchor)), at: mark)
      case .mappingStart(let anchor, let tag, let mark):
        try push(.mapping(Mapping(mark: mark, tag: tag, anchor: anchor)), at: mark)
      case .sequenceEnd, .mappingEnd:
        root = try pop() ?? root
      }
    }
  }

  private mutating func push(_ frame: Frame, at mark: Mark) throws {
    try checkDepth(stack.count + 1, at: mark)
    try count(1, at: mark)
    stack.append(frame)
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
    switch frame {
    case .sequence(let sequence):
      let node = Node(.sequence(sequence.items), mark: sequence.mark, tag: sequence.tag)
      return try finish(
        node, weight: sequence.weight, height: sequence.height, anchor: sequence.anchor)
    case .mapping(let mapping):
      let node = Node(.mapping(try merged(mapping)), mark: mapping.mark, tag: mapping.tag)
      return try finish(
        node, weight: mapping.weight, height: mapping.height, anchor: mapping.anchor)
    }
  }

  /// Records an anchor and adds a finished node to its parent; returns it when it is the root.
  /// `weight` counts the node's expanded nodes, `height` its levels of collections.
  private mutating func finish(
    _ node: Node, weight: Int, height: Int, anchor: String?
  ) throws -> Node? {
    if let anchor { anchors[anchor] = (node, weight, height) }
    guard let top = stack.popLast() else { return node }
    switch top {
    case .sequence(var sequence):
      sequence.items.append(node)
      sequence.weight += weight
      sequence.height = max(sequence.height, height + 1)
      stack.append(.sequence(sequence))
    case .mapping(var mapping):
      mapping.weight += weight
      mapping.height = max(mapping.height, height + 1)
      try add(node, to: &mapping)
      stack.append(.mapping(mapping))
    }
    return nil
  }

  /// Mappings with fewer pairs than this look for a duplicate key by scanning them.
  static let linearKeySearch = 16

  private func add(_ node: Node, to mapping: inout Mapping) throws {
    guard let key = mapping.pendingKey else {
      mapping.pendingKey = node
      return
    }
    mapping.pendingKey = nil
    // TODO(compat): keys compare by text (`1` and `01` differ); `!!merge <<` is a plain key.
    if let scalar = key.scalar, scalar.style == .plain, scalar.text == "<<", key.tag == nil {
      mapping.merges.append(node)
      return
    }
    if let text = key.scalar?.text {
      let first: Mark?
      if mapping.pairs.count < Self.linearKeySearch {
        first = mapping.pairs.first { $0.key.scalar?.text == text }?.key.mark
      } else {
        if mapping.seenKeys.isEmpty {
          for pair in mapping.pairs {
            if let seen = pair.key.scalar?.text { mapping.seenKeys[seen] = pair.key.mark }
          }
        }
        first = mapping.seenKeys[text]
        mapping.seenKeys[text] = key.mark
      }
      if let first {
        throw YAMLError(
          .duplicateKey, at: key.mark,
          "duplicate key '\(text)' (first defined at \(first))")
      }
    }
    mapping.pairs.append(Pair(key: key, value: node))
  }

  /// The pairs of a mapping with its `<<` merges applied: explicit keys win, earlier merges win.
  private func merged(_ mapping: Mapping) throws -> [Pair] {
    guard !mapping.merges.isEmpty else { return mapping.pairs }
    var pairs = mapping.pairs
    var present = Set(mapping.pairs.compactMap { $0.key.scalar?.text })
    for merge in mapping.merges {
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
