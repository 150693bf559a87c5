import Foundation
import MiniSolveYAML
import Testing

@testable import MiniSolveRecipe

/// The members of an object value, or empty for anything else.
private func members(_ value: JSONValue?) -> [String: JSONValue] {
  if case .object(let members) = value { return members }
  return [:]
}

/// The `$defs` entry of `name` in a schema document.
private func definition(_ name: String, in document: JSONValue) -> [String: JSONValue] {
  members(members(document)["$defs"]?.objectMember(name))
}

/// Every `$ref` anywhere below `value`.
private func references(in value: JSONValue) -> [String] {
  switch value {
  case .array(let items):
    return items.flatMap(references(in:))
  case .object(let members):
    var found: [String] = []
    if case .string(let target) = members["$ref"] { found.append(target) }
    for key in members.keys.sorted() {
      if let member = members[key] { found += references(in: member) }
    }
    return found
  default:
    return []
  }
}

extension JSONValue {
  fileprivate func objectMember(_ key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}

/// The checked-in schema file of that name, when the package checkout holds one.
private func checkedInSchema(_ name: String) -> String? {
  var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  while folder.path != "/" {
    let manifest = folder.appendingPathComponent("Package.swift")
    if FileManager.default.fileExists(atPath: manifest.path) {
      let file = folder.appendingPathComponent("schema/\(name)")
      return try? String(contentsOf: file, encoding: .utf8)
    }
    folder.deleteLastPathComponent()
  }
  return nil
}

private let nullableStrings: JSONValue = .strings(["string", "number", "boolean", "null"])

@Suite struct JSONSchemaWriterTests {
  // MARK: A small definition, whole

  @Test func smallDefinitionRendersExactly() {
    let small = SchemaDefinition(
      id: "x", title: "T", root: "A",
      objects: [
        ObjectShape(
          name: "A", summary: "An A.", fields: [Field("n", .boolean, required: true, "N.")])
      ])
    let expected = """
      {
        "$defs": {
          "A": {
            "additionalProperties": false,
            "description": "An A.",
            "properties": {
              "n": {
                "description": "N.",
                "type": [
                  "boolean",
                  "null"
                ]
              }
            },
            "required": [
              "n"
            ],
            "type": [
              "object",
              "null"
            ]
          }
        },
        "$id": "x",
        "$ref": "#/$defs/A",
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "T"
      }

      """
    #expect(JSONSchemaWriter.document(small).rendered() == expected)
  }

