#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=N`: builds every harness of tests/fuzz with clang, libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer in the sanitised build folder that
# `make test-sanitized` shares (build-san, see configure.sh), then runs each for N seconds from its
# seeds, its regression corpus and its dictionary. FUZZ_HARNESSES="query html" runs only those
# (default: all nine), so long runs can be split across cores. A crash, a leak of
# time (-timeout) or memory (-rss_limit_mb) is a finding: the input is kept in
# build-san/fuzz-work/<harness>/ and the run exits non-zero. Copy a finding into
# tests/fuzz/regressions/<harness>/ once fixed: the ordinary test suite replays that folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-build-san}
jobs=${JOBS:-2}
# Seconds one input may take. libFuzzer counts wall-clock time, so on a crowded machine a longer
# run may need more (FUZZ_TIMEOUT=30) to keep the scheduler's stalls from counting as hangs.
timeout=${FUZZ_TIMEOUT:-10}
read -r -a harnesses <<<"${FUZZ_HARNESSES:-corpus_xml query email docx html page_text charset pdf mbox}"
tests/fuzz/configure.sh "$build"
cmake --build "$build" -j "$jobs" --target "${harnesses[@]/#/fuzz_}"

export PROVISIO_DATA="$PWD/corpus" PROVISIO_GENERAL_LEXICON=
# Leak checks are off: ICU, GLib and GMime keep process-wide caches that LeakSanitizer reports.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1
failed=()
for h in "${harnesses[@]}"; do
  work="$build/fuzz-work/$h"
  mkdir -p "$work/corpus"
  dict=()
  case $h in
    corpus_xml|docx) dict=(-dict=tests/fuzz/dict/xml.dict) ;;
    html) dict=(-dict=tests/fuzz/dict/html.dict) ;;
    query) dict=(-dict=tests/fuzz/dict/query.dict) ;;
  esac
  read -r -a seeds < "$build/tests/fuzz/fuzz_$h.seeds"
  echo "== fuzz_$h: $seconds s"
  if ! "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" "$work/corpus" \
       "tests/fuzz/regressions/$h" "${seeds[@]}" 2>"$work/log"; then
    failed+=("$h")
    tail -40 "$work/log"
  fi
  grep -E "stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$work/log" | sed "s/^/   /" || true
  echo "   corpus: $(find "$work/corpus" -type f | wc -l) inputs"
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (inputs in $build/fuzz-work/)" >&2
  exit 1
fi
echo "fuzz: no findings in ${#harnesses[@]} harnesses, $seconds s each"
