/// A variable or its negation, packed as `variable * 2 + (negated ? 1 : 0)` so that literals
/// index flat arrays (watch lists, values) directly. Variables count from 0.
public struct Literal: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let code: Int32

  public init(_ variable: Int32, negated: Bool = false) {
    code = variable &* 2 &+ (negated ? 1 : 0)
  }

  init(code: Int32) {
    self.code = code
  }

  public var variable: Int32 { code >> 1 }
  public var isNegated: Bool { code & 1 == 1 }
  public var negation: Literal { Literal(code: code ^ 1) }

  public static func < (lhs: Literal, rhs: Literal) -> Bool { lhs.code < rhs.code }

  public var description: String { isNegated ? "-\(variable)" : "\(variable)" }
}

/// A variable's value during search.
enum Value: Int8 {
  case unassigned = 0
  case satisfied = 1
  case falsified = -1
}
