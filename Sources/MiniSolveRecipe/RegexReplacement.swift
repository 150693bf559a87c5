import Foundation

/// Replace-all with a regular expression, as Go's `regexp.ReplaceAllString` does it for
/// var-transforms: `$1`, `${1}`, `$name` and `${name}` in the replacement, `$$` for a dollar,
/// and an unknown group giving the empty string.
struct RegexReplacement {
  let expression: NSRegularExpression
  private let groupNames: [String]

  // TODO(compat): patterns run on ICU, not RE2; constructs only one of them has differ.
  /// Compiles a Go (RE2) pattern; `(?P<name>...)` groups are accepted.
  init(pattern: String) throws {
    let translated = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
    expression = try NSRegularExpression(pattern: translated)
    groupNames = Self.groupNames(in: translated)
  }

  func replaceAll(in text: String, with template: String) -> String {
    let source = text as NSString
    var output = ""
    var last = 0
    let matches = expression.matches(in: text, range: NSRange(location: 0, length: source.length))
    for match in matches {
      output += source.substring(with: NSRange(location: last, length: match.range.location - last))
      output += expand(template, match: match, in: source)
      last = match.range.location + match.range.length
    }
    return output + source.substring(from: last)
  }

  private func expand(_ template: String, match: NSTextCheckingResult, in source: NSString)
    -> String
  {
    var output = ""
    let characters = Array(template.unicodeScalars)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      guard character == "$", index < characters.count else {
        output.unicodeScalars.append(character)
        continue
      }
      if characters[index] == "$" {
        output += "$"
        index += 1
        continue
      }
      var name = ""
      var next = index
      if characters[index] == "{" {
        next += 1
        while next < characters.count, Self.isNameCharacter(characters[next]) {
          name.unicodeScalars.append(characters[next])
          next += 1
        }
        // Go keeps `${` literally unless a name and the closing brace follow.
        guard !name.isEmpty, next < characters.count, characters[next] == "}" else {
          output += "$"
          continue
        }
        next += 1
      } else {
        while next < characters.count, Self.isNameCharacter(characters[next]) {
          name.unicodeScalars.append(characters[next])
          next += 1
        }
      }
      if name.isEmpty {
        output += "$"
        continue
      }
      index = next
      output += group(name, of: match, in: source)
    }
    return output
  }

  private func group(_ name: String, of match: NSTextCheckingResult, in source: NSString) -> String
  {
    let range: NSRange
    // As in Go, a number is all digits without a leading zero; `01` names a group.
    let isNumber =
      name.utf8.allSatisfy { (48...57).contains($0) }
      && (name.utf8.count == 1 || name.utf8.first != 48)
    if isNumber, let number = Int(name) {
      guard number < match.numberOfRanges else { return "" }
      range = match.range(at: number)
    } else {
      guard groupNames.contains(name) else { return "" }
      range = match.range(withName: name)
    }
    return range.location == NSNotFound ? "" : source.substring(with: range)
  }

  private static func isNameCharacter(_ character: Unicode.Scalar) -> Bool {
    character == "_" || character.properties.isAlphabetic && character.isASCII
      || ("0"..."9").contains(character)
  }

  private static func groupNames(in pattern: String) -> [String] {
    var names: [String] = []
    var rest = Substring(pattern)
    while let start = rest.range(of: "(?<") {
      let after = rest[start.upperBound...]
      if after.hasPrefix("=") || after.hasPrefix("!") {
        rest = after
        continue
      }
      guard let end = after.firstIndex(of: ">") else { break }
      let name = String(after[..<end])
      if !name.isEmpty { names.append(name) }
      rest = after[end...]
    }
    return names
  }
}
