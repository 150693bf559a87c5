import Foundation
import Testing

@testable import MiniSolveUniverse

/// DebianVersion.compare against the real `dpkg --compare-versions`, on random and real versions.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg")))
struct DebianVersionDpkgTests {
  @Test func randomPairsAgreeWithDpkg() throws {
    var random = SplitMix64(seed: 0x6d69_6e69_736f_6c76)
    var pairs: [(String, String)] = []
    while pairs.count < 2_000 {
      let first = randomVersion(&random)
      let second = random.next() % 5 == 0 ? randomVersion(&random) : mutated(first, &random)
      // Only versions dpkg parses without complaint: the cross-check is about order.
      guard DebianVersion.problem(in: first) == nil, DebianVersion.problem(in: second) == nil
      else { continue }
      pairs.append((first, second))
    }
    #expect(Set(pairs.map { DebianVersion.compare($0.0, $0.1).signum() }) == [-1, 0, 1])
    let disagreements = try disagreementsWithDpkg(pairs)
    #expect(disagreements.isEmpty, "disagreements with dpkg:\n\(disagreements)")
  }

  @Test func corpusPairsAgreeWithDpkg() throws {
    let file = "Packages-bookworm-main-amd64.xz"
    guard let bytes = try DebianVersionCorpus.bytes(file) else {
      print("note: no \(file) in the corpus or no xz; skipping the real-version half")
      return
    }
    let versions = Set(
      DebianVersionCorpus.fieldValues(["Version"], in: bytes).map {
        String(decoding: bytes[$0.range], as: UTF8.self).trimmingCharacters(in: .whitespaces)
      }
    ).sorted()
    try #require(versions.count > 1_000)

    // Half random pairs, half neighbours in byte order, which share long prefixes.
    var random = SplitMix64(seed: 0x636f_7270_7573)
    var pairs: [(String, String)] = []
    for _ in 0..<1_000 {
      let index = Int(random.next() % UInt64(versions.count - 1))
      pairs.append((versions[index], versions[index + 1]))
      pairs.append((versions[Int(random.next() % UInt64(versions.count))], versions[index]))
    }
    let disagreements = try disagreementsWithDpkg(pairs)
    #expect(disagreements.isEmpty, "disagreements with dpkg:\n\(disagreements)")
  }

  /// Runs one `sh` that asks dpkg about every pair; returns the pairs where the answers differ.
  private func disagreementsWithDpkg(_ pairs: [(String, String)]) throws -> String {
    // dpkg confirms DebianVersion's answer, one run a pair; only a refusal costs more runs.
    var script = """
      while read -r a op b; do
        dpkg --compare-versions "$a" "$op" "$b" 2>/dev/null; status=$?
        if [ $status -eq 0 ]; then echo ok
        elif [ $status -ne 1 ]; then echo error
        elif dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then echo '<'
        elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then echo '='
        else echo '>'; fi
      done <<'PAIRS'

      """
    var mine: [String] = []
    for (first, second) in pairs {
      let order = DebianVersion.compare(first, second)
      mine.append(order < 0 ? "<" : (order == 0 ? "=" : ">"))
      script += "\(first) \(order < 0 ? "lt" : (order == 0 ? "eq" : "gt")) \(second)\n"
    }
    // A last pair asked the wrong way round shows that a disagreement does get through.
    script += "1.0 gt 1.0.1\nPAIRS\n"

    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("minisolve-dpkg-\(UUID().uuidString).sh")
    try script.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let data = try runTool(["sh", url.path])

    let answers = String(decoding: data, as: UTF8.self).split(separator: "\n")
    try #require(
      answers.count == pairs.count + 1, "dpkg answered \(answers.count) of \(pairs.count)")
    try #require(
      answers.last == "<", "the wrong-way-round pair did not come back as a disagreement")
    var report = ""
    for ((first, second), (answer, order)) in zip(pairs, zip(answers, mine)) where answer != "ok" {
      report += "  \(first) \(second): dpkg \(answer), DebianVersion \(order)\n"
    }
    return report
  }

  /// `[epoch:]upstream[-revision]` from digits, letters and `~ + . -`, sometimes with long runs.
  private func randomVersion(_ random: inout SplitMix64) -> String {
    var text = ""
    if random.next() % 4 == 0 { text += "\(random.next() % 4):" }
    let hasRevision = random.next() % 2 == 0
    text += random.next() % 10 == 0 ? "a" : String(random.next() % 10)
    var alphabet = "0123456789012345abcxyzABZ.+~."
    if hasRevision { alphabet += "-" }
    if text.contains(":") { alphabet += ":" }
    for _ in 0..<(random.next() % 10) { text += randomRun(from: alphabet, &random) }
    if hasRevision {
      text += "-" + String(random.next() % 10)
      for _ in 0..<(random.next() % 5) { text += randomRun(from: "0123456789abzAZ.+~", &random) }
    }
    return text
  }

  /// One character, or now and then a long digit run or a run of zeros.
  private func randomRun(from alphabet: String, _ random: inout SplitMix64) -> String {
    switch random.next() % 40 {
    case 0: return String(repeating: "9", count: 15 + Int(random.next() % 30))
    case 1: return String(repeating: "0", count: 1 + Int(random.next() % 4))
    default:
      let characters = Array(alphabet)
      return String(characters[Int(random.next() % UInt64(characters.count))])
    }
  }

  /// A near copy of `version`: one character changed, inserted or dropped, or a tail added.
  private func mutated(_ version: String, _ random: inout SplitMix64) -> String {
    var characters = Array(version)
    let position = Int(random.next() % UInt64(characters.count))
    let replacement = Array("0123456789az~+.")[Int(random.next() % 15)]
    switch random.next() % 6 {
    case 0: characters[position] = replacement
    case 1: characters.insert(replacement, at: position)
    case 2 where characters.count > 1: characters.remove(at: position)
    case 3: characters += Array(["~", "+b1", ".0", "0", "a", "~~"][Int(random.next() % 6)])
    case 4: characters = Array("1:") + characters.filter { $0 != ":" }
    default: characters += Array("-1")
    }
    return String(characters)
  }
}

/// A small seeded generator, so every run asks dpkg the same questions.
private struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
    return mixed ^ (mixed >> 31)
  }
}
