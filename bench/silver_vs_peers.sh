#!/usr/bin/env bash
# Import + silver build against the DuckDB and Polars peer pipelines (../shared/peers), on the
# same gen_export.py data, sequentially, RUNS times each, under /usr/bin/time.
#
# Usage: bench/silver_vs_peers.sh BIN SCALE...      SCALE: 100k, 1m, 5m or a plain event count
# Env:   RUNS (default 3), BENCH_DIR (default /tmp/unwrapped-bench: data-<scale>/ cached inputs,
#        lake and peer outputs, logs-<stamp>/, results-<stamp>.md),
#        PEERS_SRC (the peers' scripts; default <repo>/../shared/peers),
#        UNWRAPPED_NPM_DIR (node_modules holding @duckdb/node-api and nodejs-polars;
#        default ~/.cache/unwrapped-npm; handed to the peers as PEERS_DIR).
#
# Per scale and run: ours = `import` of DIR/extended DIR/standard DIR/api into a fresh lake, then
# `build --layer silver`, `build --layer gold` and `report` (each timed on its own; summed rows:
# import+silver, and import+silver+gold = the peers' whole job), then an incremental step:
# `import` of one extra recently-played response holding newer plays, and `build --layer silver`
# again. Then the DuckDB and the Polars pipeline (bronze -> silver -> gold). Deleting
# lakes/outputs and `sync` happen outside the timing.
# The `floor` row is the least any import + silver build must do, run before ours in each run:
# reading and parsing every JSON file once, hashing it (bronze names files by SHA-256) and making
# a durable copy of it (json_floor, built beside BIN in ../bench/, 2 threads; kernel copies and
# one syncfs, as `import` lands files).
# It writes nothing else, so no design that keeps bronze as DESIGN §2 asks can be faster.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(realpath "${1:?usage: bench/silver_vs_peers.sh BIN SCALE...}")
shift
[ $# -gt 0 ] || { echo "usage: bench/silver_vs_peers.sh BIN SCALE..." >&2; exit 2; }
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-/tmp/unwrapped-bench}
PEERS_SRC=${PEERS_SRC:-$HERE/../../shared/peers}
export PEERS_DIR=${UNWRAPPED_NPM_DIR:-$HOME/.cache/unwrapped-npm}
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
[ -f "$PEERS_SRC/gen_export.py" ] || { echo "peers not found at $PEERS_SRC (set PEERS_SRC)" >&2; exit 1; }
PEERS_SRC=$(realpath "$PEERS_SRC")
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(realpath "$BENCH_DIR")
STAMP=$(date +%Y-%m-%dT%H%M%S)
LOGS="$BENCH_DIR/logs-$STAMP"
RES="$LOGS/results.tsv"
mkdir -p "$LOGS"
printf 'scale\tengine\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\texit\tplays_out\tepisodes_out\tsilver_stages_s\n' >"$RES"

FLOOR_BIN=${FLOOR_BIN:-$(dirname "$BIN")/../bench/json_floor}
[ -x "$FLOOR_BIN" ] || { echo "json_floor missing at $FLOOR_BIN: no floor row" >&2; FLOOR_BIN=""; }

PEERS=(duckdb polars)
if ! command -v node >/dev/null || [ ! -d "$PEERS_DIR/node_modules/@duckdb/node-api" ]; then
  echo "node or the peer engines ($PEERS_DIR) missing: measuring unwrapped only" >&2
  PEERS=()
fi

# "100k" -> 100000, "1m" -> 1000000, "250000" -> 250000
events_of() {
  case "$1" in
    *[kK]) echo $((${1%[kK]} * 1000)) ;;
    *[mM]) echo $((${1%[mM]} * 1000000)) ;;
    *[!0-9]* | '') echo "bad scale: $1" >&2; return 1 ;;
    *) echo "$1" ;;
  esac
}

# Generates the peers' input for one scale once (kept across runs of this script).
ensure_data() { # scale dir
  local events
  events=$(events_of "$1")
  [ -f "$2/.complete" ] && return 0
  rm -rf "$2" "$2.tmp"
  echo "generating $1 ($events events, seed 1) into $2"
  python3 "$PEERS_SRC/gen_export.py" --events "$events" --seed 1 --out "$2.tmp" >"$LOGS/gen-$1.log" 2>&1
  mv "$2.tmp" "$2"
  touch "$2/.complete"
}

