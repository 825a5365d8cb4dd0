# Sourced by the build and test scripts: where things are, and tools first on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/end2end/node_modules/.bin:$PATH"
for pg in /usr/lib/postgresql/*/bin; do [ -d "$pg" ] && PATH="$PATH:$pg"; done
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
export CLOUD_FAIR_BIN="$target/release/server"
export LEPTOS_SITE_ROOT="$target/site"
