#!/usr/bin/env bash
# The first-load benchmark (not part of `make test`): builds the release server and both
# browser bundles, starts the demo fair in a temporary data folder, and visits each catalogue
# page once in Debian's Chromium on a 1.6 Mbit/s, 150 ms link (end2end/bench/first-load.mjs):
# the bytes of script and WebAssembly transferred and the time to interactive. Fails if a page
# needs more than 150 KiB or 3 s (see README, "First load").
# Environment: FIRST_LOAD_PROFILE (release, the default, or debug), FIRST_LOAD_PORT (3300).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
profile="${FIRST_LOAD_PROFILE:-release}"
port="${FIRST_LOAD_PORT:-3300}"
if [ "$profile" = release ]; then bash .ci/build.sh; else bash .ci/build.sh --frontend-only; build_server debug; fi
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
node bench/first-load.mjs "http://127.0.0.1:$port"
