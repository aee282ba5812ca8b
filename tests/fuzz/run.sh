#!/usr/bin/env bash
# The fuzz targets' driver (see tests/fuzz/CMakeLists.txt), called by the justfile:
#   run.sh build                  configure build-fuzz/ with clang (once) and build the targets
#   run.sh fuzz TARGET SECONDS    fuzz one target; new inputs go to build-fuzz/corpus/TARGET,
#                                 crashes to build-fuzz/artifacts/TARGET/
#   run.sh replay                 run every target once on each input of its corpus and
#                                 regressions (what CI does): non-zero if any input fails
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
build=${MIGRATE_FUZZ_BUILD_DIR:-build-fuzz}
bin=$build/tests/fuzz
fuzz=tests/fuzz
# Stop at the first finding, with a stack, whatever the sanitizer.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

targets() { for f in "$fuzz"/*.cpp; do basename "$f" .cpp; done; }

build() {
  # clang-14 and its libFuzzer runtime are only needed here, not by every build.
  ./dev --install clang-14 libclang-rt-14-dev
  if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DMIGRATE_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_BUILD_TYPE=None >/dev/null
  fi
  # Gentle on a shared machine.
  nice -n 10 cmake --build "$build"
}

case "${1:-}" in
  build) build ;;
  fuzz)
    target=${2:?usage: run.sh fuzz TARGET [SECONDS]}
    seconds=${3:-600}
    build
    if [ ! -x "$bin/fuzz_$target" ]; then
      echo "no fuzz target '$target'; there are: $(targets | tr '\n' ' ')" >&2
      exit 2
    fi
    mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$fuzz/corpus/$target" "$fuzz/regressions/$target"
    dict=()
    [ -f "$fuzz/$target.dict" ] && dict=(-dict="$fuzz/$target.dict")
    # The first folder receives what the fuzzer finds; the repository's seeds stay as they are.
    nice -n 19 "$bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 "${dict[@]}" -artifact_prefix="$build/artifacts/$target/" \
      "$build/corpus/$target" "$fuzz/corpus/$target" "$fuzz/regressions/$target"
    ;;
  replay)
    build
    status=0
    for target in $(targets); do
      mapfile -t inputs < <(find "$fuzz/corpus/$target" "$fuzz/regressions/$target" -type f ! -name ".*" 2>/dev/null | sort)
      if [ ${#inputs[@]} -eq 0 ]; then
        echo "fuzz replay: $target has no corpus (tests/fuzz/corpus/$target)" >&2
        status=1
        continue
      fi
      log=$build/replay-$target.log
      if "$bin/fuzz_$target" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" >"$log" 2>&1; then
        echo "fuzz replay: $target: ${#inputs[@]} inputs passed"
      else
        echo "fuzz replay: $target FAILED (log: $log):" >&2
        grep -aE "property broken|ERROR: |runtime error|Running:|^  [^ ]" "$log" | tail -20 >&2
        status=1
      fi
    done
    exit $status
    ;;
  *) sed -n '2,8p' "$0" >&2; exit 2 ;;
esac
