# The README's two commands, and the benchmark. Each installs what it needs (.ci/setup.sh).
# Recipes use bash: .ci/env.sh is sourced and relies on it.
SHELL := bash

.PHONY: run test build bench first-load lighthouse flood chaos fuzz

## Start the platform with the demo fair on the embedded database: http://127.0.0.1:3000
run:
	bash .ci/setup.sh
	bash .ci/build.sh
	. .ci/env.sh && "$$CLOUD_FAIR_BIN" serve --demo

## Run every test.
test:
	bash .ci/test.sh

build:
	bash .ci/setup.sh
	bash .ci/build.sh

## The benchmark on a Canton-scale database (about 2 GB in data-canton/; not part of the tests).
bench:
	bash .ci/bench.sh

## Each catalogue page's first visit on a slow mobile link: script and wasm bytes, time to
## interactive; fails past 150 KiB or 3 s.
first-load:
	bash .ci/demo-bench.sh first-load

## Lighthouse 12's mobile scores of the home, hall, booth, product and search pages; fails below
## 95 for performance or 100 for accessibility, best practices and SEO.
lighthouse:
	bash .ci/demo-bench.sh lighthouse

## Floods while visitors are served: 1,000 clients trickling headers, every password-hashing
## endpoint, mixed uploads; fails if /healthz or a product page reaches 1 s p99.
flood:
	bash .ci/flood.sh

## The server killed with SIGKILL under a mixed write load, 20 times, on SQLite then PostgreSQL;
## fails if an acknowledged write is lost or the database or search index is broken.
chaos:
	bash .ci/chaos.sh

## Every fuzz target for 10 minutes, one after another (nightly, cargo-fuzz; not part of the tests).
## One target or another duration: bash .ci/fuzz.sh TARGET SECONDS
fuzz:
	bash .ci/fuzz.sh
