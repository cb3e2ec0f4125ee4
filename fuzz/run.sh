#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, with a corpus folder per target
# under fuzz/corpus-<name>/ (seeded from tests/data and the samples when present).
# Usage: fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
BUILD=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS}
SECONDS_EACH=${2:-600}
cd "$(dirname "$0")/.."
found=0
for bin in "$BUILD"/fuzz/*_fuzz; do
  [ -x "$bin" ] || continue
  found=1
  name=$(basename "$bin")
  corpus="fuzz/corpus-$name"
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/seeds/$name" ] && seeds+=("fuzz/seeds/$name")
  echo "fuzzing $name for ${SECONDS_EACH}s"
  "$bin" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    "$corpus" "${seeds[@]}" 2>&1 | tail -15
done
[ "$found" = 1 ] || { echo "no fuzz targets in $BUILD/fuzz" >&2; exit 1; }
