/// Splits a command line into words as a POSIX shell would, without expansions: blanks
/// separate words, single quotes keep everything, double quotes keep all but `\"`, `\\`, `\$`
/// and `` \` ``, and a backslash outside quotes keeps the next character.
// TODO(compat): apko splits with google/shlex, which also drops a `#` comment; here `#` is text.
enum ShellWords {
  enum Failure: Error, Equatable {
    case unclosedQuote(Character)
    case trailingBackslash
  }

  static func split(_ line: String) throws(Failure) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case " ", "\t", "\n":
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "'":
        inWord = true
        while true {
          guard let next = characters.next() else { throw .unclosedQuote("'") }
          if next == "'" { break }
          word.append(next)
        }
      case "\"":
        inWord = true
        while true {
          guard let next = characters.next() else { throw .unclosedQuote("\"") }
          if next == "\"" { break }
          if next == "\\" {
            guard let escaped = characters.next() else { throw .unclosedQuote("\"") }
            if !"\"\\$`".contains(escaped) { word.append("\\") }
            word.append(escaped)
          } else {
            word.append(next)
          }
        }
      case "\\":
        guard let escaped = characters.next() else { throw .trailingBackslash }
        inWord = true
        word.append(escaped)
      default:
        inWord = true
        word.append(character)
      }
    }
    if inWord { words.append(word) }
    return words
  }
}
