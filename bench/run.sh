#!/usr/bin/env bash
# The speed-at-scale benchmark (README, "Performance"; `make bench`). Builds, then:
#   1. `provisio-bench run` with the options given: indexing, index size, library queries,
#      whole-process search and incremental re-indexing, each beside the Xapian n-gram baseline;
#   2. on the largest slice's corpus and index, kept from step 1:
#      the server under load (bench/web_load.sh: 1, 8 and 32 clients) and
#      the index in one and in three shards, in process and through xapian-tcpsrv on loopback
#      (bench/shards.sh, with the single index read in process as its baseline).
#
#   bench/run.sh --slices 10000,100000,all --runs 3,3,3     # what the README's tables come from
#   bench/run.sh --slices 2000 --runs 1                      # a quick look at every table
#
# Environment: BUILD (default build) is the build folder measured; BENCH_LOAD_SECONDS (default 20)
# is how long wrk runs per client count; BENCH_SHARDS (default "1 3") the shard counts.
# Tables go to stdout, progress to stderr. Without ../shared/data it says so and exits 0. The
# scratch folder (--work, default $TMPDIR/provisio-bench) is emptied of what this run made unless
# --keep is given, as `provisio-bench run` does.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
make --no-print-directory build BUILD="$build" >&2

work=${TMPDIR:-/tmp}/provisio-bench slices=10000,100000,all keep=0
args=("$@")
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    --work=*) work=${1#*=}; shift ;;
    --slices) slices=$2; shift 2 ;;
    --slices=*) slices=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help|--help-all) exec "$build/bench/provisio-bench" run --help ;;
    *) shift ;;
  esac
done

# Step 1 keeps its slices so that step 2 can reuse the largest one's corpus and index.
"$build/bench/provisio-bench" run "${args[@]}" --keep
largest=${slices##*,}
slice=$work/slice-$largest
cleanup() {
  [ "$keep" = 1 ] && return 0
  IFS=, read -ra names <<<"$slices"
  for n in "${names[@]}"; do rm -rf "$work/slice-$n"; done
  rm -rf "$work/bundled" "$work/bundled-baseline" "$work/shards"
}
trap cleanup EXIT
if [ ! -d "$slice/ours" ]; then
  exit 0  # provisio-bench said why (no data)
fi

echo
echo "Server under load on the largest slice ($slice/ours): bench/web_load.sh"
echo
PROVISIO="$build/tools/provisio" PROVISIO_BENCH="$build/bench/provisio-bench" \
  bench/web_load.sh --db "$slice/ours" --queries bench/queries.tsv --duration "${BENCH_LOAD_SECONDS:-20}" |
  sed -n '/^provisio serve/p; /^| clients/,$p'

echo
echo "Shards on the largest slice: bench/shards.sh"
echo
bench/shards.sh --corpus "$slice/corpus" --work "$work/shards" --shards "${BENCH_SHARDS:-1 3}" \
  --single-index "$slice/ours" --repeat 3 --bin "$build" --summary-only
