#!/usr/bin/env bash
# A browser benchmark against a fresh demo fair (not part of `make test`): builds the release
# server and both browser bundles, starts the demo fair in a temporary data folder, and runs
# end2end/bench/$1.mjs with the fair's address in Debian's Chromium:
#   first-load  each catalogue page's first visit on a 1.6 Mbit/s, 150 ms link: the bytes of
#               script and WebAssembly, the time to interactive (≤ 150 KiB, ≤ 3 s);
#   lighthouse  Lighthouse 12's mobile scores of the home, hall, booth, product and search pages
#               (performance ≥ 95, accessibility, best practices and SEO 100).
# Fails if a page misses a target (see README, "First load" and "Lighthouse").
# Environment: BENCH_PROFILE (release, the default, or debug: the build `make test` makes),
# BENCH_PORT (3300).
set -euo pipefail
cd "$(dirname "$0")/.."
bench="${1:?which benchmark: first-load or lighthouse}"
bash .ci/setup.sh
source .ci/env.sh
profile="${BENCH_PROFILE:-release}"
port="${BENCH_PORT:-3300}"
if [ "$profile" = release ]; then
  bash .ci/build.sh
else
  bash .ci/build.sh --frontend-only
  build_server debug
fi
work="$(mktemp -d)"
"$target/$profile/server" --data-dir "$work" --addr "127.0.0.1:$port" serve --demo >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
cd end2end
node "bench/$bench.mjs" "http://127.0.0.1:$port"
