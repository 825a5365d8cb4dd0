#!/usr/bin/env bash
# Release build of the server and the hydrate bundle, the catalogue pages' islands bundle
# (.ci/islands.sh), then brotli and gzip copies of the
# bundle for the server to send precompressed. With --frontend-only, the bundle alone: the
# tests run it with the server binary their own (debug) build made, sparing a release build.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
if [ "${1:-}" = --frontend-only ]; then
  cargo leptos build --release --frontend-only
  # The bundle's hashes, where the server looks for them: next to its binary.
  mkdir -p "$target/debug"
  cp -p "$target/release/hash.txt" "$target/debug/hash.txt"
else
  cargo leptos build --release
fi
bash "$root/.ci/islands.sh"
# The 3D viewer (Google's <model-viewer>, from npm), served by us and loaded only on request.
mkdir -p "$LEPTOS_SITE_ROOT/vendor"
cp -p "$root/end2end/node_modules/@google/model-viewer/dist/model-viewer.min.js" "$LEPTOS_SITE_ROOT/vendor/"
for file in "$LEPTOS_SITE_ROOT"/pkg/*.{wasm,js,css} "$LEPTOS_SITE_ROOT"/vendor/*.js; do
  [ -f "$file" ] || continue
  if [ ! -f "$file.br" ] || [ "$file" -nt "$file.br" ]; then
    brotli -f -q 11 -o "$file.br" "$file"
    gzip -f -k -9 "$file"
  fi
done
