#!/usr/bin/env bash
# Hydrate bundle sizes (raw, gzip -9, brotli -q 11) of the release site, as a Markdown table.
# Exits 1 when the brotli total is over the limit: the 150 kB budget in `make bench`, the growth
# ratchet (WASM_LIMIT_LABEL=ratchet) in `make test`.
set -euo pipefail
pkg=${1:-target/site/pkg}
budget=${WASM_BUDGET_BYTES:-150000}
label=${WASM_LIMIT_LABEL:-budget}
total=0
echo "| file | raw | gzip | brotli |"
echo "| --- | --- | --- | --- |"
for f in "$pkg"/*.wasm "$pkg"/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total=$((total + br))
  echo "| $(basename "$f") | $raw | $gz | $br |"
done
echo "| **total brotli** | | | **$total** ($label $budget) |"
if [ "$total" -gt "$budget" ]; then
  echo "WASM+JS over the $label: $total > $budget bytes (brotli)" >&2
  exit 1
fi
