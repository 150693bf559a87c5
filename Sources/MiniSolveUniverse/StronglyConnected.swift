/// Strongly connected components of a directed graph, in dependency order.
enum StronglyConnected {
  /// The components of the graph whose node `n` has edges to `adjacency[n]`; each component's
  /// nodes ascend, and a component comes after every component it has edges to. Among
  /// components free to go next, the one with the smallest node goes first.
  static func components(_ adjacency: [[Int]]) -> [[Int]] {
    let found = tarjan(adjacency)
    var componentOf = [Int](repeating: 0, count: adjacency.count)
    for (index, component) in found.enumerated() {
      for node in component { componentOf[node] = index }
    }

    // Kahn's algorithm on the condensation: `waiting[c]` counts the components c needs.
    var waiting = [Int](repeating: 0, count: found.count)
    var needers = [[Int]](repeating: [], count: found.count)
    for (index, component) in found.enumerated() {
      let targets = Set(component.flatMap { adjacency[$0] }.map { componentOf[$0] })
      for target in targets where target != index {
        waiting[index] += 1
        needers[target].append(index)
      }
    }
    // Ready components keyed by their smallest node, which is unique to each.
    var ready = MinHeap()
    for index in found.indices where waiting[index] == 0 { ready.push(found[index][0]) }
    var ordered: [[Int]] = []
    while let smallest = ready.pop() {
      let component = componentOf[smallest]
      ordered.append(found[component])
      for needer in needers[component] {
        waiting[needer] -= 1
        if waiting[needer] == 0 { ready.push(found[needer][0]) }
      }
    }
    return ordered
  }

  /// Tarjan's algorithm without recursion, so deep graphs cannot overflow the stack.
  private static func tarjan(_ adjacency: [[Int]]) -> [[Int]] {
    let count = adjacency.count
    var index = [Int](repeating: -1, count: count)
    var lowLink = [Int](repeating: 0, count: count)
    var onStack = [Bool](repeating: false, count: count)
    var stack: [Int] = []
    var components: [[Int]] = []
    var counter = 0

    for root in 0..<count where index[root] < 0 {
      // Each frame is a node and the position of the next edge to look at.
      var frames: [(node: Int, edge: Int)] = [(root, 0)]
      index[root] = counter
      lowLink[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true

      while let (node, edge) = frames.last {
        if edge < adjacency[node].count {
          frames[frames.count - 1].edge += 1
          let next = adjacency[node][edge]
          if index[next] < 0 {
            index[next] = counter
            lowLink[next] = counter
            counter += 1
            stack.append(next)
            onStack[next] = true
            frames.append((next, 0))
          } else if onStack[next] {
            lowLink[node] = min(lowLink[node], index[next])
          }
          continue
        }

        frames.removeLast()
        if let parent = frames.last {
          lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
        }
        guard lowLink[node] == index[node] else { continue }
        var component: [Int] = []
        while let member = stack.popLast() {
          onStack[member] = false
          component.append(member)
          if member == node { break }
        }
        components.append(component.sorted())
      }
    }
    return components
  }
}

/// A binary min-heap of integers.
private struct MinHeap {
  private var items: [Int] = []

  mutating func push(_ item: Int) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Int? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    guard !items.isEmpty else { return top }
    items[0] = last
    var parent = 0
    while true {
      let left = parent * 2 + 1
      let right = left + 1
      var smallest = parent
      if left < items.count && items[left] < items[smallest] { smallest = left }
      if right < items.count && items[right] < items[smallest] { smallest = right }
      guard smallest != parent else { return top }
      items.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
