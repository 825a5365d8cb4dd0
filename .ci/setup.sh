#!/usr/bin/env bash
# Installs what building and testing Cloud Fair needs, only when it is missing, so a second
# run takes seconds: the wasm target, cargo-leptos, the wasm-bindgen CLI matching Cargo.lock,
# Debian's Chromium, brotli, ffmpeg (video posters), coturn (the TURN relay the call tests run) and PostgreSQL server binaries, and (from npm, in end2end/)
# Playwright, axe-core, binaryen 132's wasm-opt (Debian's older wasm-opt breaks hydration), esbuild
# (minifies the islands bundle's script) and Lighthouse (`make lighthouse`).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(cargo leptos --version 2>/dev/null)" != "cargo-leptos 0.3.10" ]; then
  log "installing cargo-leptos 0.3.10 (about 15 minutes on 2 cores)"
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads
fi

wasm_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen" ]; then
  log "installing wasm-bindgen-cli $wasm_bindgen (the version in Cargo.lock)"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v brotli >/dev/null || missing+=(brotli)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v turnserver >/dev/null || missing+=(coturn)
command -v prlimit >/dev/null || missing+=(util-linux)
command -v initdb >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -x end2end/node_modules/.bin/playwright ] \
   || [ ! -x end2end/node_modules/.bin/esbuild ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing Playwright, axe-core, binaryen, esbuild and Lighthouse from npm"
  (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
fi
