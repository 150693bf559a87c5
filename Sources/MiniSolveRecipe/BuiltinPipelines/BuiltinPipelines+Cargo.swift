extension BuiltinPipelines {
  /// Building Rust programs with cargo, recording their dependencies in the binary.
  static let cargo: [String: String] = [
    "cargo/build": #"""
    name: Build Rust programs with cargo auditable and install them

    needs:
      packages:
        - build-base
        - busybox
        - cargo-auditable
        - rust

    inputs:
      output:
        description: |
          File name of the one program to install, placed in prefix/install-dir.
          When empty, every program in output-dir is installed.
      opts:
        description: Arguments for cargo build.
        default: --release
      modroot:
        description: Folder holding the Cargo.toml to build; the build runs there.
        default: .
        required: false
      rustflags:
        description: Flags for every rustc run, separated by spaces (RUSTFLAGS).
        default: ""
        required: false
      prefix:
        description: Installation prefix, relative to the package root.
        default: usr
      install-dir:
        description: Folder under prefix that receives the programs.
        default: bin
      output-dir:
        description: Folder, relative to modroot, where cargo leaves the programs.
        default: target/release
      jobs:
        description: How many jobs cargo runs at once; one per processor when empty.

    pipeline:
      - working-directory: ${{inputs.modroot}}
        runs: |
          set -e
          bindir="${{targets.contextdir}}/${{inputs.prefix}}/${{inputs.install-dir}}"
          built="${{inputs.output-dir}}"

          set --
          if [ -n "${{inputs.jobs}}" ]; then set -- --jobs "${{inputs.jobs}}"; fi
          RUSTFLAGS="${{inputs.rustflags}}" \
            cargo auditable build --target-dir target ${{inputs.opts}} "$@"

          if [ -n "${{inputs.output}}" ]; then
            install -D -m 755 "$built/${{inputs.output}}" "$bindir/${{inputs.output}}"
          else
            # Programs are the executable files at the top of the output folder.
            mkdir -p "$bindir"
            find "$built" -maxdepth 1 -type f -perm -100 |
              while IFS= read -r program; do
                install -m 755 "$program" "$bindir/${program##*/}"
              done
          fi
    """#
  ]
}
