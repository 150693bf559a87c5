import MiniSolveYAML
import Testing

@testable import MiniSolveLock

@Suite struct CycloneDXDocumentTests {
  @Test func theDocumentIsExact() throws {
    let document = CycloneDXDocument.json(try SBOMFixture.subject())
    let serial = document["serialNumber"]?.stringValue ?? ""
    #expect(serial.hasPrefix("urn:uuid:"))
    #expect(
      document.rendered() == """
        {
          "bomFormat": "CycloneDX",
          "components": [
            {
              "bom-ref": "pkg:apk/app@1.0-r0?arch=x86_64",
              "licenses": [
                {
                  "license": {
                    "id": "MIT"
                  }
                }
              ],
              "name": "app",
              "properties": [
                {
                  "name": "minisolve:origin",
                  "value": "recipe recipes/app.yaml:3:9"
                },
                {
                  "name": "minisolve:pulled-by",
                  "value": "(root)"
                },
                {
                  "name": "minisolve:requirement",
                  "value": "app"
                }
              ],
              "purl": "pkg:apk/app@1.0-r0?arch=x86_64",
              "type": "library",
              "version": "1.0-r0"
            },
            {
              "bom-ref": "pkg:apk/libz@1.3.1-r0?arch=x86_64",
              "hashes": [
                {
                  "alg": "SHA-256",
                  "content": "\(SBOMFixture.digest.lowercased())"
                }
              ],
              "licenses": [
                {
                  "license": {
                    "name": "MIT AND custom"
                  }
                }
              ],
              "name": "libz",
              "properties": [
                {
                  "name": "minisolve:origin",
                  "value": "repository repo/APKINDEX:8"
                },
                {
                  "name": "minisolve:pulled-by",
                  "value": "app"
                },
                {
                  "name": "minisolve:requirement",
                  "value": "so:libz.so.1"
                }
              ],
              "purl": "pkg:apk/libz@1.3.1-r0?arch=x86_64",
              "type": "library",
              "version": "1.3.1-r0"
            },
            {
              "bom-ref": "pkg:apk/musl@1.2.5-r1?arch=x86_64",
              "name": "musl",
              "properties": [
                {
                  "name": "minisolve:origin",
                  "value": "repository repo/APKINDEX:1"
                },
                {
                  "name": "minisolve:pulled-by",
                  "value": "libz"
                },
                {
                  "name": "minisolve:requirement",
                  "value": "so:libc.musl-x86_64.so.1"
                }
              ],
              "purl": "pkg:apk/musl@1.2.5-r1?arch=x86_64",
              "type": "library",
              "version": "1.2.5-r1"
            }
          ],
          "dependencies": [
            {
              "dependsOn": [
                "pkg:apk/app@1.0-r0?arch=x86_64"
              ],
              "ref": "image:web"
            },
            {
              "dependsOn": [
                "pkg:apk/libz@1.3.1-r0?arch=x86_64"
              ],
              "ref": "pkg:apk/app@1.0-r0?arch=x86_64"
            },
            {
              "dependsOn": [
                "pkg:apk/musl@1.2.5-r1?arch=x86_64"
              ],
              "ref": "pkg:apk/libz@1.3.1-r0?arch=x86_64"
            }
          ],
          "metadata": {
            "component": {
              "bom-ref": "image:web",
              "name": "web",
              "properties": [
                {
                  "name": "minisolve:variant",
                  "value": "prod"
                },
                {
                  "name": "minisolve:architecture",
                  "value": "x86_64"
                },
                {
                  "name": "minisolve:file",
                  "value": "images/web.yaml"
                }
              ],
              "type": "container"
            },
            "tools": {
              "components": [
                {
                  "name": "minisolve",
                  "type": "application",
                  "version": "9.9.9"
                }
              ]
            }
          },
          "serialNumber": "\(serial)",
          "specVersion": "1.5",
          "version": 1
        }

        """)
  }

  @Test func theSerialNumberIsAStableUUIDAndTheTimestampOptional() throws {
    let first = CycloneDXDocument.json(try SBOMFixture.subject())
    #expect(first == CycloneDXDocument.json(try SBOMFixture.subject()))
    #expect(first["metadata"]?["timestamp"] == nil)
    let dated = CycloneDXDocument.json(try SBOMFixture.subject(created: "2025-01-31T12:00:00Z"))
    #expect(dated["metadata"]?["timestamp"] == .string("2025-01-31T12:00:00Z"))
    #expect(dated["serialNumber"] != first["serialNumber"])
    #expect(
      CycloneDXDocument.uuid(String(repeating: "f", count: 64))
        == "ffffffff-ffff-5fff-bfff-ffffffffffff")
    #expect(
      CycloneDXDocument.uuid(String(repeating: "0", count: 64))
        == "00000000-0000-5000-8000-000000000000")
  }

  @Test func expressionsAndIdentifiersAreTold() throws {
    var subject = try SBOMFixture.subject()
    subject.selection.closure.members[0].license = "mit or apache-2.0"
    let component = CycloneDXDocument.json(subject)["components"]
    guard case .array(let components) = component else {
      Issue.record("no components")
      return
    }
    #expect(
      components[0]["licenses"] == .array([.object(["expression": .string("MIT OR Apache-2.0")])]))
  }
}