# Writes the incremental input: the newest API response with every played_at shifted by whole
# days (1, or more until all its items are newer than anything in the data set), the bytes
# otherwise untouched. Prints "<file> <days> <items>".
make_increment() { # data_dir out_dir
  python3 - "$1" "$2" <<'PY'
import datetime as dt, glob, json, os, re, sys
data, out = sys.argv[1], sys.argv[2]
files = glob.glob(os.path.join(data, "api", "**", "recently_played_*.json"), recursive=True)
stamp = lambda f: int(re.search(r"recently_played_(\d+)\.json$", f).group(1))
newest = max(files, key=stamp)
PAT = re.compile(r'("played_at"\s*:\s*")([0-9T:.\-]+)Z"')
parse = lambda s: dt.datetime.fromisoformat(s).replace(tzinfo=dt.timezone.utc)
latest = max(parse(m.group(2)) for f in files for m in PAT.finditer(open(f, encoding="utf-8").read()))
manifest = json.load(open(os.path.join(data, "generator_manifest.json")))
for key in ("extended_end", "standard_end"):  # the other sources end before these instants
    latest = max(latest, parse(manifest[key].rstrip("Z")))
text = open(newest, encoding="utf-8").read()
items = [parse(m.group(2)) for m in PAT.finditer(text)]
days = 1
while min(items) + dt.timedelta(days=days) <= latest:
    days += 1
def shift(m):
    t = parse(m.group(2)) + dt.timedelta(days=days)
    frac = "." + m.group(2).split(".")[1] if "." in m.group(2) else ""
    return '%s%s%sZ"' % (m.group(1), t.strftime("%Y-%m-%dT%H:%M:%S"), frac)
new_ms = stamp(newest) + days * 86_400_000
day = dt.datetime.fromtimestamp(new_ms / 1000, dt.timezone.utc)
target = os.path.join(out, "api", day.strftime("year=%Y/month=%m/day=%d"), "recently_played_%d.json" % new_ms)
os.makedirs(os.path.dirname(target), exist_ok=True)
with open(target, "w", encoding="utf-8") as fh:
    fh.write(PAT.sub(shift, text))
print(target, days, len(items))
PY
}

# Runs one timed command; appends a TSV row. /usr/bin/time writes "Command exited with non-zero
# status N" before its format line when the command fails, so the last line is the measurement.
timed() { # scale engine run log cmd...
  local scale=$1 engine=$2 run=$3 log=$4 rc=0 tf="$LOGS/.time"
  shift 4
  sync
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$log" 2>"$log.err" || rc=$?
  [ "$rc" -eq 0 ] || echo "  $engine run $run failed (exit $rc), see $log.err" >&2
  read -r w u s m < <(tail -1 "$tf")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$scale" "$engine" "$run" "$w" "$u" "$s" "$m" "$rc" >>"$RES"
  printf '  %s run %s %-22s %7s s wall, %7s s CPU, %6s MiB max RSS\n' "$scale" "$run" "$engine" "$w" \
    "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" "$((m / 1024))"
}

# Appends the row-count columns (plays, episodes, peers' silver-stage seconds) to the last row.
counts_ours() { # build_json
  python3 - "$1" >>"$RES" <<'PY' || printf '\t-\t-\t-\n' >>"$RES"
import json, sys
j = json.load(open(sys.argv[1]))
p = j.get("silver", j)["plays_out"]  # `build` of all layers nests the silver summary
print("\t%d\t%d\t-" % (p["music"], p["podcast"]))
PY
}
counts_peer() { # run_report.json
  python3 - "$1" >>"$RES" <<'PY' || printf '\t-\t-\t-\n' >>"$RES"
import json, sys
r = json.load(open(sys.argv[1]))
silver = sum(v for k, v in r["timings"].items() if k != "gold")
print("\t%d\t%d\t%.3f" % (r["counts"]["silver_plays"], r["counts"]["silver_episodes"], silver))
PY
}
no_counts() { printf '\t-\t-\t-\n' >>"$RES"; }

# A summed row: the listed steps of one run added up (RSS: the largest); the row counts are the
# last listed step's that has them.
sum_rows() { # scale run name engine...
  local s=$1 r=$2 n=$3
  shift 3
  awk -F'\t' -v s="$s" -v r="$r" -v n="$n" -v list="$*" '
    BEGIN { k = split(list, names, " "); for (i = 1; i <= k; i++) want[names[i]] = 1 }
    $1 == s && $3 == r && ($2 in want) {
      w += $4; u += $5; y += $6; m = ($7 > m ? $7 : m); e = ($8 > e ? $8 : e)
      if ($9 != "-") { p = $9; q = $10 } }
    END { printf "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t-\n", s, n, r, w, u, y, m, e, p, q }' \
    "$RES" >>"$RES.tmp"
  cat "$RES.tmp" >>"$RES"
  rm -f "$RES.tmp"
}

