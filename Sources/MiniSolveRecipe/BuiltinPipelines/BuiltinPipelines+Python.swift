extension BuiltinPipelines {
  /// Building, installing and testing Python packages.
  static let python: [String: String] = [
    "python/build": #"""
    name: Build a Python package with its setup.py

    needs:
      packages:
        - busybox
        - python3

    pipeline:
      - runs: |
          set -e
          # Run the interpreter the python link points to, so a versioned one is recorded.
          python=$(command -v python) || {
            echo "python/build: no python on PATH" >&2
            exit 1
          }
          python=$(readlink -f "$python")
          "$python" setup.py build
    """#,
    "python/install": #"""
    name: Install a Python package into the package with its setup.py

    needs:
      packages:
        - busybox
        - python3

    pipeline:
      - runs: |
          set -e
          # Run the interpreter the python link points to, so a versioned one is recorded.
          python=$(command -v python) || {
            echo "python/install: no python on PATH" >&2
            exit 1
          }
          python=$(readlink -f "$python")
          "$python" setup.py install --prefix=/usr --root="${{targets.contextdir}}"
    """#,
    "python/build-wheel": #"""
    name: Build a Python wheel with python -m build and install it into the package

    needs:
      packages:
        - busybox
        - py3-build
        - py3-installer
        - python3

    pipeline:
      - runs: |
          set -e
          # Run the interpreter the python3 link points to, so a versioned one is recorded.
          python=$(command -v python3) || {
            echo "python/build-wheel: no python3 on PATH" >&2
            exit 1
          }
          python=$(readlink -f "$python")
          "$python" -m build
          "$python" -m installer --destdir="${{targets.contextdir}}" dist/*.whl
          # Byte code is compiled again on the target; shipping it only adds size.
          find "${{targets.contextdir}}" -name '*.pyc' -type f -delete
          find "${{targets.contextdir}}" -name __pycache__ -type d -empty -delete
    """#,
    "python/import": #"""
    name: Check that Python modules import

    needs:
      packages:
        - wolfi-base

    inputs:
      python:
        description: |
          Interpreter to run. DEFAULT picks the one versioned python3.X in /usr/bin
          and fails when there is not exactly one.
        default: DEFAULT
      imports:
        description: |
          Python import statements, one a line, such as `from foo import bar`. Blank
          lines and text after `#` are ignored.
        required: false
      import:
        description: Module to import; superseded by imports.
        required: false
      from:
        description: Module that import is taken from (from X import Y); superseded by imports.
        required: false
      venv:
        description: Virtual environment to activate and take the interpreter from.
        required: false

    pipeline:
      - runs: |
          set +x
          # Inputs arrive through quoted here-documents so nothing in them is run.
          python=$(cat <<'END_OF_PYTHON'
          ${{inputs.python}}
          END_OF_PYTHON
          )
          statements=$(cat <<'END_OF_IMPORTS'
          ${{inputs.imports}}
          END_OF_IMPORTS
          )
          module=$(cat <<'END_OF_IMPORT'
          ${{inputs.import}}
          END_OF_IMPORT
          )
          origin=$(cat <<'END_OF_FROM'
          ${{inputs.from}}
          END_OF_FROM
          )
          venv=$(cat <<'END_OF_VENV'
          ${{inputs.venv}}
          END_OF_VENV
          )

          fail() { echo "python/import: $*" >&2; exit 1; }

          if [ -n "$venv" ]; then
            [ "$python" = DEFAULT ] || fail "set python or venv, not both"
            . "$venv/bin/activate" || fail "$venv is not a virtual environment"
            python="$venv/bin/python3"
          fi
          if [ "$python" = DEFAULT ]; then
            found=
            count=0
            for candidate in /usr/bin/python3.[0-9] /usr/bin/python3.[0-9][0-9]; do
              [ -x "$candidate" ] || continue
              found="$found $candidate"
              count=$((count + 1))
            done
            [ "$count" -eq 1 ] || fail "found $count versioned pythons:$found; set python"
            python=${found# }
            echo "python/import: using $python"
          fi

          [ -z "$module" ] || [ -z "$statements" ] || fail "set import or imports, not both"
          [ -z "$origin" ] || [ -z "$statements" ] || fail "from cannot go with imports"
          [ -z "$origin" ] || [ -n "$module" ] || fail "from needs import"

          status=0
          check() {
            if "$python" -c "$1"; then
              echo "python/import: ok: $1"
            else
              echo "python/import: FAILED: $1"
              status=1
            fi
          }

          if [ -n "$statements" ]; then
            while IFS= read -r line; do
              line=${line%%#*}
              # Word splitting trims the statement; globbing must stay off for it.
              set -f
              # shellcheck disable=SC2086
              set -- $line
              set +f
              [ "$#" -gt 0 ] || continue
              check "$*"
            done <<END_OF_STATEMENTS
          $statements
          END_OF_STATEMENTS
          elif [ -n "$origin" ]; then
            check "from $origin import $module"
          elif [ -n "$module" ]; then
            check "import $module"
          else
            fail "nothing to import: set imports"
          fi
          exit "$status"
    """#,
    "python/test": #"""
    name: Run a command that tests a Python package

    needs:
      packages:
        - wolfi-base

    inputs:
      command:
        description: Shell command to run; the test fails when it does.
        required: true

    pipeline:
      - runs: |
          ${{inputs.command}}
    """#,
  ]
}
