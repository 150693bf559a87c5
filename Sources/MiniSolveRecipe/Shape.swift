/// What a YAML value must look like: the decoder checks nodes against shapes, and the JSON
/// Schema in `schema/` is generated from the same shapes, so the two cannot drift apart.
indirect enum Shape: Sendable {
  /// Any non-null scalar, read as its source text.
  case string
  /// A plain decimal integer without leading zeros (`08` is refused, not read as octal).
  case integer
  /// `true` or `false`.
  case boolean
  /// A scalar whose text, after substitution, must be an integer (priorities).
  case integerText
  case list(Shape)
  /// A mapping with free keys, each value of one shape.
  case map(Shape)
  /// A mapping with known keys, described by the object definition of that name.
  case object(String)
}

/// One known key of an object.
struct Field: Sendable {
  var key: String
  var shape: Shape
  var required = false
  var summary: String

  init(_ key: String, _ shape: Shape, required: Bool = false, _ summary: String) {
    self.key = key
    self.shape = shape
    self.required = required
    self.summary = summary
  }
}

/// A mapping with a fixed set of keys.
struct ObjectShape: Sendable {
  var name: String
  var summary: String
  var fields: [Field]

  func field(_ key: String) -> Field? { fields.first { $0.key == key } }
}

/// A family of object definitions with a root, e.g. the recipe language.
struct SchemaDefinition: Sendable {
  var id: String
  var title: String
  var root: String
  var objects: [String: ObjectShape]

  init(id: String, title: String, root: String, objects: [ObjectShape]) {
    self.id = id
    self.title = title
    self.root = root
    self.objects = Dictionary(uniqueKeysWithValues: objects.map { ($0.name, $0) })
  }
}
