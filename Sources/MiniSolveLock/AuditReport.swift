import MiniSolveYAML

/// Per image and architecture of a lock: how many packages its prod and dev variants hold
/// and, when compared, the size of the closure of the same root names in another repository
/// (the `debian` column: a distroless image against a Debian-based one).
public struct AuditReport: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var image: String
    public var architecture: String
    public var prod: Int
    public var dev: Int
    /// The other repository's closure of the prod roots; nil when not compared.
    public var debian: RepositoryClosure?
  }

  /// Sorted by image, then architecture.
  public var rows: [Row] = []
  public var isCompared = false

  public init(lock: Lock) {
    for name in sortedNames(lock.images.keys) {
      guard let image = lock.images[name] else { continue }
      for architecture in sortedNames(image.closures.keys) {
        let variants = image.closures[architecture] ?? [:]
        rows.append(
          Row(
            image: name, architecture: architecture,
            prod: variants["prod"]?.members.count ?? 0, dev: variants["dev"]?.members.count ?? 0))
      }
    }
    prodRoots = lock.images.mapValues { image in
      image.closures.mapValues { $0["prod"]?.roots ?? [] }
    }
  }

  private var prodRoots: [String: [String: [String]]] = [:]

  /// Fills the `debian` column: each row's prod roots solved over the comparison's repository.
  public mutating func compare(with comparison: inout RepositoryComparison) throws {
    for index in rows.indices {
      let roots = prodRoots[rows[index].image]?[rows[index].architecture] ?? []
      rows[index].debian = try comparison.closure(
        of: roots, architecture: rows[index].architecture)
    }
    isCompared = true
  }

  /// An aligned table, numbers to the right.
  public var text: String {
    let table = cells
    var widths = table[0].map(\.count)
    for row in table {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    var text = ""
    for row in table {
      var line = ""
      for (column, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        let isLast = column == row.count - 1
        if column > 0 { line += "  " }
        if column == 0 || column == 1 || (isCompared && isLast) {
          line += isLast ? cell : cell + padding
        } else {
          line += padding + cell
        }
      }
      text += line + "\n"
    }
    return text
  }

  /// A Markdown (GitHub) table.
  public var markdown: String {
    let table = cells
    let alignment = ["---", "---", "--:", "--:"] + (isCompared ? ["---"] : [])
    var lines = ["| " + table[0].joined(separator: " | ") + " |"]
    lines.append("|" + alignment.joined(separator: "|") + "|")
    lines += table.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `[{"image", "architecture", "prod", "dev", "debian": null | {"members", "absent"}}]`.
  public var json: JSONValue {
    .array(
      rows.map { row in
        .object([
          "image": .string(row.image), "architecture": .string(row.architecture),
          "prod": .int(row.prod), "dev": .int(row.dev),
          "debian": row.debian.map { closure in
            .object([
              "members": closure.members.map { .int($0) } ?? .null,
              "absent": .strings(closure.absent),
            ])
          } ?? .null,
        ])
      })
  }

  /// The header, then a line of cells per row.
  private var cells: [[String]] {
    var table = [["image", "architecture", "prod", "dev"] + (isCompared ? ["debian"] : [])]
    for row in rows {
      var line = [row.image, row.architecture, String(row.prod), String(row.dev)]
      if isCompared { line.append(row.debian.map(Self.describe) ?? "-") }
      table.append(line)
    }
    return table
  }

  /// `12`, `12 (absent: foo, bar)`, or `no closure` when the roots conflict there.
  private static func describe(_ closure: RepositoryClosure) -> String {
    let size = closure.members.map(String.init) ?? "no closure"
    guard !closure.absent.isEmpty else { return size }
    return "\(size) (absent: \(closure.absent.joined(separator: ", ")))"
  }
}
