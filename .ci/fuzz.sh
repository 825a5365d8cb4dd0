#!/usr/bin/env bash
# The fuzz targets of server/fuzz (cargo-fuzz on the nightly toolchain), one at a time, each on
# one core at the lowest priority. Not part of `make test`.
#
#   bash .ci/fuzz.sh [TARGET] [SECONDS] [OPTION…]
#                                         every target (or TARGET) for SECONDS each (600), with
#                                         libFuzzer's OPTIONs (say -max_len=65536: by default
#                                         inputs grow slowly up to 4 KiB or the corpus' longest)
#   bash .ci/fuzz.sh --cmin [TARGET] [OPTION…]
#                                         fold what the runs found into the committed corpus,
#                                         minimised (server/fuzz/corpus/TARGET); -max_len=N
#                                         keeps only the first N bytes of each input
#
# Runs start from the committed corpus and write what they find to server/fuzz/target/found/
# (ignored by git); a crash is saved under server/fuzz/artifacts/TARGET/ and stops the run.
set -euo pipefail
cd "$(dirname "$0")/../server"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
fuzz() { nice -n 19 cargo +nightly fuzz "$@"; }

if [ "${1:-}" = "--cmin" ]; then
    fuzz build --debug-assertions
    binaries=fuzz/target/x86_64-unknown-linux-gnu/release
    # As cargo fuzz runs them: a global of the bundled SQLite trips ASan's one-definition check.
    export ASAN_OPTIONS=detect_odr_violation=0
    targets="${2:-$(cargo +nightly fuzz list)}"
    shift $(( $# < 2 ? $# : 2 ))
    for target in $targets; do
        merged="fuzz/target/merged/$target"
        rm -rf "$merged" && mkdir -p "$merged" "fuzz/target/found/$target"
        nice -n 19 "$binaries/$target" -set_cover_merge=1 "$@" "$merged" \
            "fuzz/corpus/$target" "fuzz/target/found/$target"
        rm -rf "fuzz/corpus/$target" && mv "$merged" "fuzz/corpus/$target"
    done
    exit 0
fi

targets="${1:-$(cargo +nightly fuzz list)}"
seconds="${2:-600}"
shift $(( $# < 2 ? $# : 2 ))
for target in $targets; do
    echo "== $target for $seconds s"
    mkdir -p "fuzz/target/found/$target"
    fuzz run --debug-assertions "$target" "fuzz/target/found/$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=60 -print_final_stats=1 "$@"
done
