/// Roots as people type them: apk syntax (`openssl>=3.2`, `so:libc.so.6`) for apk universes;
/// for Debian ones Debian relation syntax (`libssl3 (>= 3.0)`, `python3:any`) or an apk-style
/// operator followed by a Debian version (`libcap2>=1:2.66`).
extension Constraint {
  public static func root(_ text: String, scheme: VersionScheme) throws -> Constraint {
    guard scheme == .debian else { return try Constraint.apk(text) }
    var relation = text
    let operators = ["<<", ">>", "<=", ">=", "=", "<", ">"]
    if !text.contains("("),
      let position = text.firstIndex(where: { "<>=".contains($0) })
    {
      let name = text[..<position]
      let rest = text[position...]
      if let spelled = operators.first(where: { rest.hasPrefix($0) }) {
        relation = "\(name) (\(spelled) \(rest.dropFirst(spelled.count)))"
      }
    }
    let groups = try Constraint.debianRelations(relation)
    guard groups.count == 1, let group = groups.first, group.count == 1, let root = group.first
    else { throw ConstraintError(message: "a root is one package, not a list", offset: 0) }
    if let problem = root.relation == .any ? nil : DebianVersion.problem(in: root.version) {
      throw ConstraintError(message: problem, offset: 0)
    }
    return root
  }
}
