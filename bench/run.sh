#!/usr/bin/env bash
# Benchmarks, measured in one run on the same data (never inside `make test`):
#   import: `unwrapped import` of a generated 1M-event export against `cp -r` of the same files
#           (the floor: reading and writing the bytes once).
# Usage: bench/run.sh BIN [EVENTS]      env: BENCH_DIR (default bench/out), RUNS (default 3)
set -euo pipefail
BIN=$(realpath "${1:?usage: bench/run.sh BIN [EVENTS]}")
EVENTS=${2:-1000000}
BENCH_DIR=${BENCH_DIR:-bench/out}
RUNS=${RUNS:-3}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(realpath "$BENCH_DIR")
DATA="$BENCH_DIR/data-$EVENTS"

if [ ! -f "$DATA/.complete" ]; then
  rm -rf "$DATA"
  echo "generating $EVENTS events into $DATA"
  /usr/bin/time -f "generate: %e s wall, %M KiB max RSS" "$BIN" --no-progress generate \
    --events "$EVENTS" --seed 1 --out "$DATA" --account-zone Europe/Berlin >/dev/null
  touch "$DATA/.complete"
fi
EXPORT="$DATA/export"
BYTES=$(du -sb "$EXPORT" | cut -f1)
FILES=$(find "$EXPORT" -type f | wc -l)
cat "$(find "$EXPORT" -type f)" >/dev/null 2>&1 || find "$EXPORT" -type f -exec cat {} + >/dev/null

# median of a list of numbers
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# runs CMD under /usr/bin/time; prints "wall_s maxrss_kib"
timed() { /usr/bin/time -f "%e %M" -o "$BENCH_DIR/.time" "$@" >/dev/null 2>"$BENCH_DIR/.err" || {
  cat "$BENCH_DIR/.err" >&2; return 1; }; cat "$BENCH_DIR/.time"; }

# `import` syncs the lake before it writes the receipt (durability), which `cp` never does; the
# second floor, cp followed by sync, does the same amount of durable writing.
cp_walls=(); cps_walls=(); imp_walls=(); imp_rss=()
for r in $(seq 1 "$RUNS"); do
  rm -rf "$BENCH_DIR/cp-target"; sync
  read -r w _ < <(timed cp -r "$EXPORT" "$BENCH_DIR/cp-target"); cp_walls+=("$w")
  rm -rf "$BENCH_DIR/cp-target"; sync
  read -r w _ < <(timed sh -c 'cp -r "$1" "$2" && sync' sh "$EXPORT" "$BENCH_DIR/cp-target"); cps_walls+=("$w")
  rm -rf "$BENCH_DIR/lake"; sync
  set +e
  read -r w m < <(timed "$BIN" --no-progress --lake "$BENCH_DIR/lake" import "$EXPORT")
  set -e
  imp_walls+=("$w"); imp_rss+=("$m")
done
cp_med=$(printf '%s\n' "${cp_walls[@]}" | median)
cps_med=$(printf '%s\n' "${cps_walls[@]}" | median)
imp_med=$(printf '%s\n' "${imp_walls[@]}" | median)
rss_max=$(printf '%s\n' "${imp_rss[@]}" | sort -n | tail -1)
ratio=$(awk -v a="$imp_med" -v b="$cp_med" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
ratio_sync=$(awk -v a="$imp_med" -v b="$cps_med" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
mbps=$(awk -v b="$BYTES" -v s="$imp_med" 'BEGIN { printf "%.0f", (s > 0 ? b / s / 1e6 : 0) }')
echo
echo "import benchmark: $EVENTS events, $FILES files, $BYTES bytes, $RUNS runs (median)"
echo "  cp -r            ${cp_med} s   (runs: ${cp_walls[*]})"
echo "  cp -r && sync    ${cps_med} s   (runs: ${cps_walls[*]})"
echo "  unwrapped import ${imp_med} s   (runs: ${imp_walls[*]}), ${mbps} MB/s, max RSS $((rss_max / 1024)) MiB"
echo "  ratio import/cp  ${ratio}x, import/(cp+sync) ${ratio_sync}x   (target: within 3x)"
echo "  load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$BENCH_DIR/cp-target" "$BENCH_DIR/lake"

# Parquet writer against DuckDB's COPY … TO parquet on the same 1M rows, per codec.
BUILD_DIR=$(dirname "$(dirname "$BIN")")
if command -v node >/dev/null && [ -x "$BUILD_DIR/bench/parquet_bench" ]; then
  for codec in snappy zstd; do
    echo
    bash "$(dirname "$0")/parquet_vs_duckdb.sh" "$BUILD_DIR" 1000000 "$codec"
  done
fi
