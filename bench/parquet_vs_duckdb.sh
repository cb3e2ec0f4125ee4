#!/usr/bin/env bash
# Our Parquet writer against DuckDB's on the same 1M listening_events-like rows: parquet_bench
# writes the rows (timed) and the same rows as CSV; DuckDB (node, from UNWRAPPED_NPM_DIR) loads
# the CSV untimed and runs `COPY … TO parquet` with the same codec (timed). Prints both times
# and file sizes. Target: faster than DuckDB, file size within 10 %.
# Usage: bench/parquet_vs_duckdb.sh BUILD_DIR [ROWS] [CODEC: snappy|zstd|gzip|none]
set -euo pipefail
BUILD=$(realpath "${1:?usage: bench/parquet_vs_duckdb.sh BUILD_DIR [ROWS] [CODEC]}")
ROWS=${2:-1000000}
CODEC=${3:-snappy}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BUILD/bench/parquet_bench" --rows "$ROWS" --codec "$CODEC" --out "$TMP/unwrapped.parquet" --csv "$TMP/rows.csv" \
  > "$TMP/unwrapped.json"
node "$HERE/parquet_vs_duckdb.mjs" "$TMP/rows.csv" "$TMP/duckdb.parquet" "$CODEC" "$TMP/unwrapped.json"
