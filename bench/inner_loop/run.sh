#!/usr/bin/env bash
# Times the developer's inner loop: the rebuild `just migrate` does after `just migrate-new`
# wrote a revision (the glob re-runs CMake, one revision compiles, migrate links), after an
# edit of that revision, and when nothing changed; with mold and with ld.bfd in one run.
# Writes bench/results/inner_loop.md.
#   bench/inner_loop/run.sh            RUNS (default 10) timed runs per case
#   SOURCE=DIR OUT=FILE bench/inner_loop/run.sh   times another checkout (an older commit's
#                                      worktree, for a before/after) and writes FILE instead
#   LINKERS="mold bfd"                 the linkers to time (default: both when mold is installed)
# It works on a scratch copy of the checkout (its own migrations/versions and build trees,
# configured as the justfile's `_configure` does), so the project itself is never touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-10}"
command -v hyperfine >/dev/null || { echo "run.sh: hyperfine is missing (./dev installs it)" >&2; exit 1; }

work=$(mktemp -d /tmp/migrate-bench-inner-XXXXXX)
trap 'rm -rf "$work"' EXIT
src="$work/src"
mkdir -p "$src"
# The tracked files as they are in the working tree (uncommitted changes included).
source="${SOURCE:-$root}"
git -C "$source" ls-files -z --cached --others --exclude-standard | (cd "$source" && xargs -0 cp --parents -t "$src")
export CCACHE_BASEDIR="$src" CCACHE_NOHASHDIR=1 CCACHE_SLOPPINESS=pch_defines,time_macros
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)

# Two trees differing only in the linker. MIGRATE_MOLD is the cache entry find_program fills.
declare -A linker_flag=([mold]="" [bfd]="-DMIGRATE_MOLD=MIGRATE_MOLD-NOTFOUND")
linkers=(bfd)
command -v mold >/dev/null && linkers=(mold bfd)
[[ -n "${LINKERS:-}" ]] && read -ra linkers <<<"$LINKERS"  # e.g. LINKERS=bfd for a tree that predates mold
for l in "${linkers[@]}"; do
  # shellcheck disable=SC2086  # the flag is one word or none
  cmake -S "$src" -B "$work/build-$l" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" ${linker_flag[$l]} >/dev/null
  cmake --build "$work/build-$l" --target migrate >/dev/null
done

# The revisions a developer adds are copies of two of the application's, under a new id:
# a small one (one table) and the largest (seven tables, their indexes and keys).
versions="$src/migrations/versions"
small="$versions/7d1f4c2a9b3e_create_products.cpp"
large="$versions/8e4f2a6d1c93_create_carts_coupons_and_orders.cpp"
lines() { wc -l <"$1" | tr -d ' '; }
# write_revision FROM: a new file (new id, so a new name and a ccache miss), the last one removed.
cat >"$work/write_revision" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
from=$1 versions=$2
rm -f "$versions"/*_bench_inner_loop.cpp
id=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
old=$(sed -n 's/^MIGRATE_REVISION(.id = "\([0-9a-f]*\)".*/\1/p' "$from")
sed "s/$old/$id/g" "$from" >"$versions/${id}_bench_inner_loop.cpp"
EOF
cat >"$work/edit_revision" <<'EOF'
#!/usr/bin/env bash
# One more comment line: the content changes (a ccache miss), the file set does not.
echo "// edited $(date +%s%N)" >>"$(ls "$1"/*_bench_inner_loop.cpp)"
EOF
chmod +x "$work/write_revision" "$work/edit_revision"

results="$work/results.tsv"
: >"$results"
time_case() {  # name linker prepare
  local name=$1 l=$2 prepare=$3 json="$work/$1-$2.json"
  hyperfine -N --warmup 1 --runs "$runs" ${prepare:+--prepare "$prepare"} --export-json "$json" \
    "cmake --build $work/build-$l --target migrate" >/dev/null 2>&1
  python3 - "$json" "$name" "$l" >>"$results" <<'EOF'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = r["times"]
print("\t".join([sys.argv[2], sys.argv[3], f"{statistics.median(t):.2f}", f"{min(t):.2f}", f"{max(t):.2f}",
                 f"{r['user'] + r['system']:.2f}"]))
EOF
}
for l in "${linkers[@]}"; do
  time_case "new small revision ($(lines "$small") lines)" "$l" "$work/write_revision $small $versions"
  time_case "new large revision ($(lines "$large") lines)" "$l" "$work/write_revision $large $versions"
  time_case "edit of that revision" "$l" "$work/edit_revision $versions"
  "$work/write_revision" "$small" "$versions"  # leave the tree changed once, then built
  cmake --build "$work/build-$l" --target migrate >/dev/null
  time_case "nothing changed" "$l" ""
done

# Where the time of one new small revision goes: when ninja reports each step finished,
# in ms from the start of the build (its steps overlap on 2 cores).
l=${linkers[0]}
"$work/write_revision" "$small" "$versions"
t0=$(date +%s%N)
breakdown=$(cmake --build "$work/build-$l" --target migrate | while IFS= read -r line; do
  case $line in
    *"Re-running CMake"*|*"Building CXX"*|*"Linking CXX"*|*"Checksums of"*|*"Build files have been written"*)
      printf '| %s | %d |\n' "$(sed -e 's/^\[[0-9\/]*\] //' -e "s|$work/||" <<<"$line")" $((($(date +%s%N) - t0) / 1000000)) ;;
  esac
done)
out="${OUT:-$root/bench/results/inner_loop.md}"
{
  echo "# Inner-loop benchmark: the rebuild after \`just migrate-new\`"
  echo
  echo "Generated by \`bench/inner_loop/run.sh\` on $(date -u +%Y-%m-%d), source at $(git -C "$source" log -1 --format=%h)"
  echo "($(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Each case is \`cmake --build build --target migrate\`, what"
  echo "\`just migrate\` runs first, in a RelWithDebInfo tree configured as the justfile does (ccache on),"
  echo "timed by hyperfine ($runs runs after one warm-up). Before each run of a \"new revision\" case a new"
  echo "revision file is written (a copy of one of the application's under a new id, so a new file name"
  echo "and a ccache miss), as \`just migrate-new\` does; \"edit\" appends a line to it. CPU is user + system"
  echo "seconds per run, compiler and linker included."
  echo
  echo "| case | linker | median s | min s | max s | CPU s |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$results"
  echo
  echo "One new small revision with $l: when each step finished, ms from the start of the build"
  echo "(ninja prints a step when it ends; steps overlap on $(nproc) cores):"
  echo
  echo "| step | done at ms |"
  echo "|---|---|"
  echo "$breakdown"
} >"$out"
cat "$out"
