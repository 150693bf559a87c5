extension BuiltinPipelines {
  /// Moving documentation and translations out of a package into a subpackage.
  static let splitDocs: [String: String] = [
    "split/manpages": #"""
    name: Move manual pages into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose manual pages move here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/manpages: a package cannot be split from itself" >&2
            exit 1
          fi

          # Move folder $1 to $2, merging when an earlier move already made $2.
          merge() {
            if [ -e "$2" ]; then
              cp -pPR "$1/." "$2/"
              rm -rf "$1"
            else
              mkdir -p "${2%/*}"
              mv "$1" "$2"
            fi
          }
          # Remove folder $1 and each parent it leaves empty, up to the package root.
          prune() {
            dir=$1
            while [ "$dir" != "$from" ] && rmdir "$dir" 2>/dev/null; do dir=${dir%/*}; done
          }

          for dir in usr/share/man usr/local/share/man usr/man; do
            [ -d "$from/$dir" ] || continue
            merge "$from/$dir" "$to/usr/share/man"
            prune "$from/${dir%/*}"
          done
    """#,
    "split/infodir": #"""
    name: Move GNU info manuals into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose info manuals move here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/infodir: a package cannot be split from itself" >&2
            exit 1
          fi

          info="$from/usr/share/info"
          if [ -d "$info" ]; then
            # Every package's info/dir index would clash; install-info rebuilds it.
            rm -f "$info/dir"
            if [ -e "$to/usr/share/info" ]; then
              cp -pPR "$info/." "$to/usr/share/info/"
              rm -rf "$info"
            else
              mkdir -p "$to/usr/share"
              mv "$info" "$to/usr/share/info"
            fi
          fi
    """#,
    "split/locales": #"""
    name: Move message translations into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose translations move here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/locales: a package cannot be split from itself" >&2
            exit 1
          fi

          locale="$from/usr/share/locale"
          if [ -d "$locale" ]; then
            if [ -e "$to/usr/share/locale" ]; then
              cp -pPR "$locale/." "$to/usr/share/locale/"
              rm -rf "$locale"
            else
              mkdir -p "$to/usr/share"
              mv "$locale" "$to/usr/share/locale"
            fi
          fi
    """#,
    "split/alldocs": #"""
    name: Move manual pages, info manuals and other documentation into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose documentation moves here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/alldocs: a package cannot be split from itself" >&2
            exit 1
          fi

          # Move folder $1 to $2, merging when an earlier move already made $2.
          merge() {
            if [ -e "$2" ]; then
              cp -pPR "$1/." "$2/"
              rm -rf "$1"
            else
              mkdir -p "${2%/*}"
              mv "$1" "$2"
            fi
          }
          # Remove folder $1 and each parent it leaves empty, up to the package root.
          prune() {
            dir=$1
            while [ "$dir" != "$from" ] && rmdir "$dir" 2>/dev/null; do dir=${dir%/*}; done
          }

          if [ -d "$from/usr/share/info" ]; then
            # Every package's info/dir index would clash; install-info rebuilds it.
            rm -f "$from/usr/share/info/dir"
            merge "$from/usr/share/info" "$to/usr/share/info"
          fi
          for dir in usr/share/man usr/local/share/man usr/man; do
            [ -d "$from/$dir" ] || continue
            merge "$from/$dir" "$to/usr/share/man"
            prune "$from/${dir%/*}"
          done
          for dir in usr/share/doc usr/local/share/doc; do
            [ -d "$from/$dir" ] || continue
            merge "$from/$dir" "$to/usr/share/doc"
            prune "$from/${dir%/*}"
          done
    """#,
  ]
}
