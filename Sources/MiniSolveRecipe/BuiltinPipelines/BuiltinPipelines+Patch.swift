extension BuiltinPipelines {
  /// Applying unified diffs with patch(1), from a list or a quilt series file.
  static let patch: [String: String] = [
    "patch": #"""
    name: Apply patch files to the source tree

    needs:
      packages:
        - patch

    inputs:
      patches:
        description: Patch files to apply, separated by whitespace, in order.
      series:
        description: |
          A quilt series file listing the patches, one a line; lines starting with `#`
          are skipped. Used instead of patches when set.
      strip-components:
        description: Leading path parts removed from the file names in each patch (-p).
        default: 1
      fuzz:
        description: Context lines a hunk may mismatch and still apply (--fuzz).
        default: 2

    pipeline:
      - runs: |
          set -ef

          # Inputs arrive through quoted here-documents so nothing in them is run.
          squeeze() { tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//'; }
          level=$(squeeze <<'END_OF_LEVEL'
          ${{inputs.strip-components}}
          END_OF_LEVEL
          )
          fuzz=$(squeeze <<'END_OF_FUZZ'
          ${{inputs.fuzz}}
          END_OF_FUZZ
          )
          series=$(squeeze <<'END_OF_SERIES'
          ${{inputs.series}}
          END_OF_SERIES
          )
          patches=$(squeeze <<'END_OF_PATCHES'
          ${{inputs.patches}}
          END_OF_PATCHES
          )

          for setting in "strip-components=$level" "fuzz=$fuzz"; do
            case "${setting#*=}" in
              '' | *[!0-9]*)
                echo "patch: ${setting%%=*} must be a whole number, not '${setting#*=}'" >&2
                exit 1
                ;;
            esac
          done

          list=$(mktemp)
          if [ -n "$series" ]; then
            if [ ! -f "$series" ]; then
              echo "patch: series file $series does not exist" >&2
              exit 1
            fi
            # A series line is a patch name, optionally followed by options we ignore.
            awk '!/^[[:space:]]*#/ && NF { print $1 }' "$series" > "$list"
          elif [ -n "$patches" ]; then
            # shellcheck disable=SC2086 # one line per patch file
            printf '%s\n' $patches > "$list"
          else
            echo "patch: give patches or series" >&2
            exit 1
          fi

          while IFS= read -r file; do
            echo "patch: applying $file"
            patch --verbose -p"$level" --fuzz="$fuzz" -i "$file"
          done < "$list"
          rm -f "$list"
    """#
  ]
}
