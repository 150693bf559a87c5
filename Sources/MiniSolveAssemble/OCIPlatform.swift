import MiniSolveRecipe

/// The OCI platform of an architecture named as apk, Go or Debian name it.
struct OCIPlatform: Equatable {
  var architecture: String
  var variant: String?

  init(_ name: String) throws(AssembleError) {
    guard let known = Architecture.named(name) else {
      let names = Architecture.known.map(\.name).joined(separator: ", ")
      throw AssembleError("architecture '\(name)' has no OCI platform (known: \(names))")
    }
    architecture = known.goName
    variant = known.name == "armv7" ? "v7" : nil
  }

  /// The fields as the image config and the index's platform spell them.
  var fields: [String: String] {
    var fields = ["architecture": architecture, "os": "linux"]
    if let variant { fields["variant"] = variant }
    return fields
  }
}
