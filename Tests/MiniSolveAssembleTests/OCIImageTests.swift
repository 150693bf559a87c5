import MiniSolveUniverse
import MiniSolveYAML
import Testing

@testable import MiniSolveAssemble

@Suite struct OCIImageTests {
  @Test func timestampsAreRFC3339InUTC() {
    #expect(OCIImage.timestamp(0) == "1970-01-01T00:00:00Z")
    #expect(OCIImage.timestamp(951_782_400) == "2000-02-29T00:00:00Z")
    #expect(OCIImage.timestamp(1_700_000_000) == "2023-11-14T22:13:20Z")
    #expect(OCIImage.timestamp(4_107_542_399) == "2100-02-28T23:59:59Z")
  }

  @Test func platforms() throws {
    #expect(try OCIPlatform("amd64") == OCIPlatform("x86_64"))
    #expect(try OCIPlatform("aarch64").fields == ["architecture": "arm64", "os": "linux"])
    #expect(try OCIPlatform("armhf").fields["variant"] == "v7")
    #expect(throws: AssembleError.self) { try OCIPlatform("pdp11") }
  }

  @Test func configCarriesTheSettings() throws {
    let settings = try ImageSettings(
      json: JSONParser.parse(
        """
        {"accounts": {"users": [{"username": "app", "uid": 65532}], "run-as": "app"},
         "entrypoint": {"command": "/app"}, "cmd": "serve", "work-dir": "/srv",
         "environment": {"PATH": "/bin", "Z": "z"}, "annotations": {"org.example": "yes"},
         "volumes": ["/data"], "stop-signal": "SIGQUIT"}
        """))
    let tar = try TarWriter.archive([.file("app", [1])], mtime: 0)
    let image = try OCIImage(
      layerTar: tar, settings: settings, platform: OCIPlatform("arm64"), epoch: 0,
      reference: "v1", comment: "c")
    let config = try JSONParser.parse(image.config.bytes)
    let run = config["config"]

    #expect(run?["Entrypoint"] == .strings(["/app"]))
    #expect(run?["Cmd"] == .strings(["serve"]))
    #expect(run?["User"] == .string("65532"))
    #expect(run?["WorkingDir"] == .string("/srv"))
    #expect(run?["StopSignal"] == .string("SIGQUIT"))
    #expect(run?["Volumes"] == .object(["/data": .object([:])]))
    #expect(
      run?["Env"]
        == .strings(["PATH=/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt", "Z=z"]))
    #expect(run?["Labels"]?["org.example"] == .string("yes"))
    #expect(run?["Labels"]?[OCIImage.scriptsAnnotation] == .string("not run"))
    #expect(config["architecture"] == .string("arm64"))
    #expect(config["created"] == .string("1970-01-01T00:00:00Z"))
    #expect(config["rootfs"]?["diff_ids"] == .strings(["sha256:" + SHA256.hash(tar).hex]))
    #expect(try Zlib.gunzip(image.layer.bytes) == tar)

    let manifest = try JSONParser.parse(image.manifest.bytes)
    #expect(manifest["config"]?["digest"] == .string("sha256:" + image.config.digest.hex))
    #expect(manifest["layers"] == .array([.object(image.layer.descriptor(OCIImage.layerType))]))
    #expect(manifest["annotations"]?[OCIImage.scriptsAnnotation] == .string("not run"))
    let index = try JSONParser.parse(image.index)
    #expect(index["manifests"] == .array([.object(indexEntry(image))]))
  }

  private func indexEntry(_ image: OCIImage) -> [String: JSONValue] {
    var entry = image.manifest.descriptor(OCIImage.manifestType)
    entry["platform"] = .object(["architecture": .string("arm64"), "os": .string("linux")])
    entry["annotations"] = .object(["org.opencontainers.image.ref.name": .string("v1")])
    return entry
  }
}
