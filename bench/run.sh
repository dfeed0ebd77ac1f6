#!/usr/bin/env bash
# The speed-at-scale benchmark (README, "Performance"): builds, then runs `provisio-bench run`
# with the options given, e.g.  bench/run.sh --slices 10000,100000,all --runs 3,1,1
# Tables go to stdout, progress to stderr. Without ../shared/data it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory build >&2
exec build/bench/provisio-bench run "$@"
