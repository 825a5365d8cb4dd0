#!/usr/bin/env bash
# The flood benchmark (not part of `make test`: it takes a few minutes and prints figures):
# builds the server, then runs `server bench-flood` on a fresh demo fair in a temporary data
# folder: 1,000 clients trickling their headers, a flood at every endpoint that hashes a
# password, a flood of mixed uploads, each while probes time /healthz and product pages.
# Fails if a probe's p99 reaches 1 s or a probe is not answered (see README, "Floods").
# Environment: FLOOD_PROFILE (release, the default: what a fair runs; or debug, the build
# `make test` makes), FLOOD_SECONDS (each flood's length, default 20); further arguments go
# to bench-flood (`bash .ci/flood.sh --trickling 2000`).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
profile="${FLOOD_PROFILE:-release}"
build_server "$profile"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every trickling client holds a socket on each side.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$target/$profile/server" --data-dir "$work" bench-flood --seconds "${FLOOD_SECONDS:-20}" "$@"