  @Test func everyShapeKind() {
    let kinds = SchemaDefinition(
      id: "k", title: "Kinds", root: "Top",
      objects: [
        ObjectShape(
          name: "Top", summary: "Top.",
          fields: [
            Field("text", .string, "Text."),
            Field("count", .integer, "Count."),
            Field("on", .boolean, "On."),
            Field("priority", .integerText, "Priority."),
            Field("tags", .list(.string), "Tags."),
            Field("env", .map(.string), "Env."),
            Field("kids", .list(.object("Top")), "Kids."),
            Field("child", .object("Top"), "Child."),
          ])
      ])
    let properties = members(definition("Top", in: JSONSchemaWriter.document(kinds))["properties"])
    #expect(
      properties["text"] == .object(["type": nullableStrings, "description": .string("Text.")]))
    #expect(
      properties["count"]
        == .object(["type": .strings(["integer", "null"]), "description": .string("Count.")]))
    #expect(
      properties["on"]
        == .object(["type": .strings(["boolean", "null"]), "description": .string("On.")]))
    #expect(
      properties["priority"]
        == .object([
          "type": .strings(["string", "integer"]),
          "pattern": .string(#"^(-?[0-9]+|.*\$\{\{.*\}\}.*)$"#),
          "description": .string("Priority."),
        ]))
    #expect(
      properties["tags"]
        == .object([
          "type": .strings(["array", "null"]),
          "items": .object(["type": .strings(["string", "number", "boolean"])]),
          "description": .string("Tags."),
        ]))
    #expect(
      properties["env"]
        == .object([
          "type": .strings(["object", "null"]),
          "additionalProperties": .object(["type": nullableStrings]),
          "description": .string("Env."),
        ]))
    #expect(
      properties["kids"]
        == .object([
          "type": .strings(["array", "null"]),
          "items": .object(["$ref": .string("#/$defs/Top")]),
          "description": .string("Kids."),
        ]))
    #expect(
      properties["child"]
        == .object(["$ref": .string("#/$defs/Top"), "description": .string("Child.")]))
  }

  @Test func noRequiredFieldsMeansNoRequiredKey() {
    let loose = SchemaDefinition(
      id: "l", title: "L", root: "A",
      objects: [ObjectShape(name: "A", summary: "A.", fields: [Field("x", .string, "X.")])])
    #expect(definition("A", in: JSONSchemaWriter.document(loose))["required"] == nil)
  }

  // MARK: The recipe language

  @Test func everyRecipeObjectIsADefinition() {
    let document = JSONSchemaWriter.recipe
    let defs = members(members(document)["$defs"])
    #expect(Set(defs.keys) == Set(RecipeSchema.recipe.objects.keys))
    for (name, object) in RecipeSchema.recipe.objects {
      let entry = members(defs[name])
      #expect(entry["additionalProperties"] == .bool(false), "\(name)")
      #expect(entry["type"] == .strings(["object", "null"]), "\(name)")
      #expect(entry["description"] == .string(object.summary), "\(name)")
      #expect(Set(members(entry["properties"]).keys) == Set(object.fields.map(\.key)), "\(name)")
      let required = object.fields.filter(\.required).map(\.key)
      #expect(entry["required"] == (required.isEmpty ? nil : .strings(required)), "\(name)")
    }
  }

  @Test func requiredListsOfTheRecipeLanguage() {
    let document = JSONSchemaWriter.recipe
    #expect(definition("Recipe", in: document)["required"] == .strings(["package"]))
    #expect(definition("Package", in: document)["required"] == .strings(["name", "version"]))
    #expect(definition("Subpackage", in: document)["required"] == .strings(["name"]))
    #expect(definition("DataSet", in: document)["required"] == .strings(["name", "items"]))
    #expect(
      definition("VarTransform", in: document)["required"]
        == .strings(["from", "match", "replace", "to"]))
    #expect(definition("Copyright", in: document)["required"] == .strings(["license"]))
    #expect(definition("Environment", in: document)["required"] == nil)
    #expect(definition("Step", in: document)["required"] == nil)
  }

  @Test func recipeDocumentHeader() {
    let document = members(JSONSchemaWriter.recipe)
    #expect(document["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    #expect(document["$id"] == .string("https://minisolve.dev/schema/recipe.schema.json"))
    #expect(document["title"] == .string("minisolve recipe (the melange recipe language)"))
    #expect(document["$ref"] == .string("#/$defs/Recipe"))
  }

  @Test func recipeFieldsOfNote() {
    let document = JSONSchemaWriter.recipe
    let package = members(definition("Package", in: document)["properties"])
    #expect(
      package["epoch"]
        == .object([
          "type": .strings(["integer", "null"]),
          "description": .string("Release number of this version (the `-rN`)."),
        ]))
    let recipe = members(definition("Recipe", in: document)["properties"])
    #expect(
      recipe["pipeline"]
        == .object([
          "type": .strings(["array", "null"]),
          "items": .object(["$ref": .string("#/$defs/Step")]),
          "description": .string("The build steps, in order."),
        ]))
    let options = members(recipe["options"])
    #expect(options["additionalProperties"] == .object(["$ref": .string("#/$defs/BuildOption")]))
  }

  @Test func everyReferenceResolves() {
    for document in [JSONSchemaWriter.recipe, JSONSchemaWriter.pipeline] {
      let defs = members(members(document)["$defs"])
      for target in references(in: document) {
        #expect(target.hasPrefix("#/$defs/"), "\(target)")
        #expect(defs[String(target.dropFirst("#/$defs/".count))] != nil, "\(target)")
      }
    }
  }

  // MARK: Pipelines

  @Test func pipelineDocumentHoldsTheStepFamily() {
    let document = JSONSchemaWriter.pipeline
    let defs = members(members(document)["$defs"])
    #expect(defs.keys.sorted() == ["Assertions", "Input", "Needs", "PipelineFile", "Step"])
    #expect(members(document)["$ref"] == .string("#/$defs/PipelineFile"))
    let file = definition("PipelineFile", in: document)
    #expect(file["additionalProperties"] == .bool(false))
    #expect(file["required"] == nil)
    #expect(
      Set(members(file["properties"]).keys) == Set(RecipeSchema.stepFields.map(\.key)))
  }

  // MARK: Rendering

  @Test func renderingIsStable() {
    #expect(JSONSchemaWriter.recipe.rendered() == JSONSchemaWriter.recipe.rendered())
    #expect(JSONSchemaWriter.recipe.rendered().hasSuffix("}\n"))
  }

  @Test(arguments: [
    ("recipe.schema.json", JSONSchemaWriter.recipe),
    ("pipeline.schema.json", JSONSchemaWriter.pipeline),
    ("image.schema.json", JSONSchemaWriter.image),
    ("project.schema.json", JSONSchemaWriter.project),
  ])
  func checkedInSchemaIsTheWritersOutput(file: String, written: JSONValue) throws {
    let text = try #require(checkedInSchema(file), "schema/\(file) not found")
    #expect(text == written.rendered())
  }
}
