# The two commands of the README:
#   make run    build xhht and run the pipeline on ./pipeline.yml (the sample Input/)
#   make test   build and run every test (unit, corpus, hostile files, browser checks)
SWIFT ?= swift
CONFIG ?= pipeline.yml

.PHONY: run run-2026 test test-fast setup build release corpus bench fuzz clean

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

# The second sample (samples/can-tho-2026/README.md): the new Cần Thơ after the reform, the 2026
# review over 2023-2026. Invented workbooks are made once (python3 with openpyxl); the two years
# before the reform are imported with the three former provinces' list, 2025 with today's, then
# 2026 is run. Reports in samples/can-tho-2026/Output/2026/.
S26 = samples/can-tho-2026
run-2026: release
	@test -d $(S26)/Input-2026 || python3 scripts/make-sample/make_can_tho_2026.py --out $(S26)
	.build/release/xhht import --config $(S26)/pipeline.yml --year 2023 --units $(S26)/units/former-provinces-2025-03-01.csv --input $(S26)/Input-2023 -q || [ $$? -le 2 ]
	.build/release/xhht import --config $(S26)/pipeline.yml --year 2024 --units $(S26)/units/former-provinces-2025-03-01.csv --input $(S26)/Input-2024 -q || [ $$? -le 2 ]
	.build/release/xhht import --config $(S26)/pipeline.yml --year 2025 --input $(S26)/Input-2025 -q || [ $$? -le 2 ]
	.build/release/xhht run --config $(S26)/pipeline.yml || [ $$? -le 2 ]

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
