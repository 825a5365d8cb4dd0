#!/usr/bin/env bash
# Every test: unit tests, storage and HTTP tests on SQLite and a throwaway PostgreSQL cluster,
# then the browser tests (hydrated and JavaScript off) against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
source .ci/env.sh
cargo test --workspace --locked
bash .ci/build.sh
cd end2end
npx playwright test
