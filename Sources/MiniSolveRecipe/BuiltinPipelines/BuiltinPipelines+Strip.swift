extension BuiltinPipelines {
  /// Removing symbols from the native ELF objects of the package being built.
  static let strip: [String: String] = [
    "strip": #"""
    name: Strip symbols from the package's native ELF files

    needs:
      packages:
        - binutils
        - scanelf

    inputs:
      opts:
        description: Flags given to strip(1) for every file.
        default: -g

    pipeline:
      - working-directory: ${{targets.contextdir}}
        runs: |
          set -e

          # binutils strip only understands objects for the machine it runs on.
          case "${{build.arch}}" in
            x86_64) native=EM_X86_64 ;;
            aarch64) native=EM_AARCH64 ;;
            *)
              echo "strip: no native ELF machine known for ${{build.arch}}" >&2
              exit 1
              ;;
          esac

          list=$(mktemp)
          scanelf --recursive --nobanner --etype ET_EXEC,ET_DYN --osabi \
            --format '%a %o %F' . > "$list"
          while read -r machine abi file; do
            [ "$machine" = "$native" ] || continue
            # Standalone objects (firmware, boot code) keep their symbols.
            [ "$abi" != STANDALONE ] || continue
            # scanelf may have listed a temporary file that is gone by now.
            [ -e "$file" ] || continue
            strip ${{inputs.opts}} "$file"
          done < "$list"
          rm -f "$list"
    """#
  ]
}
