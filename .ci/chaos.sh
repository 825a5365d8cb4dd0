#!/usr/bin/env bash
# The chaos run (not part of `make test`: it takes minutes): builds the server, runs
# `server chaos` on SQLite in a fresh data folder, then on a throwaway PostgreSQL cluster
# (a temporary folder, a free loopback port, default settings) that is removed afterwards.
# Each run kills the server with SIGKILL under a mixed write load and fails if an
# acknowledged write is lost or a check fails (see README, "Chaos").
# Environment: CHAOS_KILLS (default 20), CHAOS_SEED (default 2026), CHAOS_PROFILE
# (debug, the default: the build `make test` makes, so little is built again; or release), CHAOS_ENGINES (default "sqlite postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
kills="${CHAOS_KILLS:-20}"
seed="${CHAOS_SEED:-2026}"
profile="${CHAOS_PROFILE:-debug}"
engines="${CHAOS_ENGINES:-sqlite postgres}"
build_server "$profile"
bin="$target/$profile/server"
work="$(mktemp -d)"
chmod 755 "$work"
pg_data=""

as_postgres() { # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [ -n "$pg_data" ]; then as_postgres pg_ctl -D "$pg_data" stop -m fast >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

for engine in $engines; do
  case "$engine" in
    sqlite)
      echo "== chaos on SQLite ($profile build, $kills kills, seed $seed)"
      "$bin" --data-dir "$work/sqlite" chaos --kills "$kills" --seed "$seed"
      ;;
    postgres)
      port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
      mkdir -p "$work/pg"
      [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$work/pg"
      pg_data="$work/pg/data"
      as_postgres initdb -A trust -U cloudfair -E UTF8 -D "$pg_data" >/dev/null
      as_postgres pg_ctl -D "$pg_data" -l "$work/pg/log" -w \
        -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
      createdb -h 127.0.0.1 -p "$port" -U cloudfair chaos
      echo "== chaos on PostgreSQL $(postgres --version | awk '{print $3}') ($profile build, $kills kills, seed $seed)"
      DATABASE_URL="postgres://cloudfair@127.0.0.1:$port/chaos" \
        "$bin" --data-dir "$work/postgres" chaos --kills "$kills" --seed "$seed"
      ;;
    *) echo "unknown engine $engine: sqlite or postgres"; exit 2 ;;
  esac
done
