extension BuiltinPipelines {
  /// Moving programs and detached debug information out of a package.
  static let splitBinaries: [String: String] = [
    "split/bin": #"""
    name: Move the programs in /usr/bin into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: |
          Package whose programs move here. When empty, a subpackage NAME-bin takes them
          from NAME if that package exists, and from the main package otherwise.
        required: false

    pipeline:
      - runs: |
          set -e
          name="${{context.name}}"
          base=${name%-bin}
          to="${{targets.contextdir}}"
          if [ -n "${{inputs.package}}" ]; then
            from="${{targets.outdir}}/${{inputs.package}}"
          elif [ "$base" != "$name" ] && [ -d "${{targets.outdir}}/$base" ]; then
            from="${{targets.outdir}}/$base"
          else
            from="${{targets.destdir}}"
          fi
          if [ "$from" = "$to" ]; then
            echo "split/bin: a package cannot be split from itself" >&2
            exit 1
          fi
          if [ ! -d "$from/usr/bin" ]; then
            echo "split/bin: $from/usr/bin is not a folder" >&2
            exit 1
          fi

          mkdir -p "$to/usr/bin"
          for program in "$from/usr/bin"/* "$from/usr/bin"/.[!.]*; do
            [ -e "$program" ] || [ -L "$program" ] || continue
            mv "$program" "$to/usr/bin/"
          done
          # Remove the folders the move left empty, deepest first.
          find "$from/usr" -mindepth 1 -depth -type d -empty -exec rmdir {} \;
    """#,
    "split/debug": #"""
    name: Move detached debug information into this subpackage

    needs:
      packages:
        - binutils
        - busybox
        - scanelf

    inputs:
      package:
        description: Package whose debug information moves here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/debug: a package cannot be split from itself" >&2
            exit 1
          fi
          [ -d "$from" ] || exit 0

          work=$(mktemp -d)
          scanelf --recursive --symlink --nobanner --etype ET_DYN --format '%F' "$from" \
            > "$work/objects"
          while IFS= read -r object; do
            # Hard links share one inode, whose debug information is split off once.
            inode=$(stat -c %i "$object")
            [ ! -e "$work/$inode" ] || continue
            : > "$work/$inode"

            debug="$to/usr/lib/debug/${object#"$from"/}.debug"
            mkdir -p "${debug%/*}"
            objcopy --only-keep-debug "$object" "$debug"
            objcopy --add-gnu-debuglink="$debug" --strip-unneeded \
              --remove-section=.comment "$object" "$work/stripped"
            # Rewrite in place so the file keeps its links, owner and mode.
            cat "$work/stripped" > "$object"
          done < "$work/objects"
          rm -rf "$work"
    """#,
  ]
}
