import MiniSolveUniverse
import MiniSolveYAML

/// A one-layer OCI image as the blobs of an image layout: the gzipped layer, the config and
/// the manifest, plus the `index.json` that names the manifest. Built only from its inputs,
/// so the same inputs give the same bytes.
struct OCIImage {
  static let manifestType = "application/vnd.oci.image.manifest.v1+json"
  static let configType = "application/vnd.oci.image.config.v1+json"
  static let layerType = "application/vnd.oci.image.layer.v1.tar+gzip"
  static let indexType = "application/vnd.oci.image.index.v1+json"
  /// The annotation saying that no package's maintainer scripts ran.
  static let scriptsAnnotation = "dev.minisolve.maintainer-scripts"

  /// A content-addressed blob.
  struct Blob {
    var bytes: [UInt8]
    var digest: SHA256Digest

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
      digest = SHA256.hash(bytes)
    }

    func descriptor(_ mediaType: String) -> [String: JSONValue] {
      [
        "mediaType": .string(mediaType), "digest": .string("sha256:\(digest.hex)"),
        "size": .int(bytes.count),
      ]
    }
  }

  var layer: Blob
  /// The digest of the uncompressed layer (the config's `diff_ids`).
  var diffID: SHA256Digest
  var config: Blob
  var manifest: Blob
  var index: [UInt8]
  static let layout = Array(
    JSONValue.object(["imageLayoutVersion": .string("1.0.0")]).rendered().utf8)

  /// The image of `layerTar` with `settings`; `comment` goes into the config's history.
  init(
    layerTar: [UInt8], settings: ImageSettings, platform: OCIPlatform, epoch: Int,
    reference: String, comment: String
  ) throws(AssembleError) {
    // TODO(compat): deflate output may change between zlib versions, so byte-identical layers
    // are promised for one zlib build, as for apko with one Go release.
    do {
      layer = Blob(try Zlib.gzip(layerTar))
    } catch {
      throw AssembleError("cannot compress the layer: \(error)")
    }
    diffID = SHA256.hash(layerTar)
    let created = Self.timestamp(epoch)

    var annotations = settings.annotations
    annotations["org.opencontainers.image.created"] = created
    annotations[Self.scriptsAnnotation] = "not run"
    let labels = JSONValue.object(annotations.mapValues { .string($0) })

    var fields = Self.runFields(settings)
    fields["Labels"] = labels
    var configJSON = platform.fields.mapValues { JSONValue.string($0) }
    configJSON["created"] = .string(created)
    configJSON["config"] = .object(fields)
    configJSON["rootfs"] = .object([
      "type": .string("layers"), "diff_ids": .strings(["sha256:\(diffID.hex)"]),
    ])
    configJSON["history"] = .array([
      .object([
        "created": .string(created), "created_by": .string("minisolve assemble"),
        "comment": .string(comment),
      ])
    ])
    config = Blob(Array(JSONValue.object(configJSON).rendered().utf8))

    manifest = Blob(
      Array(
        JSONValue.object([
          "schemaVersion": .int(2), "mediaType": .string(Self.manifestType),
          "config": .object(config.descriptor(Self.configType)),
          "layers": .array([.object(layer.descriptor(Self.layerType))]),
          "annotations": labels,
        ]).rendered().utf8))

    var entry = manifest.descriptor(Self.manifestType)
    entry["platform"] = .object(platform.fields.mapValues { .string($0) })
    entry["annotations"] = .object(["org.opencontainers.image.ref.name": .string(reference)])
    index = Array(
      JSONValue.object([
        "schemaVersion": .int(2), "mediaType": .string(Self.indexType),
        "manifests": .array([.object(entry)]),
      ]).rendered().utf8)
  }

  /// The config's `Entrypoint`, `Cmd`, `Env`, `User`, `WorkingDir`, `StopSignal`, `Volumes`.
  /// `PATH` and `SSL_CERT_FILE` get apko's defaults when the settings do not set them.
  private static func runFields(_ settings: ImageSettings) -> [String: JSONValue] {
    var fields: [String: JSONValue] = [:]
    if let entrypoint = settings.entrypoint { fields["Entrypoint"] = .strings(entrypoint) }
    if let cmd = settings.cmd { fields["Cmd"] = .strings(cmd) }
    if let workDir = settings.workDir { fields["WorkingDir"] = .string(workDir) }
    if let stopSignal = settings.stopSignal { fields["StopSignal"] = .string(stopSignal) }
    if !settings.volumes.isEmpty {
      fields["Volumes"] = .object(
        Dictionary(settings.volumes.map { ($0, JSONValue.object([:])) }) { first, _ in first })
    }

    var environment = settings.environment
    let defaults = [
      "PATH": "/usr/local/sbin:/usr/local/bin:/usr/bin:/usr/sbin:/sbin:/bin",
      "SSL_CERT_FILE": "/etc/ssl/certs/ca-certificates.crt",
    ]
    environment.merge(defaults) { set, _ in set }
    fields["Env"] = .strings(
      environment.map { "\($0.key)=\($0.value)" }.sorted {
        $0.utf8.lexicographicallyPrecedes($1.utf8)
      })

    // A user name that the accounts define becomes its uid, as apko does.
    if let runAs = settings.runAs {
      let user = ([AccountFiles.root] + settings.users).first { $0.username == runAs }
      fields["User"] = .string(user.map { String($0.uid) } ?? runAs)
    }
    return fields
  }

  /// `epoch` (seconds since 1970, UTC, not negative) as RFC 3339: `2024-01-31T12:00:00Z`.
  static func timestamp(_ epoch: Int) -> String {
    let days = epoch / 86_400
    let seconds = epoch % 86_400
    // Days to a civil date (proleptic Gregorian), counting eras of 400 years from 0000-03-01.
    let shifted = days + 719_468
    let era = shifted / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):"
      + "\(two(seconds % 60))Z"
  }
}
