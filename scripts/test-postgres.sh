#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, from Debian's postgresql package.
#   test-postgres.sh start DIR          initdb in DIR/data, start on a free port with its unix
#                                       socket in DIR; prints the superuser's URL
#   test-postgres.sh createdb DIR NAME  creates database NAME
#   test-postgres.sh stop DIR           stops the server (immediate) and removes DIR
# Authentication: trust over the socket and for every TCP user except `uw_password`, whose
# password (`uw-secret`) is checked (scram-sha-256) over 127.0.0.1 — for wrong-password tests.
# As root, the server runs as the unprivileged `postgres` user (or `nobody`). Exit 77 when the
# server binaries are missing, so callers can skip.
set -euo pipefail

cmd=${1:?usage: test-postgres.sh start|createdb|stop DIR [NAME]}
dir=${2:?usage: test-postgres.sh start|createdb|stop DIR [NAME]}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "test-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 77
fi

run=()
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id -u postgres >/dev/null 2>&1 || user=nobody
  run=(runuser -u "$user" --)
fi

case "$cmd" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ ${#run[@]} -eq 0 ] || chown "${run[2]}" "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${run[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1
    cat >"$dir/data/pg_hba.conf" <<HBA
local all all               trust
host  all uw_password 127.0.0.1/32 scram-sha-256
host  all all         127.0.0.1/32 trust
HBA
    # Durability is not what these tests check; fsync off keeps a run fast on a shared machine.
    "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    echo "$port" >"$dir/port"
    "${run[@]}" "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE uw_password LOGIN SUPERUSER PASSWORD 'uw-secret'" >/dev/null
    echo "postgresql://postgres@/postgres?host=$dir&port=$port"
    ;;
  createdb)
    name=${3:?createdb needs a NAME}
    "${run[@]}" "$bindir/psql" -h "$dir" -p "$(cat "$dir/port")" -U postgres -d postgres -q \
      -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"" >/dev/null
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "test-postgres: unknown command $cmd" >&2
    exit 2
    ;;
esac
