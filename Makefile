# Vigil: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# Needed to build (libcurl for notifications and scraping, libyaml for rule files, SQLite for state).
BUILD_PACKAGES := libcurl4-openssl-dev libyaml-dev libsqlite3-dev pkg-config
# Needed by the test suite: promtool (Debian's prometheus) to validate /metrics and rule files;
# amtool (prometheus-alertmanager) to prove Alertmanager's CLI works against Vigil; a real SMTP
# server (python3-aiosmtpd) and openssl for the email and webhook-signature tests; and Python's
# networkx (from PyPI) so the contingency engine is compared with ../shared/reference/contingency_ref.py;
# dpkg-dev and lintian for the package `make deb` builds (tested when dist/vigil exists).
TEST_PACKAGES := prometheus prometheus-alertmanager python3-aiosmtpd openssl dpkg-dev lintian chromium chromium-driver
VIGIL := .build/debug/vigil

.PHONY: run test build deps test-deps bench bench-alerting check lint clean fuzz-diff fuzz dist deb

## run: build and start the daemon on the embedded defaults (etc/vigil.yml, the demo program)
run: build
	$(VIGIL) run

## test: run the whole test suite (the command CI runs), then the shipped rules' unit tests
test: deps test-deps
	mkdir -p .build; $(SWIFT) test --disable-xctest 2>&1 | tee .build/test.log; \
	status=$${PIPESTATUS[0]}; \
	if [ $$status -ne 0 ]; then exit $$status; fi; \
	grep -Eq 'Test run with [1-9][0-9]* tests? .*passed' .build/test.log || { echo "no tests ran"; exit 1; }
	$(VIGIL) test rules rules/tests/*.yml

## build: compile the daemon (debug)
build: deps
	$(SWIFT) build --product vigil

## dist: a release binary in dist/vigil with the Swift runtime linked in (it needs only the Debian
##   libraries `ldd dist/vigil` lists), stamped with the git revision, branch, build user and date
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/VigilCore/BuildInfo.swift)
STAMP = -Xcc -DVIGIL_REVISION='"$(shell git rev-parse HEAD 2>/dev/null)"' \
	-Xcc -DVIGIL_BRANCH='"$(shell git rev-parse --abbrev-ref HEAD 2>/dev/null)"' \
	-Xcc -DVIGIL_BUILD_USER='"$(shell id -un)@$(shell hostname)"' \
	-Xcc -DVIGIL_BUILD_DATE='"$(shell date -u +%Y%m%d-%H:%M:%S)"' \
	-Xcc -DVIGIL_SWIFT_VERSION='"$(shell $(SWIFT) --version 2>&1 | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -1)"'
dist: deps
	$(SWIFT) build -c release --product vigil --static-swift-stdlib --scratch-path .build-dist $(STAMP) \
		-Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
	mkdir -p dist && cp .build-dist/release/vigil dist/vigil
	dist/vigil --version

## deb: dist/vigil_$(VERSION)_<arch>.deb, built with dpkg-deb from packaging/ (no network)
deb: dist
	packaging/make-deb dist/vigil $(VERSION) dist

## check: validate the shipped configuration
check: build
	$(VIGIL) check config etc/vigil.yml

## lint: formatting as .swift-format says (swift-format ships with the toolchain)
lint:
	$(SWIFT) format lint --strict -r Sources Tests Benchmarks/Benchmarks Package.swift Benchmarks/Package.swift Fuzz/Sources Fuzz/Package.swift

## fuzz-diff: the PromQL/rule differential test against promtool with thousands of random cases
##   (a new seed each run; a failure prints the seed and case numbers to reproduce it)
fuzz-diff: deps test-deps
	VIGIL_DIFF_SEED=random VIGIL_DIFF_CASES=$${CASES:-3000} $(SWIFT) test --disable-xctest --filter PromQLDifferentialTests

## fuzz: the libFuzzer harnesses in Fuzz/ (PromQL, exposition, rule files, config, schedule, templates),
##   FUZZ_SECONDS each (600 by default; CI runs 30), seeded from the project's own files; a crash
##   stops the run and leaves its input in Fuzz/crashes/ (make it a regression test, then delete it);
##   then the PromQL differential test against promtool on DIFF_CASES random cases (seed DIFF_SEED)
FUZZ_SECONDS ?= 600
DIFF_SEED ?= random
DIFF_CASES ?= 3000
FUZZERS := FuzzPromQL FuzzExposition FuzzRuleFile FuzzConfig FuzzSchedule FuzzTemplate
fuzz: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	rm -rf .build/fuzz-corpus && python3 Fuzz/seed-corpora.py .build/fuzz-corpus
	mkdir -p Fuzz/crashes
	for f in $(FUZZERS); do \
		echo "fuzz: $$f for $(FUZZ_SECONDS) s"; \
		Fuzz/.build/debug/$$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
			-artifact_prefix=Fuzz/crashes/$$f- .build/fuzz-corpus/$$f 2>&1 | grep -E '^(stat::|==|SUMMARY|Done|Fatal|.*ERROR)' || true; \
		if ls Fuzz/crashes/$$f-* >/dev/null 2>&1; then echo "fuzz: $$f found a crash: $$(ls Fuzz/crashes/$$f-*)"; exit 1; fi; \
	done
	$(MAKE) test-deps
	VIGIL_DIFF_SEED=$(DIFF_SEED) VIGIL_DIFF_CASES=$(DIFF_CASES) $(SWIFT) test --disable-xctest --filter PromQLDifferentialTests

## bench: run the benchmarks (a separate package, never built by `make test`)
bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark --no-progress

## bench-alerting: Alertmanager 0.25 and Vigil side by side (10k alerts), with the issue's receiver
##   (../shared/bench/webhook_sink.py) and with a keep-alive receiver that is not the bottleneck
bench-alerting: deps test-deps
	$(SWIFT) build -c release --product vigil --scratch-path .build-release
	python3 Benchmarks/alerting/side_by_side.py --vigil .build-release/release/vigil --n $${N:-10000} --sink stock --out /tmp/vigil-bench-alerting/stock
	python3 Benchmarks/alerting/side_by_side.py --vigil .build-release/release/vigil --n $${N:-10000} --sink keepalive --out /tmp/vigil-bench-alerting/keepalive

## deps / test-deps: install the system packages with apt-get when any is missing
deps:
	@./.ci/install-packages $(BUILD_PACKAGES)

test-deps:
	@./.ci/install-packages $(TEST_PACKAGES)
	@python3 -c 'import networkx' 2>/dev/null || python3 -m pip install --quiet networkx || \
		echo "warning: networkx not installed; the N-1/N-2 comparison with contingency_ref.py will be skipped"

clean:
	rm -rf .build .build-dist dist Benchmarks/.build Fuzz/.build
