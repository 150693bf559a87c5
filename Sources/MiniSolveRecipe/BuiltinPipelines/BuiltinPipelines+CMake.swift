extension BuiltinPipelines {
  /// Configuring, building and installing CMake projects with the Ninja generator.
  static let cmake: [String: String] = [
    "cmake/configure": #"""
    name: Generate a Ninja build for a CMake project

    needs:
      packages:
        - cmake
        - ninja

    inputs:
      output-dir:
        description: Build folder CMake generates into.
        default: output
      opts:
        description: More arguments for cmake, such as -D cache settings.

    pipeline:
      - runs: |
          cmake -S . -B "${{inputs.output-dir}}" -G Ninja \
            -DCMAKE_BUILD_TYPE=Release \
            -DCMAKE_INSTALL_PREFIX=/usr \
            -DCMAKE_INSTALL_LIBDIR=lib \
            -DCMAKE_VERBOSE_MAKEFILE=ON \
            ${{inputs.opts}}
    """#,
    "cmake/build": #"""
    name: Build a configured CMake project

    needs:
      packages:
        - cmake
        - ninja

    inputs:
      output-dir:
        description: Build folder cmake/configure generated.
        default: output
      opts:
        description: More arguments for cmake --build, such as --target.

    pipeline:
      - runs: |
          cmake --build "${{inputs.output-dir}}" --verbose ${{inputs.opts}}
    """#,
    "cmake/install": #"""
    name: Install a built CMake project into the package

    needs:
      packages:
        - cmake
        - ninja

    inputs:
      output-dir:
        description: Build folder cmake/configure generated.
        default: output

    pipeline:
      - runs: |
          DESTDIR="${{targets.contextdir}}" cmake --install "${{inputs.output-dir}}"
    """#,
  ]
}
