#!/usr/bin/env bash
# Installs the npm test tools (independent Parquet readers, Azurite) into a cache folder outside the
# source tree. Idempotent: does nothing when the pinned set is already installed there.
# Prints the folder; tests find it through UNWRAPPED_NPM_DIR.
set -euo pipefail
DIR="${UNWRAPPED_NPM_DIR:-$HOME/.cache/unwrapped-npm}"
PKGS=(@duckdb/node-api@1.5.6-r.1 nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1
      parquet-wasm@0.8.0 apache-arrow hyparquet hyparquet-compressors azurite@3.35.0)
STAMP="$DIR/.installed-$(printf '%s\n' "${PKGS[@]}" | sha256sum | cut -c1-16)"
if [ -f "$STAMP" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "${PKGS[@]}" >&2
touch "$STAMP"
echo "$DIR"
