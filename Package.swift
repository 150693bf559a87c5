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
    .systemLibrary(
      name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
    .target(name: "MiniSolveYAML", dependencies: ["CYaml"]),
    .target(name: "MiniSolveRecipe", dependencies: ["MiniSolveYAML"]),
    .target(
      name: "MiniSolveUniverse",
      dependencies: ["MiniSolveYAML", "MiniSolveRecipe", "CZlib", "CLZMA", "CCrypto", "CLZ4"]),
    .target(name: "MiniSolveIndex", dependencies: ["MiniSolveUniverse", "CSQLite"]),
    .target(name: "MiniSolveSolver", dependencies: ["MiniSolveUniverse"]),
    .target(
      name: "MiniSolveLock",
      dependencies: ["MiniSolveSolver", "MiniSolveIndex", "MiniSolveUniverse", "MiniSolveRecipe"]),
    .target(
      name: "MiniSolveAssemble",
      dependencies: ["MiniSolveUniverse", "MiniSolveRecipe", "MiniSolveYAML", "CZstd"]),
    .target(
      name: "MiniSolveCLI",
      dependencies: [
        "MiniSolveYAML", "MiniSolveRecipe", "MiniSolveUniverse", "MiniSolveIndex",
        "MiniSolveSolver", "MiniSolveLock", "MiniSolveAssemble",
      ]),
    .executableTarget(name: "minisolve", dependencies: ["MiniSolveCLI"]),
    .testTarget(name: "MiniSolveYAMLTests", dependencies: ["MiniSolveYAML"]),
    .testTarget(name: "MiniSolveRecipeTests", dependencies: ["MiniSolveRecipe"]),
    .testTarget(name: "MiniSolveUniverseTests", dependencies: ["MiniSolveUniverse"]),
    .testTarget(name: "MiniSolveIndexTests", dependencies: ["MiniSolveIndex"]),
    .testTarget(name: "MiniSolveSolverTests", dependencies: ["MiniSolveSolver"]),
    .testTarget(name: "MiniSolveLockTests", dependencies: ["MiniSolveLock"]),
    .testTarget(
      name: "MiniSolveAssembleTests", dependencies: ["MiniSolveAssemble", "MiniSolveCLI"]),
    .testTarget(name: "MiniSolveCLITests", dependencies: ["MiniSolveCLI", "MiniSolveYAML"]),
  ],
  swiftLanguageModes: [.v6]
)
