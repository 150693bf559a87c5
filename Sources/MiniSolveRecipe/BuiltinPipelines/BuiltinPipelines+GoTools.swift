extension BuiltinPipelines {
  /// Installing Go programs by import path, upgrading modules and reading coverage data.
  static let goTools: [String: String] = [
    "go/install": #"""
    name: Install a Go program by import path with go install

    needs:
      packages:
        - ${{inputs.go-package}}
        - build-base
        - busybox
        - ca-certificates-bundle
        - git

    inputs:
      go-package:
        description: Package that provides the Go toolchain.
        default: go
      package:
        description: Import path of the program to install.
        required: true
      version:
        description: |
          Version to install: a tag (v1.2.3), a commit, or a query such as latest.
          When empty, the version the current module selects is used.
      prefix:
        description: Installation prefix, relative to the package root.
        default: usr
      install-dir:
        description: Folder under prefix that receives the programs.
        default: bin
      tags:
        description: Build tags added to toolchaintags, separated by commas.
      toolchaintags:
        description: Build tags every build gets, separated by commas.
        default: netgo,osusergo
      ldflags:
        description: More linker flags for -ldflags, after strip.
      strip:
        description: |
          Linker flags that drop debug data. Symbol tables stay by default, as
          vulnerability scanners and crypto audits read them.
        default: -w
      experiments:
        description: GOEXPERIMENT names to build with, separated by commas.
        default: ""
      amd64:
        description: GOAMD64 microarchitecture level.
        default: v2
      arm64:
        description: GOARM64 microarchitecture level.
        default: v8.0

    pipeline:
      - runs: |
          set -e
          target="${{inputs.package}}"
          if [ -n "${{inputs.version}}" ]; then target="$target@${{inputs.version}}"; fi
          tags="${{inputs.toolchaintags}}"
          if [ -n "${{inputs.tags}}" ]; then tags="$tags,${{inputs.tags}}"; fi

          # go install writes into GOBIN; a fresh folder shows exactly what it built.
          GOBIN=$(mktemp -d)
          export GOBIN
          GOAMD64="${{inputs.amd64}}" GOARM64="${{inputs.arm64}}" \
          GOEXPERIMENT="${{inputs.experiments}}" \
            go install \
              -tags "$tags" \
              -ldflags "${{inputs.strip}} ${{inputs.ldflags}}" \
              -trimpath \
              "$target"

          out="${{targets.contextdir}}/${{inputs.prefix}}/${{inputs.install-dir}}"
          mkdir -p "$out"
          for program in "$GOBIN"/*; do
            [ -e "$program" ] || continue
            mv -v "$program" "$out/"
          done
          rmdir "$GOBIN"
    """#,
    "go/bump": #"""
    name: Raise Go module requirements with gobump

    needs:
      packages:
        - git
        - gobump

    inputs:
      deps:
        description: Modules to raise, as path@version, separated by spaces.
        required: true
      modroot:
        description: Folder holding go.mod.
        default: .
      replaces:
        description: Replace directives to add to go.mod, separated by spaces.
      go-version:
        description: Go language version to write in go.mod; unchanged when empty.
        default: ""
      tidy:
        description: When true, run go mod tidy before and after raising.
        default: true
      tidy-compat:
        description: Go version whose module loading the tidied go.mod and go.sum must suit.
        default: ""
      show-diff:
        description: When true, print how go.mod changed.
        default: false
      work:
        description: When true, vendor with go work vendor, for projects using a go.work file.
        default: false

    pipeline:
      - working-directory: ${{inputs.modroot}}
        runs: |
          gobump \
            --packages="${{inputs.deps}}" \
            --replaces="${{inputs.replaces}}" \
            --go-version="${{inputs.go-version}}" \
            --tidy="${{inputs.tidy}}" \
            --compat="${{inputs.tidy-compat}}" \
            --show-diff="${{inputs.show-diff}}" \
            --work="${{inputs.work}}"
    """#,
    "go/covdata": #"""
    name: Report statement coverage from Go coverage data

    # The toolchain is an input because some packages pin an older Go.
    needs:
      packages:
        - ${{inputs.package}}
        - busybox
        - jq

    inputs:
      package:
        description: Package that provides the Go toolchain.
        default: go
      cover-dir:
        description: |
          Folder the instrumented program wrote its coverage data to; GOCOVERDIR must
          have named it when the program ran.
        default: /home/build

    pipeline:
      - runs: |
          set -e
          # The last line of the report holds the total, such as "total (statements) 81.5%".
          total=$(go tool covdata func -i="${{inputs.cover-dir}}" |
            awk 'END { sub(/%$/, "", $NF); print $NF }')
          echo "go/covdata: statement coverage ${total}%"
    """#,
  ]
}
