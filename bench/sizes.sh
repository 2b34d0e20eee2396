#!/usr/bin/env bash
# JS + WASM sizes of the release site, per page with islands (see sizes.mjs): `make test`'s growth
# ratchet and `make bench`'s 150 kB budget, with issue 31's goals beside the base and each page.
set -euo pipefail
exec node "$(dirname "$0")/sizes.mjs" "$@"
