extension BuiltinPipelines {
  /// Compiling Go programs from a module in the source tree.
  static let goBuild: [String: String] = [
    "go/build": #"""
    name: Compile Go packages from the source tree into one program

    needs:
      packages:
        - ${{inputs.go-package}}
        - build-base
        - busybox
        - ca-certificates-bundle

    inputs:
      go-package:
        description: Package that provides the Go toolchain.
        default: go
      packages:
        description: |
          Go packages or files to compile, separated by spaces, relative to modroot;
          given to go build as they are.
        required: true
      output:
        description: File name of the program, placed in prefix/install-dir.
        required: true
      modroot:
        description: Folder holding go.mod; the build runs there.
        default: .
        required: false
      prefix:
        description: Installation prefix, relative to the package root.
        default: usr
      install-dir:
        description: Folder under prefix that receives the program.
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
      deps:
        description: |
          Modules to upgrade before building, as path@version, separated by spaces;
          go mod tidy runs afterwards.
      vendor:
        description: When "true", refresh the vendor folder after upgrading deps.
        default: "false"
      tidy:
        description: When "true", run go mod tidy before building.
        default: "false"
      experiments:
        description: GOEXPERIMENT names to build with, separated by commas.
        default: ""
      extra-args:
        description: More arguments for go build, separated by spaces.
        default: ""
      amd64:
        description: GOAMD64 microarchitecture level.
        default: v2
      arm64:
        description: GOARM64 microarchitecture level.
        default: v8.0
      buildmode:
        description: Value of go build -buildmode (see go help buildmode).
        default: default
      ignore-untracked-files:
        description: |
          When "true", git ignores every untracked file during the build, so stray
          files do not mark the program's version control stamp as modified.
        default: "true"

    pipeline:
      - if: ${{inputs.ignore-untracked-files}} == 'true'
        runs: |
          mkdir -p "$HOME/.config/git"
          if [ -e "$HOME/.config/git/ignore" ]; then
            mv "$HOME/.config/git/ignore" "$HOME/.config/git/ignore.before-go-build"
          fi
          echo '**' > "$HOME/.config/git/ignore"
      - working-directory: ${{inputs.modroot}}
        runs: |
          set -e
          if [ ! -e go.mod ]; then
            echo "go/build: no go.mod in ${{inputs.modroot}}" >&2
            exit 1
          fi

          # Downloaded modules are kept in the build cache from one build to the next.
          export GOMODCACHE=/var/cache/melange/gomodcache

          if [ "${{inputs.tidy}}" = true ]; then go mod tidy; fi

          deps="${{inputs.deps}}"
          if [ -n "$deps" ]; then
            for module in $deps; do go get "$module"; done
            go mod tidy
            if [ "${{inputs.vendor}}" = true ]; then go mod vendor; fi
          fi

          # A recipe may leave its own go.mod and go.sum in the build home.
          for file in go.mod go.sum; do
            if [ -e "/home/build/$file.local" ]; then cp "/home/build/$file.local" "$file"; fi
          done

          tags="${{inputs.toolchaintags}}"
          if [ -n "${{inputs.tags}}" ]; then tags="$tags,${{inputs.tags}}"; fi
          out="${{targets.contextdir}}/${{inputs.prefix}}/${{inputs.install-dir}}"
          mkdir -p "$out"

          GOAMD64="${{inputs.amd64}}" GOARM64="${{inputs.arm64}}" \
          GOEXPERIMENT="${{inputs.experiments}}" \
            go build \
              -o "$out/${{inputs.output}}" \
              -tags "$tags" \
              -ldflags "${{inputs.strip}} ${{inputs.ldflags}}" \
              -trimpath \
              -buildmode ${{inputs.buildmode}} \
              ${{inputs.extra-args}} \
              ${{inputs.packages}}
      - if: ${{inputs.ignore-untracked-files}} == 'true'
        runs: |
          rm -f "$HOME/.config/git/ignore"
          if [ -e "$HOME/.config/git/ignore.before-go-build" ]; then
            mv "$HOME/.config/git/ignore.before-go-build" "$HOME/.config/git/ignore"
          fi
    """#,
    "go/build/v2": #"""
    name: Compile Go packages from the source tree and strip the result

    needs:
      packages:
        - busybox
        - ca-certificates-bundle

    inputs:
      packages:
        description: |
          Go packages or files to compile, separated by spaces, relative to modroot;
          "./..." builds every package of the module.
        default: .
      output:
        description: |
          File name of the program, placed in prefix/install-dir. When empty, go build
          names each program after its package.
        default: ""
      modroot:
        description: Folder holding go.mod; the build runs there.
        default: .
        required: false
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
      vendor:
        description: Accepted for compatibility with go/build; this version ignores it.
        default: "false"
      experiments:
        description: GOEXPERIMENT names to build with, separated by commas.
        default: ""
      extra-args:
        description: More arguments for go build, separated by spaces.
        default: ""
      amd64:
        description: GOAMD64 microarchitecture level.
        default: v2
      arm64:
        description: GOARM64 microarchitecture level.
        default: v8.0
      buildmode:
        description: Value of go build -buildmode (see go help buildmode).
        default: default
      ignore-untracked-files:
        description: |
          When "true", git ignores every untracked file during the build, so stray
          files do not mark the program's version control stamp as modified.
        default: "true"

    pipeline:
      - if: ${{inputs.ignore-untracked-files}} == 'true'
        runs: |
          mkdir -p "$HOME/.config/git"
          if [ -e "$HOME/.config/git/ignore" ]; then
            mv "$HOME/.config/git/ignore" "$HOME/.config/git/ignore.before-go-build"
          fi
          echo '**' > "$HOME/.config/git/ignore"
      - working-directory: ${{inputs.modroot}}
        runs: |
          set -e
          if [ ! -e go.mod ]; then
            echo "go/build/v2: no go.mod in ${{inputs.modroot}}" >&2
            exit 1
          fi

          # Downloaded modules are kept in the build cache from one build to the next.
          export GOMODCACHE=/var/cache/melange/gomodcache

          tags="${{inputs.toolchaintags}}"
          if [ -n "${{inputs.tags}}" ]; then tags="$tags,${{inputs.tags}}"; fi
          out="${{targets.contextdir}}/${{inputs.prefix}}/${{inputs.install-dir}}"
          mkdir -p "$out"

          # With no output name the path ends in "/", and go build fills the folder.
          GOAMD64="${{inputs.amd64}}" GOARM64="${{inputs.arm64}}" \
          GOEXPERIMENT="${{inputs.experiments}}" \
            go build \
              -o "$out/${{inputs.output}}" \
              -tags "$tags" \
              -ldflags "${{inputs.strip}} ${{inputs.ldflags}}" \
              -trimpath \
              -buildmode ${{inputs.buildmode}} \
              ${{inputs.extra-args}} \
              ${{inputs.packages}}
      - if: ${{inputs.ignore-untracked-files}} == 'true'
        runs: |
          rm -f "$HOME/.config/git/ignore"
          if [ -e "$HOME/.config/git/ignore.before-go-build" ]; then
            mv "$HOME/.config/git/ignore.before-go-build" "$HOME/.config/git/ignore"
          fi
      - uses: strip
    """#,
  ]
}
