import MiniSolveYAML
import Testing

@testable import MiniSolveLock

@Suite struct SPDXDocumentTests {
  @Test func theDocumentIsExact() throws {
    let document = SPDXDocument.json(try SBOMFixture.subject())
    let namespace = document["documentNamespace"]?.stringValue ?? ""
    let prefix = "https://minisolve.invalid/spdx/web/prod/x86_64/"
    #expect(namespace.hasPrefix(prefix))
    #expect(namespace.utf8.count == prefix.utf8.count + 64)
    #expect(
      document.rendered() == """
        {
          "SPDXID": "SPDXRef-DOCUMENT",
          "creationInfo": {
            "created": "1970-01-01T00:00:00Z",
            "creators": [
              "Tool: minisolve-9.9.9"
            ]
          },
          "dataLicense": "CC0-1.0",
          "documentNamespace": "\(namespace)",
          "hasExtractedLicensingInfos": [
            {
              "comment": "declared by the package; not an SPDX licence expression",
              "extractedText": "MIT AND custom",
              "licenseId": "LicenseRef-MIT-AND-custom",
              "name": "MIT AND custom"
            }
          ],
          "name": "image web (prod, x86_64)",
          "packages": [
            {
              "SPDXID": "SPDXRef-Image-web",
              "comment": "image web (prod, x86_64), from images/web.yaml",
              "copyrightText": "NOASSERTION",
              "downloadLocation": "NOASSERTION",
              "filesAnalyzed": false,
              "licenseConcluded": "NOASSERTION",
              "licenseDeclared": "NOASSERTION",
              "name": "web",
              "primaryPackagePurpose": "CONTAINER"
            },
            {
              "SPDXID": "SPDXRef-Package-app",
              "comment": "recipe recipes/app.yaml:3:9",
              "copyrightText": "NOASSERTION",
              "downloadLocation": "NOASSERTION",
              "externalRefs": [
                {
                  "referenceCategory": "PACKAGE-MANAGER",
                  "referenceLocator": "pkg:apk/app@1.0-r0?arch=x86_64",
                  "referenceType": "purl"
                }
              ],
              "filesAnalyzed": false,
              "licenseConcluded": "NOASSERTION",
              "licenseDeclared": "MIT",
              "name": "app",
              "versionInfo": "1.0-r0"
            },
            {
              "SPDXID": "SPDXRef-Package-libz",
              "checksums": [
                {
                  "algorithm": "SHA256",
                  "checksumValue": "\(SBOMFixture.digest.lowercased())"
                }
              ],
              "comment": "repository repo/APKINDEX:8",
              "copyrightText": "NOASSERTION",
              "downloadLocation": "NOASSERTION",
              "externalRefs": [
                {
                  "referenceCategory": "PACKAGE-MANAGER",
                  "referenceLocator": "pkg:apk/libz@1.3.1-r0?arch=x86_64",
                  "referenceType": "purl"
                }
              ],
              "filesAnalyzed": false,
              "licenseConcluded": "NOASSERTION",
              "licenseDeclared": "LicenseRef-MIT-AND-custom",
              "name": "libz",
              "versionInfo": "1.3.1-r0"
            },
            {
              "SPDXID": "SPDXRef-Package-musl",
              "comment": "repository repo/APKINDEX:1",
              "copyrightText": "NOASSERTION",
              "downloadLocation": "NOASSERTION",
              "externalRefs": [
                {
                  "referenceCategory": "PACKAGE-MANAGER",
                  "referenceLocator": "pkg:apk/musl@1.2.5-r1?arch=x86_64",
                  "referenceType": "purl"
                }
              ],
              "filesAnalyzed": false,
              "licenseConcluded": "NOASSERTION",
              "licenseDeclared": "NOASSERTION",
              "name": "musl",
              "versionInfo": "1.2.5-r1"
            }
          ],
          "relationships": [
            {
              "relatedSpdxElement": "SPDXRef-Image-web",
              "relationshipType": "DESCRIBES",
              "spdxElementId": "SPDXRef-DOCUMENT"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-app",
              "relationshipType": "CONTAINS",
              "spdxElementId": "SPDXRef-Image-web"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-libz",
              "relationshipType": "CONTAINS",
              "spdxElementId": "SPDXRef-Image-web"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-musl",
              "relationshipType": "CONTAINS",
              "spdxElementId": "SPDXRef-Image-web"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-app",
              "relationshipType": "DEPENDS_ON",
              "spdxElementId": "SPDXRef-Image-web"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-libz",
              "relationshipType": "DEPENDS_ON",
              "spdxElementId": "SPDXRef-Package-app"
            },
            {
              "relatedSpdxElement": "SPDXRef-Package-musl",
              "relationshipType": "DEPENDS_ON",
              "spdxElementId": "SPDXRef-Package-libz"
            }
          ],
          "spdxVersion": "SPDX-2.3"
        }

        """)
  }

  @Test func theNamespaceDependsOnTheLockAndTheTimeOnly() throws {
    let first = SPDXDocument.json(try SBOMFixture.subject())
    let again = SPDXDocument.json(try SBOMFixture.subject())
    #expect(first == again)
    let dated = SPDXDocument.json(try SBOMFixture.subject(created: "2025-01-31T12:00:00Z"))
    #expect(dated["creationInfo"]?["created"] == .string("2025-01-31T12:00:00Z"))
    #expect(dated["documentNamespace"] != first["documentNamespace"])
  }

  @Test func identifiersKeepOnlyWhatSPDXAllows() {
    #expect(SPDXDocument.idPart("libstdc++6_x.y-z") == "libstdc--6-x.y-z")
  }
}
