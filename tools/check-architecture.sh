#!/usr/bin/env bash
# The invariants of ARCHITECTURE.md, checked by `make lint`: the crate edges (the compiler refuses
# an import against them; tools/check-crate-edges.mjs keeps the edges themselves), then the rules
# that no edge enforces. Each check names the rule it keeps and prints the
# offending lines when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=0

# check RULE FILES-OR-DIRS PATTERN: no line of the given files may match PATTERN.
check() {
  local rule=$1 pattern=$2
  shift 2
  local hits
  hits=$(grep -rnE --include='*.rs' "$pattern" "$@" || true)
  if [ -n "$hits" ]; then
    echo "architecture: $rule"
    echo "$hits" | sed 's/^/  /'
    failed=1
  fi
}

# Every Rust file of the workspace's packages except those under the given prefixes.
outside() {
  local file keep
  while IFS= read -r file; do
    keep=1
    for prefix in "$@"; do
      case "$file" in "$prefix"*) keep=0 ;; esac
    done
    [ "$keep" = 1 ] && echo "$file"
  done < <(find src model error sandbox server app browser -name '*.rs' | sort)
}

cargo metadata --no-deps --format-version 1 --offline | node tools/check-crate-edges.mjs || failed=1

mapfile -t not_upstream < <(outside server/src/upstream)
check "only the upstream clients speak HTTP to a platform (reqwest lives in server/src/upstream)" \
  '\breqwest\b' "${not_upstream[@]}"
mapfile -t not_storage < <(outside server/src/db)
check "only the storage room runs SQL (server/src/db)" \
  'sqlx::(query|query_as|query_scalar|query_with|raw_sql)\b|#\[derive\([^)]*FromRow' "${not_storage[@]}"
mapfile -t not_components < <(outside app/src/components)
check "islands live in one folder (app/src/components)" \
  '#\[island' "${not_components[@]}"
mapfile -t not_pass < <(outside server/src/door/pass.rs)
check "every change goes through the door (a write's Pass is the door's; outside_the_door is for the clients' contract tests and the benchmark)" \
  'outside_the_door' "${not_pass[@]}"

exit "$failed"
