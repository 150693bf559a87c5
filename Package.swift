// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "minisolve",
  products: [
    .executable(name: "minisolve", targets: ["minisolve"])
  ],
  targets: [
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "MiniSolveYAML", dependencies: ["CYaml"]),
    .target(name: "MiniSolveRecipe", dependencies: ["MiniSolveYAML"]),
    .target(name: "MiniSolveCLI", dependencies: ["MiniSolveYAML", "MiniSolveRecipe"]),
    .executableTarget(name: "minisolve", dependencies: ["MiniSolveCLI"]),
    .testTarget(name: "MiniSolveYAMLTests", dependencies: ["MiniSolveYAML"]),
    .testTarget(name: "MiniSolveRecipeTests", dependencies: ["MiniSolveRecipe"]),
    .testTarget(name: "MiniSolveCLITests", dependencies: ["MiniSolveCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
