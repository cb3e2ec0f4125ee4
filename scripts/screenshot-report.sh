#!/usr/bin/env bash
# Regenerates the report screenshots in docs/: runs `unwrapped demo` into a temporary folder and
# renders its report with Debian's headless Chromium — the top of the page in the light scheme,
# the habits sections (week, heatmap) in the light scheme, and the top of the page in the dark
# scheme. Other sections are hidden with an extra style rule so each picture is one screenful.
#
# usage: scripts/screenshot-report.sh [path/to/unwrapped]   (default: build/release/src/unwrapped)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/src/unwrapped}"
command -v chromium >/dev/null || { echo "screenshot-report: chromium is not installed (scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$bin" ] || { echo "screenshot-report: no binary at $bin (build first)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A fixed zone and seed make the pictures reproducible.
UNWRAPPED_TIMEZONE=Europe/Berlin "$bin" --no-progress demo --events 60000 --seed 3 --out "$work/demo" >/dev/null
report="$work/demo/lake/report.html"

# shot NAME WIDTH HEIGHT CSS [extra chromium flags...]: renders the report with CSS added.
shot() {
  local name="$1" width="$2" height="$3" css="$4"
  shift 4
  sed "s|</head>|<style>$css</style></head>|" "$report" > "$work/$name.html"
  chromium --headless --disable-gpu --no-sandbox --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$width,$height" --screenshot="$root/docs/$name.png" "$@" "file://$work/$name.html" \
    >/dev/null 2>&1
  echo "docs/$name.png: $(( $(stat -c %s "$root/docs/$name.png") / 1024 )) KiB"
}

top='section:not(#overview):not(#top-artists){display:none}'
shot report-light 1100 1900 "$top"
shot report-habits 1100 1700 'header,nav.toc,section:not(#week):not(#heatmap):not(#sessions){display:none}'
shot report-dark 1100 1900 "$top" --force-dark-mode --blink-settings=preferredColorScheme=0
