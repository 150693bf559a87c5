# Shared by scripts/test, scripts/demo and bench/run: install what is missing, count checks.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${MINISOLVE_CORPUS:-$ROOT/../shared/corpus}
VENV=$ROOT/.venv
PASSED=0
FAILED=0

# Installs Debian packages that are not installed yet.
need_apt() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]} (apt-get)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
}

# Creates the project's Python venv and installs pinned PyPI tools into it when missing.
need_pip() {
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  local missing=()
  for requirement in "$@"; do
    # `name[extra]==version` is installed when `name` is.
    local name=${requirement%%==*}
    "$VENV/bin/python" -m pip show "${name%%\[*}" >/dev/null 2>&1 || missing+=("$requirement")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]} (pip, into .venv)"
  "$VENV/bin/python" -m pip install -q "${missing[@]}"
}

# Runs one named check, counting it; its output is shown only when it fails.
check() {
  local name=$1
  shift
  local log
  log=$(mktemp)
  local started=$SECONDS
  if "$@" >"$log" 2>&1; then
    PASSED=$((PASSED + 1))
    echo "ok    $name ($((SECONDS - started))s)"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL  $name ($((SECONDS - started))s)"
    tail -n 40 "$log" | sed 's/^/      /'
  fi
  rm -f "$log"
}

# `swift build -c release --static-swift-stdlib`, from scratch when the sources changed since the
# last release build made here. SwiftPM's incremental build can leave a dependent module compiled
# against the old layout of a changed struct (swiftlang/swift-package-manager#10502); here that
# gave a release binary that corrupted its heap at random until the folder was deleted.
build_release() {
  local folder stamp sources
  folder=$(cd "$ROOT" && swift build -c release --static-swift-stdlib --show-bin-path) || return 1
  stamp=$folder/.minisolve-sources.sha256
  sources=$(cd "$ROOT" && find Package.swift Sources -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
  if [ -d "$folder" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$sources" ]; then
    echo "sources changed since the last release build: building it from scratch"
    rm -rf "$folder"
  fi
  (cd "$ROOT" && swift build -c release --static-swift-stdlib) || return 1
  echo "$sources" >"$stamp"
}
