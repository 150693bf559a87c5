import MiniSolveYAML

/// A CycloneDX 1.5 JSON BOM of one locked closure: the image (or recipe) as the metadata's
/// component, a component per member with its version, purl (also its `bom-ref`), licence
/// and SHA-256 where the lock has one, and dependencies: the image's on its roots and each
/// member's on those it pulled in.
public enum CycloneDXDocument {
  public static func json(_ subject: SBOMSubject) -> JSONValue {
    let selection = subject.selection
    let topRef = "\(selection.kind):\(selection.name)"
    var refs: [String: String] = [:]
    for member in selection.closure.members { refs[member.name] = PackageURL.of(member) }

    let components: [JSONValue] = selection.closure.members.map { member in
      var fields: [String: JSONValue] = [
        "type": .string("library"), "bom-ref": .string(refs[member.name] ?? ""),
        "name": .string(member.name), "version": .string(member.version),
        "purl": .string(PackageURL.of(member)),
        "properties": .array([
          property("minisolve:origin", "\(member.originKind) \(member.origin)"),
          property("minisolve:pulled-by", member.parent ?? "(root)"),
          property("minisolve:requirement", member.requirement),
        ]),
      ]
      if let license = SBOMSubject.license(of: member) { fields["licenses"] = licenses(license) }
      if let sha256 = SBOMSubject.sha256(of: member) {
        fields["hashes"] = .array([
          .object(["alg": .string("SHA-256"), "content": .string(sha256)])
        ])
      }
      return .object(fields)
    }

    var dependencies: [JSONValue] = [
      dependency(topRef, subject.tops.compactMap { refs[$0.name] })
    ]
    let children = subject.children
    for member in selection.closure.members {
      guard let ref = refs[member.name], let names = children[member.name] else { continue }
      dependencies.append(dependency(ref, names.compactMap { refs[$0] }))
    }

    var metadata: [String: JSONValue] = [
      "tools": .object([
        "components": .array([
          .object([
            "type": .string("application"), "name": .string("minisolve"),
            "version": .string(subject.toolVersion),
          ])
        ])
      ]),
      "component": .object([
        "type": .string(selection.kind == "image" ? "container" : "application"),
        "bom-ref": .string(topRef), "name": .string(selection.name),
        "properties": .array([
          property("minisolve:variant", selection.variant),
          property("minisolve:architecture", selection.architecture),
          property("minisolve:file", selection.file),
        ]),
      ]),
    ]
    if let created = subject.created { metadata["timestamp"] = .string(created) }
    return .object([
      "bomFormat": .string("CycloneDX"), "specVersion": .string("1.5"),
      "serialNumber": .string("urn:uuid:\(uuid(subject.documentDigest(format: "cyclonedx")))"),
      "version": .int(1), "metadata": .object(metadata), "components": .array(components),
      "dependencies": .array(dependencies),
    ])
  }

  /// An SPDX identifier as `license.id`, an expression as `expression`, other text as
  /// `license.name`.
  private static func licenses(_ declared: String) -> JSONValue {
    let license = SPDXLicense(declared)
    switch license {
    case .expression(let text) where license.isSingleIdentifier:
      return .array([.object(["license": .object(["id": .string(text)])])])
    case .expression(let text):
      return .array([.object(["expression": .string(text)])])
    case .other(let text):
      return .array([.object(["license": .object(["name": .string(text)])])])
    }
  }

  private static func property(_ name: String, _ value: String) -> JSONValue {
    .object(["name": .string(name), "value": .string(value)])
  }

  private static func dependency(_ ref: String, _ dependsOn: [String]) -> JSONValue {
    .object(["ref": .string(ref), "dependsOn": .strings(dependsOn)])
  }

  /// A UUID from the first 16 bytes of a hex digest, with the version-5 and RFC 4122 variant
  /// bits set, as CycloneDX's serial number pattern asks.
  static func uuid(_ hex: String) -> String {
    var digits = Array(hex.prefix(32))
    digits += Array(repeating: "0", count: 32 - digits.count)
    digits[12] = "5"
    let variant = Int(String(digits[16]), radix: 16) ?? 0
    digits[16] = Character(String((variant & 0x3) | 0x8, radix: 16))
    let text = String(digits)
    let cuts = [8, 12, 16, 20]
    var result = ""
    for (index, character) in text.enumerated() {
      if cuts.contains(index) { result += "-" }
      result.append(character)
    }
    return result
  }
}
