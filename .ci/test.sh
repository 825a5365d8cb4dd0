#!/usr/bin/env bash
# Every test: formatting and lints (the server, and the app's hydrate build on the wasm target;
# warnings are errors), unit tests, storage and HTTP tests on SQLite and a throwaway PostgreSQL
# cluster (with the migration checksums, the schema comparison and the import-circle check),
# then the browser tests (hydrated and JavaScript off) against the release bundle, served by
# the server binary the tests' build made (a release build of the server would add a quarter
# of an hour to every run and test the same code).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo fmt --all -- --check
cargo clippy -p server --all-targets --locked -- -D warnings
cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate \
    --locked -- -D warnings
cargo test --workspace --locked
bash .ci/build.sh --frontend-only
cd end2end
CLOUD_FAIR_BIN="$target/debug/server" npx playwright test
