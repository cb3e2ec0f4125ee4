#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the benchmarks need.
# Idempotent: packages already present are skipped, `apt-get update` runs at most once per call
# and only when something is missing. Safe to run as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache clang lld libclang-rt-14-dev pkg-config git
  # libraries (DESIGN §6)
  libsimdjson-dev libcurl4-openssl-dev libcpp-httplib-dev libzip-dev zlib1g-dev libzstd-dev
  libsnappy-dev libssl-dev libpugixml-dev libpqxx-dev libpq-dev libsqlite3-dev
  libhowardhinnant-date-dev tzdata libcli11-dev libtomlplusplus-dev libspdlog-dev libfmt-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
  zip unzip time python3 procps
  # the report: rendered and screenshotted headless in tests (Debian's package); a CJK font so
  # Japanese and Chinese names render in the screenshots
  chromium fonts-dejavu-core fonts-wqy-zenhei
  # the warehouse tests and bench start a throwaway PostgreSQL cluster (scripts/test-postgres.sh)
  postgresql
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js runs the independent Parquet readers (DuckDB, Polars, parquet-wasm) in tests. A machine
# may already carry a newer Node with its own npm (NodeSource); Debian's npm would conflict with it.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
