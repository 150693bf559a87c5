import MiniSolveYAML

/// Writes a schema definition as JSON Schema 2020-12, for editors (yaml-language-server) and
/// for `check-jsonschema`. `schema/*.schema.json` are this output, checked by a test.
public enum JSONSchemaWriter {
  public static var recipe: JSONValue { document(RecipeSchema.recipe) }
  public static var pipeline: JSONValue { document(RecipeSchema.pipeline) }
  public static var image: JSONValue { document(ImageSchema.image) }
  public static var project: JSONValue { document(ImageSchema.project) }

  static func document(_ definition: SchemaDefinition) -> JSONValue {
    var defs: [String: JSONValue] = [:]
    for (name, object) in definition.objects { defs[name] = objectSchema(object) }
    return .object([
      "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
      "$id": .string(definition.id),
      "title": .string(definition.title),
      "$ref": .string("#/$defs/\(definition.root)"),
      "$defs": .object(defs),
    ])
  }

  private static func objectSchema(_ object: ObjectShape) -> JSONValue {
    var properties: [String: JSONValue] = [:]
    for field in object.fields {
      var schema = shapeSchema(field.shape, required: field.required)
      if case .object(var members) = schema {
        members["description"] = .string(field.summary)
        schema = .object(members)
      }
      properties[field.key] = schema
    }
    var members: [String: JSONValue] = [
      "type": .strings(["object", "null"]),
      "description": .string(object.summary),
      "properties": .object(properties),
      "additionalProperties": .bool(false),
    ]
    let required = object.fields.filter(\.required).map(\.key)
    if !required.isEmpty { members["required"] = .strings(required) }
    return .object(members)
  }

  /// A null value is allowed where a key is optional: decoding treats it as absent.
  private static func shapeSchema(_ shape: Shape, required: Bool = false) -> JSONValue {
    switch shape {
    case .string:
      let types = ["string", "number", "boolean"] + (required ? [] : ["null"])
      return .object(["type": .strings(types)])
    case .integerText:
      return .object([
        "type": .strings(["string", "integer"]),
        "pattern": .string("^(-?[0-9]+|.*\\$\\{\\{.*\\}\\}.*)$"),
      ])
    case .integer:
      return .object(["type": .strings(["integer", "null"])])
    case .boolean:
      return .object(["type": .strings(["boolean", "null"])])
    case .list(let item):
      let items: JSONValue
      if case .string = item {
        items = .object(["type": .strings(["string", "number", "boolean"])])
      } else {
        items = shapeSchema(item)
      }
      return .object(["type": .strings(["array", "null"]), "items": items])
    case .map(let value):
      return .object([
        "type": .strings(["object", "null"]), "additionalProperties": shapeSchema(value),
      ])
    case .object(let name):
      return .object(["$ref": .string("#/$defs/\(name)")])
    }
  }
}
