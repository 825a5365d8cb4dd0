#!/usr/bin/env bash
# The benchmark (a command that prints figures, never a test): on the Canton-scale database,
# requests per second at saturation, then p50/p99 latency at half that rate, for the product,
# booth, hall and search pages, next to the same server answering a saved copy of the product
# page from memory. Also the generation time, database size, the search index's full build
# (time, size, memory), 1,000 searches through the index and through SQLite FTS5 one at a
# time, messages through the sockets (bench-chat), server memory and bundle sizes.
# Environment: CLOUD_FAIR_BENCH_DATA (default data-canton), BENCH_SECONDS (default 10),
# CHAT_RATE (messages a second of the latency run, default 2000), BENCH_FTS5 (off: skip the
# FTS5 yardstick, which takes minutes to build and run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
command -v oha >/dev/null || cargo install oha --version 1.16.0 --locked
bash .ci/build.sh
source .ci/env.sh
data="${CLOUD_FAIR_BENCH_DATA:-$root/data-canton}"
seconds="${BENCH_SECONDS:-10}"
port=3400
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== Canton-scale session in $data"
/usr/bin/time -f "generation: %e s wall, %M KB peak memory" "$CLOUD_FAIR_BIN" --data-dir "$data" generate --scale canton
echo "database: $(du -b "$data/cloud-fair.db" | cut -f1 | numfmt --to=iec) ($(du -b "$data/cloud-fair.db" | cut -f1) bytes)"

echo
echo "== search index: full build, then 1,000 searches one at a time, through the index and SQLite FTS5"
/usr/bin/time -f "reindex: %e s wall, %M KB peak memory" "$CLOUD_FAIR_BIN" --data-dir "$data" reindex
yardstick=()
[ "${BENCH_FTS5:-on}" = off ] && yardstick=(--without-fts5)
"$CLOUD_FAIR_BIN" --data-dir "$data" bench-search --queries 1000 --urls "$work/search-paths.txt" "${yardstick[@]}"

start() {
  # The per-person message limit is lifted: bench-chat measures the pipeline, not the limit.
  CLOUD_FAIR_RATE_LIMIT_SCALE=1000 "$CLOUD_FAIR_BIN" --data-dir "$data" --addr "127.0.0.1:$port" --log-format json serve "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && return; sleep 0.1; done
  echo "the server did not start"; cat "$work/server.log"; exit 1
}

start
product="/products/1175000"
booth="/exhibitors/$(curl -fs "$base/sitemaps/exhibitors-0.xml" | grep -o '/exhibitors/[a-z0-9-]*' | sed -n 13000p | cut -d/ -f3)"
hall="/halls/$(curl -fs "$base/sitemaps/pages.xml" | grep -o '/halls/[a-z0-9-]*' | sed -n 75p | cut -d/ -f3)"
curl -fs "$base$product" >"$work/product.html"
kill "$server"; wait "$server" 2>/dev/null || true
start --bench-copy "$work/product.html"

# 200,000 products picked at random from the whole session, so nearly every request misses the
# caches and reads the database: the cost of a page nobody has asked for lately.
python3 -c "import random; random.seed(2026); print('\n'.join(f'$base/products/{random.randint(1, 2350000)}' for _ in range(200000)))" >"$work/products.txt"
sed "s|^|$base|" "$work/search-paths.txt" >"$work/searches.txt"

measure() { # name path-or-@url-file [shown path] → one table row
  local json max half target=("$base$2")
  [[ $2 == @* ]] && target=(--urls-from-file "${2#@}")
  json=$(oha -z "${seconds}s" -c 32 --no-tui --output-format json "${target[@]}")
  max=$(python3 -c 'import json,sys; print(round(json.load(sys.stdin)["summary"]["requestsPerSec"]))' <<<"$json")
  half=$((max / 2))
  oha -z "${seconds}s" -c 32 -q "$half" --latency-correction --no-tui --output-format json "${target[@]}" >"$work/run.json"
  python3 - "$1" "${3:-$2}" "$max" "$half" "$work/run.json" <<'PY'
import json, sys
name, path, top, half, file = sys.argv[1:]
r = json.load(open(file))
p = r["latencyPercentiles"]
ok = r["statusCodeDistribution"]
print(f"| {name} | `{path}` | {int(top):,} | {int(half):,} | {p['p50']*1000:.2f} | {p['p99']*1000:.2f} | {ok} |")
PY
}

echo
echo "== HTTP, 32 connections, ${seconds} s per figure, on $(nproc) cores (server and load generator share them)"
echo "| page | path | max req/s | at req/s | p50 ms | p99 ms | statuses |"
echo "|---|---|---|---|---|---|---|"
measure "product page" "$product"
measure "product pages, 200,000 at random" "@$work/products.txt" "random /products/{id}"
measure "booth page" "$booth"
measure "hall page" "$hall"
measure "search page, the 1,000 searches in turn" "@$work/searches.txt" "/search?q=…"
measure "pre-rendered copy of the product page, from memory" "/bench/copy"

echo
echo "== messages over the sockets: saturation, then ${CHAT_RATE:-2000} a second, then memory per idle socket"
"$CLOUD_FAIR_BIN" --data-dir "$data" bench-chat --server "127.0.0.1:$port" --server-pid "$server" \
  --pairs 200 --rate "${CHAT_RATE:-2000}" --seconds "$seconds" --idle 10000

echo
status() { grep "^$1:" "/proc/$server/status" | awk '{print $2, $3}'; }
echo "server memory: peak resident $(status VmHWM); now $(status RssAnon) anonymous (heap, caches)" \
  "and $(status RssFile) file-backed (the database file mapped by SQLite, which the kernel can drop)"

echo
echo "== hydrate bundle"
for f in "$LEPTOS_SITE_ROOT"/pkg/cloud-fair.*.wasm "$LEPTOS_SITE_ROOT"/pkg/cloud-fair.*.js; do
  printf '%s: %s raw, %s gzip, %s brotli\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)" "$(brotli -q 11 -c "$f" | wc -c)"
done
