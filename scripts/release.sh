#!/usr/bin/env bash
# The release build: `scripts/release.sh DEST` gives DEST/bin/migrate, optimised and
# stripped, with the application's revisions compiled in and its plain SQL revisions
# embedded (MIGRATE_EMBED_SQL), so the one file deploys them all. `just release DEST`
# (./dev release DEST) and docker/Dockerfile's builder stage both run this script: the
# image is built by the commands a developer runs.
# It uses its own build folder (MIGRATE_RELEASE_BUILD_DIR, default build-release/), builds
# only the `migrate` target (no tests, no benchmarks) and installs the `runtime` component.
# Build output goes to stderr.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: scripts/release.sh DEST" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$1"
dest=$(cd "$1" && pwd)
build=${MIGRATE_RELEASE_BUILD_DIR:-$root/build-release}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIGRATE_TESTS=OFF -DMIGRATE_BENCH=OFF \
  -DMIGRATE_EMBED_SQL=ON "${launcher[@]}" >&2
cmake --build "$build" --target migrate >&2
cmake --install "$build" --component runtime --strip --prefix "$dest" >&2
