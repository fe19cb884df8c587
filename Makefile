# The two commands of the README:
#   make run    build xhht and run the pipeline on ./pipeline.yml (the sample Input/)
#   make test   build and run every test (unit, corpus, hostile files, browser checks)
SWIFT ?= swift
CONFIG ?= pipeline.yml

.PHONY: run test test-fast setup build release corpus bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# The Swift runtime linked in: one self-contained binary to copy to a server, and a quarter less
# memory at start (20 MB instead of 26; see docs/benchmarks.md).
release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product xhht

# Exit 1 (warnings) and 2 (input errors listed in issues.csv) are finished runs with reports
# written: make treats them as success; 3 and above (configuration, lock, failure) stop make.
run: release
	.build/release/xhht run --config $(CONFIG) || [ $$? -le 2 ]

# Everything, including the browser and checker tests (installs chromium, Java's checker...).
test:
	@bash scripts/setup.sh --full
	XHHT_FULL_TESTS=1 $(SWIFT) test
	$(MAKE) corpus

# Unit tests only: no browser, no corpus score.
test-fast: setup
	$(SWIFT) test

# The reader's score on the shared corpus of real workbooks (release build).
corpus: release
	python3 scripts/corpus-score.py

bench: release
	python3 scripts/bench-read.py

clean:
	rm -rf .build
