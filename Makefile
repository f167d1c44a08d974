# Lantern: `make site` builds the sample site into public/, `make test` runs the tests.
SWIFT ?= swift
# The sample themes are for 2026's 端午 and 三八; building "as of" 2026-06-10 opens the
# 端午 shop and the birthday cards. Override: make site TODAY=2026-03-05
TODAY ?= 2026-06-10
LANTERN = .build/debug/lantern

.PHONY: site test lint deps build bench bench-collect bench-serve fuzz contact-sheet clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product lantern

site: build
	$(LANTERN) build --today $(TODAY)
	@echo
	@echo "Open public/index.html (portal, shops, care menu)."
	@echo "Member pages: see private/links.csv for each member's personal link (never publish private/)."

# Each library target imports only the ones before it (also a test, LayerTests).
lint:
	@scripts/check-layers

# Swift tests, then the browser tests (headless Chromium against the real binary), then the
# deploy to an S3-compatible server (moto's, on loopback).
test: build lint
	$(SWIFT) test
	@scripts/install-test-deps.sh
	python3 -m pytest Tests/browser
	python3 -m pytest Tests/deploy

# Release build, synthetic sites of 10,000 and 100,000 members, Hugo on the same work;
# writes BENCHMARKS.md. Takes a while (see scripts/bench/README.md).
bench: deps
	python3 scripts/bench/run.py --write $(BENCH_FLAGS)

# The collector under wrk at 100,000 members, kill -9 in the middle, and lantern report over
# 100,000 orders; writes its section of BENCHMARKS.md. See scripts/bench/collect.py.
bench-collect: deps
	python3 scripts/bench/collect.py --write $(BENCH_COLLECT_FLAGS)

# `lantern serve` at 10,000 members: the portal after start, member pages on request, the
# reload event after an edit, peak memory; writes its section of BENCHMARKS.md. See scripts/bench/serve.py.
bench-serve: deps
	python3 scripts/bench/serve.py --write $(BENCH_SERVE_FLAGS)

# libFuzzer targets (Fuzz/), each run for FUZZ_SECONDS (default 300) one after another; prints
# executions and crashes per target. Not part of `make test`. See README, "Fuzzing".
FUZZ_SECONDS ?= 300
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz/run.sh $(FUZZ_TARGETS)

# Screenshots of every page kind of two occasions at 360 px in one picture, docs/pages.png
# (scripts/contact-sheet.py). Not part of `make test`.
contact-sheet: build
	@scripts/install-test-deps.sh
	python3 scripts/contact-sheet.py

clean:
	rm -rf .build .build-bench .build-fuzz Fuzz/out public/index.html public/robots.txt public/_headers public/assets public/shop public/lists public/menu public/m private/state