for scale in "$@"; do events_of "$scale" >/dev/null; done
# Gold and the report are measured when this binary has them (`build --layer gold`).
WITH_GOLD=0
"$BIN" build --help 2>/dev/null | grep -q gold && WITH_GOLD=1
echo "unwrapped $("$BIN" --version 2>/dev/null | head -1) | peers: ${PEERS[*]:-none} | runs $RUNS |" \
  "$(nproc) cores | load $(cut -d' ' -f1-3 /proc/loadavg)"
for scale in "$@"; do
  DATA="$BENCH_DIR/data-$scale"
  ensure_data "$scale" "$DATA"
  INCR="$BENCH_DIR/incr-$scale"
  rm -rf "$INCR"
  read -r INCR_FILE INCR_DAYS INCR_ITEMS < <(make_increment "$DATA" "$INCR")
  echo "$scale: increment $(basename "$INCR_FILE"), $INCR_ITEMS items shifted by $INCR_DAYS day(s)"
  echo "$INCR_ITEMS" >"$LOGS/incr-$scale.items"
  # Warm the page cache so every engine reads the inputs from memory.
  find "$DATA" -name '*.json' -exec cat {} + >/dev/null
  LAKE="$BENCH_DIR/lake-$scale"
  for r in $(seq 1 "$RUNS"); do
    rm -rf "$LAKE"
    L="$LOGS/$scale-$r"
    if [ -n "$FLOOR_BIN" ]; then
      COPY="$BENCH_DIR/floor-copy-$scale"
      rm -rf "$COPY"
      timed "$scale" floor "$r" "$L-floor.json" "$FLOOR_BIN" --copy-to "$COPY" --sha256 \
        "$DATA/extended" "$DATA/standard" "$DATA/api"
      no_counts
      rm -rf "$COPY"
    fi
    timed "$scale" unwrapped-import "$r" "$L-import.json" "$BIN" --lake "$LAKE" --no-progress --json \
      import "$DATA/extended" "$DATA/standard" "$DATA/api"
    no_counts
    timed "$scale" unwrapped-silver "$r" "$L-silver.json" "$BIN" --lake "$LAKE" --no-progress --json \
      build --layer silver
    counts_ours "$L-silver.json"
    sum_rows "$scale" "$r" unwrapped unwrapped-import unwrapped-silver
    if [ "$WITH_GOLD" = 1 ]; then
      timed "$scale" unwrapped-gold "$r" "$L-gold.json" "$BIN" --lake "$LAKE" --no-progress --json \
        build --layer gold
      no_counts
      sum_rows "$scale" "$r" unwrapped-full unwrapped-import unwrapped-silver unwrapped-gold
      timed "$scale" unwrapped-report "$r" "$L-report.txt" "$BIN" --lake "$LAKE" --no-progress \
        report --out "$LAKE/report.html"
      no_counts
    fi
    timed "$scale" unwrapped-incr-import "$r" "$L-incr-import.json" "$BIN" --lake "$LAKE" \
      --no-progress --json import "$INCR_FILE"
    no_counts
    timed "$scale" unwrapped-incr-build "$r" "$L-incr-build.json" "$BIN" --lake "$LAKE" \
      --no-progress --json build --layer silver
    counts_ours "$L-incr-build.json"
  done
  rm -rf "$LAKE"
  for engine in "${PEERS[@]}"; do
    OUT="$BENCH_DIR/out-$engine-$scale"
    for r in $(seq 1 "$RUNS"); do
      rm -rf "$OUT"
      (cd "$PEERS_SRC" && timed "$scale" "$engine" "$r" "$LOGS/$scale-$r-$engine.log" \
        node "${engine}_pipeline.mjs" "$DATA" "$OUT")
      if [ -f "$OUT/run_report.json" ]; then
        cp "$OUT/run_report.json" "$LOGS/$scale-$r-$engine-report.json"
        counts_peer "$OUT/run_report.json"
      else
        no_counts
      fi
    done
    rm -rf "$OUT"
  done
done

