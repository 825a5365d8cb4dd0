# Sourced by the build and test scripts: where things are, and tools first on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/end2end/node_modules/.bin:$PATH"
for pg in /usr/lib/postgresql/*/bin; do [ -d "$pg" ] && PATH="$PATH:$pg"; done
target="${CARGO_TARGET_DIR:-$root/target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
export CLOUD_FAIR_BIN="$target/release/server"
# Builds the server binary in profile $1 (release or debug) as $target/$1/server.
build_server() {
  if [ "$1" = release ]; then
    cargo build --release --locked -p server --bin server
  else
    cargo build --locked -p server --bin server
  fi
}
export LEPTOS_SITE_ROOT="$target/site"
