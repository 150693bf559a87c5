import MiniSolveRecipe
import MiniSolveYAML

/// Feeds one input to the strict JSON reader (which reads locks back) and to the image and
/// project file decoders; every value read is rendered again, and read back must be equal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))

  if let value = try? JSONParser.parse(bytes) {
    let again = try? JSONParser.parse(value.rendered())
    precondition(again == value, "JSON read back differs from what was rendered")
  }
  let image = ProjectFileDecoder.image(bytes, path: "/fuzz/images/x.yaml")
  if let settings = image.image?.settings {
    precondition(
      (try? JSONParser.parse(settings.rendered())) == settings, "image settings do not round-trip")
  }
  for diagnostic in image.diagnostics { blackHole(diagnostic.description.utf8.count) }
  let project = ProjectFileDecoder.project(bytes, path: "/fuzz/minisolve.yaml")
  for diagnostic in project.diagnostics { blackHole(diagnostic.description.utf8.count) }
  return 0
}

@inline(never)
func blackHole(_ value: Int) {
  if value == -1 { print(value) }
}
