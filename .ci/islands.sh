#!/usr/bin/env bash
# The catalogue pages' light bundle: the app crate built with `hydrate-islands` (only its
# islands reach the browser), the way cargo-leptos builds the whole site's bundle (the same
# environment, so nothing is rebuilt for a changed variable) but in a target folder of its own
# (a cdylib's file name carries no feature hash: in one folder, each build would spoil the
# other's and every build would relink both and run wasm-opt again), then named
# `cloud-fair-islands.<hash>.{js,wasm}` in the site's pkg folder, with its hashes in
# `hash-islands.txt` beside the server binaries, where `app::shell` reads them.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
export LEPTOS_OUTPUT_NAME=cloud-fair LEPTOS_SITE_ROOT="$LEPTOS_SITE_ROOT" LEPTOS_SITE_PKG_DIR=pkg \
  LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=server \
  LEPTOS_JS_MINIFY=true LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=hash.txt
cargo build --locked --package=app --lib --target-dir="$target/islands" --target=wasm32-unknown-unknown \
  --no-default-features --features=hydrate-islands --profile=wasm-release
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name islands \
  "$target/islands/wasm32-unknown-unknown/wasm-release/app.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$work/islands_bg.wasm" -o "$work/islands.wasm"
# Minified as cargo-leptos minifies the site's (esbuild, from npm: cargo-leptos keeps its own).
esbuild "$work/islands.js" --minify --format=esm --log-level=warning --outfile="$work/islands.min.js"
mv "$work/islands.min.js" "$work/islands.js"
hash() { sha256sum "$1" | head -c 22; }
js_hash="$(hash "$work/islands.js")"
wasm_hash="$(hash "$work/islands.wasm")"
pkg="$LEPTOS_SITE_ROOT/pkg"
rm -f "$pkg"/cloud-fair-islands.*
cp "$work/islands.js" "$pkg/cloud-fair-islands.$js_hash.js"
cp "$work/islands.wasm" "$pkg/cloud-fair-islands.$wasm_hash.wasm"
for profile in release debug; do
  mkdir -p "$target/$profile"
  printf 'js: %s\nwasm: %s\n' "$js_hash" "$wasm_hash" >"$target/$profile/hash-islands.txt"
done
