extension BuiltinPipelines {
  /// Downloading a source archive, checking its digest and unpacking it.
  static let fetch: [String: String] = [
    "fetch": #"""
    name: Download a source archive, check its digest and unpack it

    needs:
      packages:
        - wget

    inputs:
      uri:
        description: Address of the archive to download.
        required: true
      expected-sha256:
        description: SHA-256 digest the downloaded file must have.
      expected-sha512:
        description: SHA-512 digest the downloaded file must have.
      expected-none:
        description: Any non-empty value accepts the file without checking a digest.
      extract:
        description: Unpack the file with tar when "true"; keep it as it is otherwise.
        default: true
      directory:
        description: Folder the archive is unpacked into.
        default: .
      strip-components:
        description: Leading path parts tar drops from every member while unpacking.
        default: 1
      delete:
        description: Remove the downloaded file once it is unpacked when "true".
        default: false
      timeout:
        description: Seconds to wait for a connection or for data before giving up.
        default: 5
      dns-timeout:
        description: Seconds to wait for a name lookup before giving up.
        default: 20
      retry-limit:
        description: How many attempts the download gets before the step fails.
        default: 5
      purl-name:
        description: Name used for this source in the package URL of the SBOM.
        default: ${{package.name}}
      purl-version:
        description: Version used for this source in the package URL of the SBOM.
        default: ${{package.version}}
      reason:
        description: Why the recipe downloads an archive rather than checking out git.

    pipeline:
      - runs: |
          set -e
          uri="${{inputs.uri}}"
          sha256="${{inputs.expected-sha256}}"
          sha512="${{inputs.expected-sha512}}"
          unchecked="${{inputs.expected-none}}"
          file=${uri##*/}

          if [ -z "$sha256$sha512$unchecked" ]; then
            echo "fetch: give expected-sha256, expected-sha512 or expected-none" >&2
            exit 1
          fi

          # A file already verified by an earlier build is kept in the cache by digest.
          cache=/var/cache/melange
          if [ -n "$sha256" ] && [ -f "$cache/sha256:$sha256" ]; then
            echo "fetch: using cached sha256:$sha256"
            cp "$cache/sha256:$sha256" "$file"
          elif [ -n "$sha512" ] && [ -f "$cache/sha512:$sha512" ]; then
            echo "fetch: using cached sha512:$sha512"
            cp "$cache/sha512:$sha512" "$file"
          fi

          if [ ! -f "$file" ]; then
            wget \
              --timeout="${{inputs.timeout}}" \
              --dns-timeout="${{inputs.dns-timeout}}" \
              --tries="${{inputs.retry-limit}}" \
              --retry-connrefused \
              --random-wait \
              --continue \
              --output-document="$file" \
              "$uri"
          fi

          verify() {
            actual=$("${1}sum" "$file" | cut -d ' ' -f 1)
            if [ "$actual" != "$2" ]; then
              echo "fetch: $file has $1 $actual, the recipe expects $2" >&2
              exit 1
            fi
            echo "fetch: $1 of $file matches"
          }

          if [ -n "$unchecked" ]; then
            echo "fetch: not checking a digest for $file"
          elif [ -n "$sha256" ]; then
            verify sha256 "$sha256"
          else
            verify sha512 "$sha512"
          fi

          if [ "${{inputs.extract}}" = true ]; then
            mkdir -p "${{inputs.directory}}"
            tar -x -f "$file" -C "${{inputs.directory}}" --no-same-owner \
              --strip-components="${{inputs.strip-components}}"
          fi

          if [ "${{inputs.delete}}" = true ]; then
            rm -f "$file"
          fi
    """#
  ]
}
