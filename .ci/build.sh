#!/usr/bin/env bash
# Release build of the server and the hydrate bundle, then brotli and gzip copies of the
# bundle for the server to send precompressed.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
cargo leptos build --release
for file in "$LEPTOS_SITE_ROOT"/pkg/*.{wasm,js,css}; do
  [ -f "$file" ] || continue
  if [ ! -f "$file.br" ] || [ "$file" -nt "$file.br" ]; then
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -k -9 "$file"
  fi
done