# Markdown table: medians per (scale, engine), ratios of every unwrapped row to each peer.
REPORT="$BENCH_DIR/results-$STAMP.md"
python3 - "$RES" "$BENCH_DIR" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$LOGS/table.md" <<'PY'
import csv, json, os, statistics, sys
res, bench, runs, load = sys.argv[1:5]
rows = list(csv.DictReader(open(res), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((r["scale"], r["engine"]), []).append(r)
num = lambda v: float(v) if v not in ("", "-") else None
def stats(rs):
    ok = [r for r in rs if r["exit"] == "0"]
    if not ok:
        return None
    med = lambda k: statistics.median(k(r) for r in ok)
    silver = [num(r["silver_stages_s"]) for r in ok if num(r["silver_stages_s"]) is not None]
    return dict(wall=med(lambda r: float(r["wall_s"])),
                cpu=med(lambda r: float(r["user_s"]) + float(r["sys_s"])),
                rss=max(int(r["maxrss_kb"]) for r in ok) / 1024,
                plays=ok[-1]["plays_out"], episodes=ok[-1]["episodes_out"],
                silver=statistics.median(silver) if silver else None, ok=len(ok), n=len(rs))
order = ["floor", "unwrapped", "unwrapped-full", "unwrapped-import", "unwrapped-silver", "unwrapped-gold",
         "unwrapped-report", "unwrapped-incr-import", "unwrapped-incr-build", "duckdb", "polars"]
ratio = lambda a, b: "%.2f" % (a / b) if a is not None and b else "-"
print("| scale | engine | wall median s | CPU s (user+sys) median | peak RSS MiB | rows out "
      "(plays / episodes) | truth plays | wall / duckdb (full / silver stages) | "
      "wall / polars (full / silver stages) | RSS / duckdb | RSS / polars | runs ok |")
print("|---|---|---:|---:|---:|---|---:|---|---|---:|---:|---|")
notes = []
for scale in dict.fromkeys(r["scale"] for r in rows):
    man = os.path.join(bench, "data-" + scale, "generator_manifest.json")
    truth = json.load(open(man))["expected_unique_music_plays"] if os.path.exists(man) else None
    items = os.path.join(os.path.dirname(res), "incr-%s.items" % scale)
    # The extra API response holds distinct plays, all newer than the rest: truth grows by its items.
    truth_incr = truth + int(open(items).read()) if truth is not None and os.path.exists(items) else None
    expected = {"unwrapped": truth, "unwrapped-full": truth, "duckdb": truth, "polars": truth,
                "unwrapped-incr-build": truth_incr}
    st = {e: stats(groups[(scale, e)]) for e in order if (scale, e) in groups}
    d, p = st.get("duckdb"), st.get("polars")
    for e, s in st.items():
        if s is None:
            print("| %s | %s | failed | | | | | | | | | 0/%d |" % (scale, e, len(groups[(scale, e)])))
            continue
        ours = e in ("floor", "unwrapped", "unwrapped-full", "unwrapped-silver",
                     "unwrapped-incr-build")
        vs = lambda peer: ("%s / %s" % (ratio(s["wall"], peer["wall"]), ratio(s["wall"], peer["silver"]))
                           if ours and peer else "-")
        rss = lambda peer: ratio(s["rss"], peer["rss"]) if ours and peer else "-"
        rows_out = "%s / %s" % (s["plays"], s["episodes"]) if s["plays"] != "-" else "-"
        print("| %s | %s | %.2f | %.2f | %.0f | %s | %s | %s | %s | %s | %s | %d/%d |" % (
            scale, e, s["wall"], s["cpu"], s["rss"], rows_out,
            expected.get(e) or "", vs(d), vs(p), rss(d), rss(p),
            s["ok"], s["n"]))
    for e in ("duckdb", "polars"):
        if st.get(e) and st[e]["silver"] is not None:
            notes.append("%s %s: stages up to write_silver %.2f s (median) of %.2f s wall" % (
                scale, e, st[e]["silver"], st[e]["wall"]))
print()
print("Peers' silver-only time = sum of their run_report.json stages except `gold` (node start-up "
      "and engine load not included, so the silver-stage ratio flatters the peers slightly):")
print()
for n in notes:
    print("- " + n)
print()
print("Load average at the end: %s. unwrapped rows: each step is timed on its own; "
      "`unwrapped` = import + silver build, `unwrapped-full` = import + silver + gold (the peers' "
      "whole job), peak RSS = the largest step's; `report` = writing the HTML report from gold. "
      "`floor` = parsing and hashing every JSON file once while making a durable copy of it "
      "(json_floor --copy-to --sha256, 2 threads): the least any import + silver build must do. "
      "`incr-*` = importing one extra API "
      "response of newer plays into the built lake, then `build` again. Episodes: the peers' "
      "count also holds the extended export's all-null records, which our silver drops (no "
      "identity), so it is higher by manifest `ext_unknown`." % load)
PY
{
  echo "# silver_vs_peers $STAMP"
  echo
  echo "\`$(basename "$0") $(basename "$BIN") $*\`, RUNS=$RUNS, $(nproc) cores, $("$BIN" --version 2>/dev/null | head -1)"
  echo
  cat "$LOGS/table.md"
  echo
  echo "## Raw runs"
  echo
  echo '```tsv'
  cat "$RES"
  echo '```'
} >"$REPORT"
echo
cat "$LOGS/table.md"
echo "results: $REPORT (logs in $LOGS)"
