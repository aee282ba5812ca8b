# migrate: the developer's daily commands. `just --list` shows them all.
set shell := ["bash", "-euo", "pipefail", "-c"]

build_dir := env_var_or_default("MIGRATE_BUILD_DIR", "build")
migrate := build_dir / "src/cli/migrate"

# ccache (installed by ./dev) turns a rebuild of unchanged sources, in another checkout or a
# clean clone in CI, into a lookup. Paths inside the checkout are hashed relative to it.
launcher := if `command -v ccache || true` != "" { "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache" } else { "" }
export CCACHE_BASEDIR := justfile_directory()
export CCACHE_NOHASHDIR := "1"
# CLI11 is a precompiled header: ccache uses it only with these two relaxed.
export CCACHE_SLOPPINESS := "pch_defines,time_macros"

# Show every recipe.
default:
    @just --list

# Build output goes to stderr in every recipe: stdout carries only the command's answer, so
# `just migrate-sql base:head > upgrade.sql` is clean SQL and `just migrate-status | grep` works.

# Configure the build tree once.
_configure:
    @[ -f {{build_dir}}/build.ninja ] || cmake -S . -B {{build_dir}} -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo {{launcher}} {{ if env_var_or_default("CI", "") != "" { "-DMIGRATE_WERROR=ON" } else { "" } }} >/dev/null

# Configure (once) and build the migrate binary and the tests.
build: _configure
    @cmake --build {{build_dir}} >&2

# The migrate binary alone, with every revision file compiled in: what the recipes that run
# it need (the test suites are `just build`'s business).
_bin: _configure
    @cmake --build {{build_dir}} --target migrate >&2

# Build and run every test suite (unit, integration, cli) against a throwaway PostgreSQL.
test: build
    ctest --test-dir {{build_dir}} --output-on-failure -j2

# Build with AddressSanitizer and UBSan (Debug, build-asan/) and run every suite under them.
test-sanitize:
    @[ -f build-asan/build.ninja ] || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMIGRATE_SANITIZE=ON -DMIGRATE_WERROR=ON -DMIGRATE_BENCH=OFF {{launcher}} >/dev/null
    @cmake --build build-asan >&2
    LSAN_OPTIONS=suppressions={{justfile_directory()}}/tests/lsan.supp ctest --test-dir build-asan --output-on-failure -j2

# Starts the dev database if none is reachable.
# Apply every revision up to head, or up to a target: just migrate ae1027a6acf
migrate target="head": _bin db-up
    {{migrate}} upgrade {{quote(target)}}

# The dev database must be at head; review the file before `just migrate`.
# Write a new revision from the models' changes: just migrate-new "add email index to customers"
migrate-new message: _bin db-up
    {{migrate}} revision --autogenerate -m {{quote(message)}}

# Write an empty revision to fill in by hand: just migrate-new-empty "backfill prices"
migrate-new-empty message: _bin
    {{migrate}} revision -m {{quote(message)}}

# Show where the database is, the graph's heads, and what `just migrate` would apply.
migrate-status: _bin db-up
    {{migrate}} current --verbose
    {{migrate}} heads
    {{migrate}} pending head

# List the revisions, newest first, the current ones marked: just migrate-history -3:current
migrate-history range="base:heads": _bin db-up
    {{migrate}} history --indicate-current -r {{quote(range)}}

# Show the graph's heads (more than one: merge them with migrate-merge).
migrate-heads: _bin
    {{migrate}} heads --verbose

# Write a revision merging the heads: just migrate-merge "merge billing" [REV...] (default: all heads).
[positional-arguments]
migrate-merge message *revs: _bin
    {{migrate}} merge {{ if revs == "" { "heads" } else { '"${@:2}"' } }} -m "$1"

# Set the version table to revisions without running them: just migrate-stamp head
[positional-arguments]
migrate-stamp +revs: _bin db-up
    {{migrate}} stamp "$@"

# Revert the last applied revision.
migrate-down: _bin db-up
    {{migrate}} downgrade -1

# Move the database up or down to a revision: just migrate-to ae1027a6acf
migrate-to rev: _bin db-up
    {{migrate}} to {{quote(rev)}}

# Print the SQL an upgrade would run, without touching a database: just migrate-sql base:head > upgrade.sql
migrate-sql range="head": _bin
    {{migrate}} upgrade {{quote(range)}} --sql

# Compare the models with the database; exit 1 when a new revision is needed.
migrate-check: _bin db-up
    {{migrate}} check

# On a scratch database of the dev server (DATABASE_URL's in a pipeline), dropped afterwards; the configured
# database is never touched. Exit code: the failing step's (1 drift, 4 revision, 5 database, 8 changed).
# What the pipeline runs: every revision up, check, verify, down to base, up again, check again.
ci: _bin db-up
    @scripts/ci.sh {{quote(migrate)}}

# PREFIX comes from the environment, default /usr/local. Only the binary (the install's
# `runtime` component): `cmake --install build` adds the engine's libraries, headers and CMake package.
# Put the migrate binary on PATH as PREFIX/bin/migrate: PREFIX=~/.local just install
install: _bin
    cmake --install {{build_dir}} --component runtime --prefix {{quote(env_var_or_default("PREFIX", "/usr/local"))}} >&2

# docker/Dockerfile's builder runs the same script (build-release/: Release, no tests, SQL revisions embedded).
# Build the deployable migrate, stripped, as DEST/bin/migrate: just release /tmp/release
release dest:
    scripts/release.sh {{quote(dest)}}

# Start the dev database (docker compose if an engine answers, else a local cluster).
db-up:
    @scripts/db.sh up

# Stop the dev database, keeping its data.
db-down:
    @scripts/db.sh down

# Destroy the dev database's data and create it again, empty but for the init script.
db-reset:
    @scripts/db.sh reset

# Extra arguments go to tail (local cluster) or to docker compose logs.
# Show the dev database's log (the last 200 lines); just db-logs -f follows it.
[positional-arguments]
db-logs *args:
    @scripts/db.sh logs "$@"

# Check the dev database: connect, show the version, verify extensions and schemas.
db-test:
    @scripts/db.sh test

# Load a realistic data set (300 customers, 200 products, 1000 orders); it replaces an earlier load.
db-seed: db-up
    scripts/db.sh psql -X -q -v ON_ERROR_STOP=1 -f scripts/seed.sql

# Build the libFuzzer targets (tests/fuzz, clang with ASan and UBSan, build-fuzz/).
fuzz-build:
    @tests/fuzz/run.sh build

# Fuzz one target (ini, target, sql_revision, url, redact) for SECONDS: just fuzz ini 600
fuzz target seconds="600":
    @tests/fuzz/run.sh fuzz {{quote(target)}} {{quote(seconds)}}

# Run every fuzz target on its corpus and on every crash ever found (CI runs it).
fuzz-replay:
    @tests/fuzz/run.sh replay
