extension BuiltinPipelines {
  /// Setting up, compiling and installing Meson projects.
  static let meson: [String: String] = [
    "meson/configure": #"""
    name: Set up a Meson build folder

    needs:
      packages:
        - meson

    inputs:
      output-dir:
        description: Build folder Meson sets up.
        default: output
      opts:
        description: More arguments for meson setup, such as -D options.

    pipeline:
      # Subprojects are never downloaded: anything the project needs beyond its own
      # tree must come from the recipe.
      - runs: |
          meson setup \
            --prefix=/usr \
            --wrap-mode=nodownload \
            ${{inputs.opts}} \
            "${{inputs.output-dir}}" .
    """#,
    "meson/compile": #"""
    name: Compile a Meson project

    needs:
      packages:
        - meson

    inputs:
      output-dir:
        description: Build folder meson/configure set up.
        default: output

    pipeline:
      - runs: |
          meson compile -C "${{inputs.output-dir}}" -j "$(nproc)"
    """#,
    "meson/install": #"""
    name: Install a compiled Meson project into the package

    needs:
      packages:
        - meson

    inputs:
      output-dir:
        description: Build folder meson/configure set up.
        default: output

    pipeline:
      - runs: |
          DESTDIR="${{targets.contextdir}}" meson install -C "${{inputs.output-dir}}"
    """#,
  ]
}
