extension BuiltinPipelines {
  /// Moving headers, static archives and shared libraries out of a package.
  static let splitLibraries: [String: String] = [
    "split/dev": #"""
    name: Move headers and other files needed only for development into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose development files move here; the main package if empty.
        required: false
      prefix:
        description: Installation prefix the package was built for.
        default: /usr

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/dev: a package cannot be split from itself" >&2
            exit 1
          fi
          [ -d "$from" ] || exit 0
          cd "$from"

          # From here on paths are relative to the package root.
          prefix="${{inputs.prefix}}"
          while [ "${prefix#/}" != "$prefix" ]; do prefix=${prefix#/}; done
          roots="$prefix/"
          # With a merged /usr, libraries may sit in /lib as well.
          if [ "${prefix%%/*}" = usr ] && [ -d lib ]; then roots="lib/ $roots"; fi

          # Move $1 (file, folder or link) to the same place in this subpackage.
          take() {
            [ -e "$1" ] || [ -L "$1" ] || return 0
            case "$1" in */*) parent=${1%/*} ;; *) parent=. ;; esac
            mkdir -p "$to/$parent"
            if [ -d "$1" ] && [ -d "$to/$1" ]; then
              cp -pPR "$1/." "$to/$1/"
              rm -rf "$1"
            else
              mv "$1" "$to/$parent/"
            fi
            rmdir "$parent" 2>/dev/null || true
          }

          list=$(mktemp)
          {
            for path in \
              "$prefix"/include \
              "$prefix"/lib/pkgconfig "$prefix"/share/pkgconfig \
              "$prefix"/share/aclocal "$prefix"/share/gettext \
              "$prefix"/bin/*-config "$prefix"/bin/*_config \
              "$prefix"/share/vala/vapi "$prefix"/share/gir-[0-9]* \
              "$prefix"/share/qt*/mkspecs "$prefix"/lib/qt*/mkspecs \
              "$prefix"/lib/cmake "$prefix"/share/cmake \
              "$prefix"/lib/glade/modules "$prefix"/share/glade/catalogs; do
              printf '%s\n' "$path"
            done
            # Header folders anywhere, and archives, objects and sources beside libraries.
            find . -type d -name include
            # shellcheck disable=SC2086 # one word per root
            find $roots \( -name '*.a' -o -name '*.[cho]' -o -name '*.prl' \) \
              2>/dev/null || true
          } > "$list"
          while IFS= read -r path; do take "$path"; done < "$list"
          rm -f "$list"

          # Unversioned .so links serve only to link new programs against a library.
          sodirs="$prefix/lib"
          case "$prefix" in
            usr) sodirs="lib $sodirs" ;;
            */usr) sodirs="${prefix%/usr}/lib $sodirs" ;;
          esac
          for dir in $sodirs; do
            for so in "$dir"/*.so; do
              if [ -L "$so" ]; then take "$so"; fi
            done
          done
    """#,
    "split/static": #"""
    name: Move static libraries into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose static libraries move here; the main package if empty.
        required: false

    pipeline:
      - runs: |
          set -e
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/static: a package cannot be split from itself" >&2
            exit 1
          fi
          [ -d "$from" ] || exit 0
          cd "$from"

          roots=usr
          if [ -d lib ]; then roots="lib $roots"; fi
          list=$(mktemp)
          # shellcheck disable=SC2086 # one word per root
          find $roots -name '*.a' ! -type d > "$list" 2>/dev/null || true
          while IFS= read -r archive; do
            mkdir -p "$to/${archive%/*}"
            mv "$archive" "$to/${archive%/*}/"
            rmdir "${archive%/*}" 2>/dev/null || true
          done < "$list"
          rm -f "$list"
    """#,
    "split/lib": #"""
    name: Move versioned shared libraries into this subpackage

    needs:
      packages:
        - busybox

    inputs:
      package:
        description: Package whose shared libraries move here; the main package if empty.
        required: false
      patterns:
        description: |
          Library names, one a line: `ssl` selects libssl.so.*. When empty, every
          versioned library (*.so.*) is selected.
        required: false
      paths:
        description: |
          More folders to look in, one a line, relative to the package root (usr/lib64);
          lib and usr/lib are always searched.
        required: false

    pipeline:
      - runs: |
          set -ef
          from="${{targets.destdir}}"
          if [ -n "${{inputs.package}}" ]; then from="${{targets.outdir}}/${{inputs.package}}"; fi
          to="${{targets.contextdir}}"
          if [ "$from" = "$to" ]; then
            echo "split/lib: a package cannot be split from itself" >&2
            exit 1
          fi
          [ -d "$from" ] || exit 0
          cd "$from"

          patterns=$(cat <<'END_OF_PATTERNS'
          ${{inputs.patterns}}
          END_OF_PATTERNS
          )
          paths=$(cat <<'END_OF_PATHS'
          ${{inputs.paths}}
          END_OF_PATHS
          )

          dirs=
          for dir in lib usr/lib $paths; do
            dir=${dir%/}
            if [ -d "$dir" ]; then dirs="$dirs $dir"; fi
          done
          if [ -z "$dirs" ]; then
            echo "split/lib: no library folder in $from"
            exit 0
          fi

          names=
          for pattern in $patterns; do
            case "$pattern" in
              '*') names="$names *.so.*" ;;
              *) names="$names lib$pattern.so.*" ;;
            esac
          done
          if [ -z "$names" ]; then names='*.so.*'; fi

          for dir in $dirs; do
            for name in $names; do
              find "$dir" -maxdepth 1 -name "$name" \( -type f -o -type l \) |
                while IFS= read -r library; do
                  mkdir -p "$to/$dir"
                  mv "$library" "$to/$dir/"
                  echo "split/lib: moved $library"
                done
            done
            # Another subpackage may still split from this folder: remove it only if empty.
            rmdir "$dir" 2>/dev/null || true
          done
    """#,
  ]
}
