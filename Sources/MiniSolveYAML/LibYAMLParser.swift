import CYaml

/// One parsing event, copied out of libyaml with 1-based marks.
enum YAMLEvent {
  case documentStart(Mark)
  case documentEnd
  case sequenceStart(anchor: String?, tag: String?, mark: Mark)
  case sequenceEnd
  case mappingStart(anchor: String?, tag: String?, mark: Mark)
  case mappingEnd
  case scalar(Scalar, anchor: String?, tag: String?, mark: Mark)
  case alias(String, mark: Mark)
  case streamEnd
}

/// The only place that calls libyaml: feeds it bytes and hands back events.
final class LibYAMLParser {
  /// libyaml's state, behind a pointer: a stored `var` of a class is checked for exclusive
  /// access on every use, once per event.
  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  private let buffer: UnsafeMutableBufferPointer<UInt8>

  init(bytes: [UInt8]) {
    buffer = .allocate(capacity: max(bytes.count, 1))
    _ = buffer.initialize(from: bytes)
    parser.initialize(to: yaml_parser_t())
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, buffer.baseAddress, bytes.count)
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
    buffer.deallocate()
  }

  /// The next event that matters to the composer; stream start is skipped.
  func next() throws -> YAMLEvent {
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
      defer { yaml_event_delete(&event) }

      let mark = Self.mark(event.start_mark)
      switch event.type {
      case YAML_STREAM_START_EVENT:
        continue
      case YAML_STREAM_END_EVENT:
        return .streamEnd
      case YAML_DOCUMENT_START_EVENT:
        return .documentStart(mark)
      case YAML_DOCUMENT_END_EVENT:
        return .documentEnd
      case YAML_ALIAS_EVENT:
        return .alias(Self.string(event.data.alias.anchor) ?? "", mark: mark)
      case YAML_SCALAR_EVENT:
        let data = event.data.scalar
        let text = Self.string(data.value, length: data.length)
        let scalar = Scalar(text, style: Self.style(data.style))
        return .scalar(
          scalar, anchor: Self.string(data.anchor), tag: Self.string(data.tag), mark: mark)
      case YAML_SEQUENCE_START_EVENT:
        let data = event.data.sequence_start
        return .sequenceStart(
          anchor: Self.string(data.anchor), tag: Self.string(data.tag), mark: mark)
      case YAML_SEQUENCE_END_EVENT:
        return .sequenceEnd
      case YAML_MAPPING_START_EVENT:
        let data = event.data.mapping_start
        return .mappingStart(
          anchor: Self.string(data.anchor), tag: Self.string(data.tag), mark: mark)
      case YAML_MAPPING_END_EVENT:
        return .mappingEnd
      default:
        continue
      }
    }
  }

  /// libyaml's problem and context as one message, at the problem's position.
  private func currentError() -> YAMLError {
    let parser = self.parser.pointee
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown libyaml error"
    var message = problem
    if let context = parser.context.map({ String(cString: $0) }) {
      let contextMark = Self.mark(parser.context_mark)
      message = "\(problem) \(context) (started at \(contextMark))"
    }
    if parser.error == YAML_READER_ERROR {
      let offset = parser.problem_offset
      let mark = UTF8Check.mark(ofOffset: offset, in: Array(buffer.prefix(offset)))
      return YAMLError(.invalidUTF8, at: mark, message)
    }
    let mark = Self.mark(parser.problem_mark)
    if !problem.contains("tab"), startsWithTab(line: mark.line) {
      return YAMLError(
        .syntax, at: Mark(line: mark.line, column: 1),
        "a tab character indents this line; YAML indents with spaces only")
    }
    return YAMLError(.syntax, at: mark, message)
  }

  /// Whether the 1-based line's indentation holds a tab, the usual cause of libyaml's
  /// "cannot start any token" at the start of a line.
  private func startsWithTab(line: Int) -> Bool {
    var current = 1
    var index = 0
    while current < line, index < buffer.count {
      if buffer[index] == 0x0A { current += 1 }
      index += 1
    }
    while index < buffer.count, buffer[index] == 0x20 || buffer[index] == 0x09 {
      if buffer[index] == 0x09 { return true }
      index += 1
    }
    return false
  }

  private static func mark(_ mark: yaml_mark_t) -> Mark {
    Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer, length > 0 else { return "" }
    let bytes = UnsafeBufferPointer(start: pointer, count: length)
    return String(decoding: bytes, as: UTF8.self)
  }
}
