# Convenience front door: installs what is missing, drives CMake, runs the demo and the tests.
# The first two commands of the README are `make demo` and `make test`.

BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
PROVISIO := $(BUILD)/tools/provisio
DEMO_DB  := $(BUILD)/demo-index
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian 12 packages the build and the tests need (see README, "Dependencies").
PACKAGES := g++ cmake make pkg-config libxapian-dev xapian-tools libpugixml-dev libicu-dev \
            libboost-test-dev nlohmann-json3-dev libcli11-dev libzip-dev libgumbo-dev poppler-utils \
            libsqlite3-dev libgmime-3.0-dev python3-jieba wamerican libbenchmark-dev xz-utils libxlsxwriter-dev unzip \
            clang libclang-rt-14-dev \
            libcpp-httplib-dev libctemplate-dev libsodium-dev curl libopencc-dev \
            python3-selenium chromium chromium-driver fonts-wqy-zenhei wrk \
            libpoppler-cpp-dev libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-chi-tra \
            tesseract-ocr-chi-sim pango1.0-tools

.PHONY: all deps build demo test run install bench clean eval-search eval-link eval-segment eval-script bench-analysis \
        fuzz test-sanitized

all: build

# Installs only what is missing, so a second run needs no network and no root.
deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# ccache, when the machine has it, makes rebuilds in a second checkout cheap; nothing needs it.
LAUNCHER := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(LAUNCHER)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

# The main job: index the bundled corpus and run real searches against it.
demo: build
	$(PROVISIO) index --db $(DEMO_DB)
	$(PROVISIO) search --db $(DEMO_DB) --limit 3 "CCC testing"
	$(PROVISIO) search --db $(DEMO_DB) --limit 3 檢測
	$(PROVISIO) search --db $(DEMO_DB) --limit 3 "mutual recognition"
	$(PROVISIO) show --db $(DEMO_DB) --lang en cepa-tig/art58/2

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole project built with AddressSanitizer and UndefinedBehaviorSanitizer (clang) in its own
# folder, and the full test suite run under them (CI runs it; see README, "Reliability"). The same
# build serves `make fuzz` (tests/fuzz/configure.sh), so the sanitised project compiles once.
# Leak checks are off: ICU, GLib and GMime keep process-wide caches that LeakSanitizer reports.
SAN_BUILD ?= build-san
test-sanitized: deps
	tests/fuzz/configure.sh $(SAN_BUILD)
	cmake --build $(SAN_BUILD) -j $(JOBS) -- --no-print-directory
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir $(SAN_BUILD) --output-on-failure -j $(JOBS)

# libFuzzer harnesses (tests/fuzz) with ASan and UBSan, each run FUZZ_SECONDS seconds;
# FUZZ_HARNESSES="query html" picks some (default: all).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=$(SAN_BUILD) JOBS=$(JOBS) tests/fuzz/run.sh

# Quality of `provisio link suggest` on the sample submissions of tests/linking: recall@5 and MRR
# for the tuning half, the held-out half and all (README, "Measured: make eval-link"); then the
# precision and recall of campaign grouping on a synthetic campaign (tests/campaign_letters.h).
# make eval-link EVAL_ARGS=--verbose lists the samples one by one.
eval-link: build
	$(PROVISIO) index --db $(BUILD)/eval-index corpus/instruments >/dev/null
	$(BUILD)/tests/eval_link $(BUILD)/eval-index tests/linking/samples tests/linking/expected.tsv $(EVAL_ARGS)

# Segmentation F1 on the SIGHAN 2005 test sets beside plain ICU (skips when ../shared is absent).
eval-segment: build
	@bench/eval_segment.sh $(PROVISIO)

# Traditional-to-Simplified display conversions (ICU, OpenCC t2s and hk2s, Provisio's) on the Hong
# Kong terms of tests/script/hk_terms.tsv: accuracy and the terms each gets wrong.
eval-script: build
	$(BUILD)/tests/eval_script

# Analysis throughput (MB/s) beside Xapian's own TermGenerator with FLAG_CJK_NGRAM.
bench-analysis: build
	$(BUILD)/bench/bench_analysis

# The speed-at-scale benchmark on ../shared/data (long: see README, "Performance").
# make bench BENCH_ARGS='--slices 10000 --runs 1'
bench: build
	BUILD=$(BUILD) bench/run.sh $(BENCH_ARGS)

# make run ARGS='search "CCC testing"'
run: build
	$(PROVISIO) $(ARGS)

install: build
	$(SUDO) cmake --install $(BUILD)

clean:
	rm -rf $(BUILD)

# Relevance: Provisio against Xapian's n-gram baseline on tests/relevance/queries.jsonl, for the
# held-out half, the tuning half and both (README, "Relevance").
# make eval-search EVAL_ARGS=--per-query lists the tuning half's queries one by one.
eval-search: build
	$(BUILD)/tests/eval_search $(EVAL_ARGS)
