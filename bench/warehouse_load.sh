#!/usr/bin/env bash
# Warehouse load benchmark: `unwrapped load` of a lake built from `unwrapped generate --events N`
# into a throwaway PostgreSQL cluster (scripts/test-postgres.sh) and into SQLite, each a first
# (full) load into an empty warehouse; prints rows per second (fact rows, and every row written).
# Usage: bench/warehouse_load.sh BIN [EVENTS]     env: BENCH_DIR (default bench/out)
set -euo pipefail
BIN=$(realpath "${1:?usage: bench/warehouse_load.sh BIN [EVENTS]}")
EVENTS=${2:-1000000}
BENCH_DIR=${BENCH_DIR:-bench/out}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(realpath "$BENCH_DIR")
HERE=$(cd "$(dirname "$0")/.." && pwd)
LAKE="$BENCH_DIR/warehouse-lake-$EVENTS"

if [ ! -f "$LAKE/.complete" ]; then
  rm -rf "$LAKE" "$BENCH_DIR/warehouse-gen-$EVENTS"
  echo "generating, importing and building $EVENTS events into $LAKE"
  "$BIN" --no-progress generate --events "$EVENTS" --seed 1 --out "$BENCH_DIR/warehouse-gen-$EVENTS" >/dev/null
  "$BIN" --no-progress --lake "$LAKE" import "$BENCH_DIR/warehouse-gen-$EVENTS/export" >/dev/null
  "$BIN" --no-progress --lake "$LAKE" build >/dev/null
  rm -rf "$BENCH_DIR/warehouse-gen-$EVENTS"
  touch "$LAKE/.complete"
fi

# Prints "seconds fact_rows rows_written" of one --json load.
summarise() {
  python3 -c '
import json, sys
r = json.load(sys.stdin)
facts = sum(t["inserted"] for t in r["tables"] if "fact_" in t["name"])
print(r["seconds"], facts, r["rows_written"])'
}
report() {  # NAME SECONDS FACTS WRITTEN
  awk -v n="$1" -v s="$2" -v f="$3" -v w="$4" 'BEGIN {
    printf "  %-10s %8.1f s  %9d fact rows  %9.0f fact rows/s  %9d rows written  %9.0f rows/s\n",
           n, s, f, (s > 0 ? f / s : 0), w, (s > 0 ? w / s : 0) }'
}

echo "warehouse load benchmark: $EVENTS generated events, first load into an empty warehouse"
PG_DIR=$(mktemp -d /tmp/uw-bench-pg-XXXXXX)
trap 'bash "$HERE/scripts/test-postgres.sh" stop "$PG_DIR"' EXIT
if url=$(bash "$HERE/scripts/test-postgres.sh" start "$PG_DIR"); then
  bash "$HERE/scripts/test-postgres.sh" createdb "$PG_DIR" bench
  url=${url/\/postgres\?/\/bench?}
  read -r s f w < <("$BIN" --no-progress --lake "$LAKE" --json load "$url" | summarise)
  report postgresql "$s" "$f" "$w"
else
  echo "  postgresql: skipped (no server binaries)"
fi
rm -f "$BENCH_DIR/warehouse-$EVENTS.db"
read -r s f w < <("$BIN" --no-progress --lake "$LAKE" --json load "sqlite:$BENCH_DIR/warehouse-$EVENTS.db" | summarise)
report sqlite "$s" "$f" "$w"
echo "  load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
