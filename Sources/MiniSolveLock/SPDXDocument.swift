import MiniSolveYAML

/// An SPDX 2.3 JSON document of one locked closure: the image (or recipe) as the package the
/// document describes, a package per member with its version, declared licence, purl and
/// SHA-256 where the lock has one, and relationships: the image CONTAINS every member, and
/// DEPENDS_ON from the image to its roots and from each member to those it pulled in.
public enum SPDXDocument {
  public static func json(_ subject: SBOMSubject) -> JSONValue {
    let selection = subject.selection
    let top = "SPDXRef-\(selection.kind == "image" ? "Image" : "Recipe")-\(idPart(selection.name))"
    let ids = identifiers(selection.closure.members, besides: top)

    var licenseRefs = LicenseRefs()
    var packages: [JSONValue] = [
      .object([
        "SPDXID": .string(top), "name": .string(selection.name),
        "downloadLocation": .string("NOASSERTION"), "filesAnalyzed": .bool(false),
        "licenseConcluded": .string("NOASSERTION"), "licenseDeclared": .string("NOASSERTION"),
        "copyrightText": .string("NOASSERTION"),
        "primaryPackagePurpose": .string(selection.kind == "image" ? "CONTAINER" : "SOURCE"),
        "comment": .string("\(selection.title), from \(selection.file)"),
      ])
    ]
    for member in selection.closure.members {
      let declared = SBOMSubject.license(of: member).map { licenseRefs.declared($0) }
      var fields: [String: JSONValue] = [
        "SPDXID": .string(ids[member.name] ?? ""), "name": .string(member.name),
        "versionInfo": .string(member.version), "downloadLocation": .string("NOASSERTION"),
        "filesAnalyzed": .bool(false), "licenseConcluded": .string("NOASSERTION"),
        "licenseDeclared": .string(declared ?? "NOASSERTION"),
        "copyrightText": .string("NOASSERTION"),
        "externalRefs": .array([
          .object([
            "referenceCategory": .string("PACKAGE-MANAGER"), "referenceType": .string("purl"),
            "referenceLocator": .string(PackageURL.of(member)),
          ])
        ]),
        "comment": .string("\(member.originKind) \(member.origin)"),
      ]
      if let sha256 = SBOMSubject.sha256(of: member) {
        fields["checksums"] = .array([
          .object(["algorithm": .string("SHA256"), "checksumValue": .string(sha256)])
        ])
      }
      packages.append(.object(fields))
    }

    var document: [String: JSONValue] = [
      "spdxVersion": .string("SPDX-2.3"), "dataLicense": .string("CC0-1.0"),
      "SPDXID": .string("SPDXRef-DOCUMENT"), "name": .string(selection.title),
      "documentNamespace": .string(
        "https://minisolve.invalid/spdx/\(PackageURL.encoded(selection.name))/"
          + "\(selection.variant)/\(selection.architecture)/"
          + subject.documentDigest(format: "spdx")),
      "creationInfo": .object([
        "created": .string(subject.created ?? SBOMSubject.fixedCreated),
        "creators": .strings(["Tool: minisolve-\(subject.toolVersion)"]),
      ]),
      "packages": .array(packages),
      "relationships": .array(relationships(subject, top: top, ids: ids)),
    ]
    if !licenseRefs.extracted.isEmpty {
      document["hasExtractedLicensingInfos"] = .array(licenseRefs.extracted)
    }
    return .object(document)
  }

  /// An SPDX identifier per member: `SPDXRef-Package-NAME`, numbered when two names look
  /// alike once spelt as identifiers allow.
  private static func identifiers(
    _ members: [LockedMember], besides top: String
  ) -> [String: String] {
    var ids: [String: String] = [:]
    var used: Set<String> = [top]
    for member in members {
      let base = "SPDXRef-Package-\(idPart(member.name))"
      var id = base
      var suffix = 2
      while used.contains(id) {
        id = "\(base)-\(suffix)"
        suffix += 1
      }
      used.insert(id)
      ids[member.name] = id
    }
    return ids
  }

  /// DESCRIBES the top first, then CONTAINS and DEPENDS_ON, sorted.
  private static func relationships(
    _ subject: SBOMSubject, top: String, ids: [String: String]
  ) -> [JSONValue] {
    var links: [(from: String, type: String, to: String)] = []
    for member in subject.selection.closure.members {
      if let id = ids[member.name] { links.append((top, "CONTAINS", id)) }
    }
    for member in subject.tops {
      if let id = ids[member.name] { links.append((top, "DEPENDS_ON", id)) }
    }
    for (parent, names) in subject.children {
      guard let from = ids[parent] else { continue }
      for name in names {
        if let to = ids[name] { links.append((from, "DEPENDS_ON", to)) }
      }
    }
    links.sort { a, b in
      if a.from != b.from { return a.from.utf8.lexicographicallyPrecedes(b.from.utf8) }
      if a.type != b.type { return a.type < b.type }
      return a.to.utf8.lexicographicallyPrecedes(b.to.utf8)
    }
    links.insert(("SPDXRef-DOCUMENT", "DESCRIBES", top), at: 0)
    return links.map { link in
      .object([
        "spdxElementId": .string(link.from), "relationshipType": .string(link.type),
        "relatedSpdxElement": .string(link.to),
      ])
    }
  }

  /// A name as SPDX identifiers allow it: letters, digits, `.` and `-`; anything else is `-`.
  static func idPart(_ name: String) -> String {
    var part = ""
    for scalar in name.unicodeScalars {
      let allowed =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
      part.unicodeScalars.append(allowed ? scalar : "-")
    }
    return part
  }

  /// The declared licences that are not SPDX expressions, each as a `LicenseRef-` of its own
  /// with the text as declared.
  private struct LicenseRefs {
    var byText: [String: String] = [:]
    var extracted: [JSONValue] = []

    /// The value for `licenseDeclared`.
    mutating func declared(_ text: String) -> String {
      if case .expression(let expression) = SPDXLicense(text) { return expression }
      if let known = byText[text] { return known }
      let base = "LicenseRef-\(SPDXDocument.idPart(text))"
      var id = base
      var suffix = 2
      while byText.values.contains(id) {
        id = "\(base)-\(suffix)"
        suffix += 1
      }
      byText[text] = id
      extracted.append(
        .object([
          "licenseId": .string(id), "name": .string(text), "extractedText": .string(text),
          "comment": .string("declared by the package; not an SPDX licence expression"),
        ]))
      return id
    }
  }
}
