#!/usr/bin/env bash
# Configures the one sanitised build that both `make test-sanitized` and `make fuzz` use (folder
# $1, default build-san): clang, AddressSanitizer and UndefinedBehaviorSanitizer everywhere, and
# libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link) so that the harnesses of
# tests/fuzz link as libFuzzer binaries (PROVISIO_FUZZ=ON). The ordinary tests link against the
# same objects: the coverage hooks cost them little, and CI compiles the project with sanitisers
# once instead of twice (README, "Reliability").
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-san}
sanitizers="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
launcher=$(command -v ccache >/dev/null && echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache" || true)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DPROVISIO_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="$sanitizers -fsanitize=fuzzer-no-link" -DCMAKE_EXE_LINKER_FLAGS="$sanitizers" \
  $launcher >/dev/null
