extension BuiltinPipelines {
  /// Cloning a git repository at a pinned reference, and applying patches with `git am`.
  static let gitCheckout: [String: String] = [
    "git-checkout": #"""
    name: Clone a git repository at a branch, tag or commit

    needs:
      packages:
        - git

    inputs:
      repository:
        description: Address of the repository to clone.
        required: true
      destination:
        description: Folder the working tree is placed in.
        default: .
      depth:
        description: |
          Commits of history to clone; -1 clones all of it. Left "unset", one commit
          is cloned, or all of them when branch and expected-commit are both given.
        default: unset
      branch:
        description: Branch to check out; the remote's default branch when no tag is set.
      tag:
        description: Tag to check out; cannot be combined with branch.
      expected-commit:
        description: Commit the checkout must end on; the step fails otherwise.
      expected-commit-is-branch-tip:
        description: |
          When "true", expected-commit must be the newest commit of branch rather than
          any commit in its history, so a version bump that left the commit behind fails.
        default: "false"
      recurse-submodules:
        description: Clone the repository's submodules too when "true".
        default: false
      shallow-submodules:
        description: Clone submodules with a single commit of history when "true".
        default: false
      submodule-jobs:
        description: How many submodules are cloned at the same time.
        default: 1
      cherry-picks:
        description: |
          Commits applied on top, one a line as `[branch/]commit: why`. Blank lines and
          text after `#` are ignored; naming the branch lets the commit be fetched.
      type-hint:
        description: Kind of forge for the SBOM when the address does not show it (gitlab).
      sparse-paths:
        description: Folders to check out (cone mode) instead of the whole tree.
      max-retries:
        description: How many times a failed clone is tried again.
        default: "3"
      initial-backoff:
        description: Seconds to wait before the first retry; each later wait doubles.
        default: "2"
      max-backoff:
        description: Longest wait, in seconds, between two retries.
        default: "60"
      reason:
        description: Why the recipe checks out a reference that can move.

    pipeline:
      - runs: |
          set -eu

          say() { echo "git-checkout: $*"; }
          die() { echo "git-checkout: error: $*" >&2; exit 1; }
          run() { say "running $*"; "$@"; }

          repository="${{inputs.repository}}"
          destination="${{inputs.destination}}"
          depth="${{inputs.depth}}"
          branch="${{inputs.branch}}"
          tag="${{inputs.tag}}"
          commit="${{inputs.expected-commit}}"
          tip_only="${{inputs.expected-commit-is-branch-tip}}"
          submodules="${{inputs.recurse-submodules}}"
          shallow_submodules="${{inputs.shallow-submodules}}"
          submodule_jobs="${{inputs.submodule-jobs}}"
          sparse_paths="${{inputs.sparse-paths}}"
          retries="${{inputs.max-retries}}"
          wait_seconds="${{inputs.initial-backoff}}"
          wait_limit="${{inputs.max-backoff}}"

          # Cherry-pick lines may hold any character, so a quoted here-document keeps them.
          picks=$(mktemp)
          cat > "$picks" <<'END_OF_CHERRY_PICKS'
          ${{inputs.cherry-picks}}
          END_OF_CHERRY_PICKS

          for setting in \
            "recurse-submodules=$submodules" \
            "shallow-submodules=$shallow_submodules" \
            "expected-commit-is-branch-tip=$tip_only"; do
            case "${setting#*=}" in
              true | false) ;;
              *) die "${setting%%=*} must be true or false, not '${setting#*=}'" ;;
            esac
          done

          [ -n "$repository" ] || die "no repository given"
          if [ -n "$branch" ] && [ -n "$tag" ]; then
            die "branch ($branch) and tag ($tag) exclude each other"
          fi
          if [ -z "$branch$tag" ]; then
            say "warning: no branch or tag given, using the default branch"
          fi
          if [ "$tip_only" = true ]; then
            [ -n "$branch" ] || die "expected-commit-is-branch-tip needs branch, not tag"
            [ -n "$commit" ] || die "expected-commit-is-branch-tip needs expected-commit"
          fi

          # A pinned commit below the branch tip is only found with the whole history.
          if [ "$depth" = unset ]; then
            depth=1
            if [ -n "$branch" ] && [ -n "$commit" ] && [ "$tip_only" = false ]; then
              depth=-1
            fi
          fi
          depth_flag=
          if [ "$depth" != -1 ]; then depth_flag="--depth=$depth"; fi

          set -- --quiet --origin=origin \
            --config=user.name="minisolve build" \
            --config=user.email=build@minisolve.invalid \
            --config=advice.detachedHead=false
          if [ -n "$depth_flag" ]; then set -- "$@" "$depth_flag"; fi
          if [ -n "$branch$tag" ]; then set -- "$@" --branch="$branch$tag"; fi
          if [ -n "$sparse_paths" ]; then set -- "$@" --sparse; fi
          if [ "$submodules" = true ]; then
            set -- "$@" --recurse-submodules --jobs="$submodule_jobs"
            if [ "$shallow_submodules" = true ]; then set -- "$@" --shallow-submodules; fi
          fi

          mkdir -p "$destination"
          target=$(cd "$destination" && pwd -P)
          scratch=$(mktemp -d)
          clone="$scratch/tree"
          attempt=0
          until run git clone "$@" "$repository" "$clone"; do
            rm -rf "$clone"
            attempt=$((attempt + 1))
            [ "$attempt" -le "$retries" ] || die "clone failed $attempt times, giving up"
            # Random jitter keeps builds that failed together from retrying together.
            jitter=$(awk -v top="$wait_seconds" \
              'BEGIN { srand(); print int(rand() * (top + 1)) }')
            say "clone failed; retry $attempt of $retries in $((wait_seconds + jitter))s"
            sleep $((wait_seconds + jitter))
            wait_seconds=$((wait_seconds * 2))
            [ "$wait_seconds" -le "$wait_limit" ] || wait_seconds=$wait_limit
          done

          cd "$clone"
          if [ -n "$sparse_paths" ]; then
            # shellcheck disable=SC2086 # one word per folder
            run git sparse-checkout set --cone $sparse_paths
          fi

          # The destination may already hold recipe files: copy the tree in, then work there.
          cp -pPR "$clone/." "$target/"
          cd "$target"
          rm -rf "$scratch"
          git config --global --add safe.directory "$target"
          cloned=$(git rev-parse --verify HEAD)

          if [ -n "$tag" ]; then
            # --branch prefers a branch of the same name, so fetch the tag itself.
            run git fetch --quiet --no-tags ${depth_flag:+"$depth_flag"} origin \
              "+refs/tags/$tag:refs/tags/$tag"
            run git checkout --quiet "refs/tags/$tag"
            head=$(git rev-parse --verify HEAD)
            if [ -n "$commit" ] && [ "$commit" != "$head" ]; then
              # An annotated tag is an object of its own; accept its hash, but say so.
              tag_object=$(git rev-parse --verify "refs/tags/$tag")
              [ "$commit" = "$tag_object" ] || die "tag $tag is $head, expected $commit"
              say "warning: $commit is the tag object of $tag; expect commit $head instead"
            fi
            say "tag $tag is commit $head"
          else
            head=$(git rev-parse --verify HEAD)
            if [ -n "$commit" ] && [ "$commit" != "$head" ]; then
              if [ "$tip_only" = true ]; then
                die "branch $branch ends at $head, not at expected-commit $commit"
              elif [ "$depth" != -1 ]; then
                die "${branch:-HEAD} is at $head, not $commit; depth -1 allows a reset"
              elif git merge-base --is-ancestor "$commit" "$head"; then
                run git reset --quiet --hard "$commit"
              else
                die "$commit is not in the history of ${branch:-HEAD} (at $head)"
              fi
            fi
            say "${branch:-HEAD} checked out at $(git rev-parse HEAD)"
          fi

          if [ "$submodules" = true ] && [ "$(git rev-parse HEAD)" != "$cloned" ]; then
            run git submodule update --init --recursive
          fi

          # Picked commits get a fixed date, no earlier than 1980 (zip cannot store less).
          stamp=${SOURCE_DATE_EPOCH:-0}
          [ "$stamp" -ge 315532800 ] || stamp=315532800
          fetched=" "
          applied=0
          while IFS= read -r line; do
            line=${line%%#*}
            [ -n "$(printf '%s' "$line" | tr -d '[:space:]')" ] || continue
            case "$line" in
              *:*) ;;
              *) die "cherry-pick '$line' is not '[branch/]commit: reason'" ;;
            esac
            ref=$(printf '%s' "${line%%:*}" | tr -d '[:space:]')
            why=$(printf '%s' "${line#*:}" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')
            [ -n "$why" ] || die "cherry-pick $ref gives no reason after the colon"
            hash=${ref##*/}
            from=
            if [ "$hash" != "$ref" ]; then from=${ref%/*}; fi
            if [ -n "$from" ]; then
              case "$fetched" in
                *" $from "*) ;;
                *)
                  unshallow=
                  if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
                    unshallow=--unshallow
                  fi
                  run git fetch --quiet $unshallow origin \
                    "+refs/heads/$from:refs/remotes/origin/$from"
                  fetched="$fetched$from "
                  ;;
              esac
            fi
            run env GIT_COMMITTER_DATE="@$stamp" git cherry-pick -x "$hash" \
              || die "cannot cherry-pick $hash${from:+ from $from}"
            say "cherry-picked $hash: $why"
            applied=$((applied + 1))
          done < "$picks"
          rm -f "$picks"
          if [ "$applied" -gt 0 ]; then
            say "applied $applied cherry-pick(s); HEAD is now $(git rev-parse HEAD)"
          fi
    """#,
    "git-am": #"""
    name: Apply mailbox patches with git am

    needs:
      packages:
        - git

    inputs:
      patches:
        description: |
          Patch files to apply, separated by whitespace, in order. Paths are relative to
          the workspace, which is the repository when git-checkout used the default
          destination; name the subfolder otherwise.
        required: true

    pipeline:
      - runs: |
          set -ef
          for patch in ${{inputs.patches}}; do
            echo "git-am: applying $patch"
            git am "$patch"
          done
    """#,
  ]
}
