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

# Configure (once) and build the migrate binary and the tests.
build:
    @[ -f {{build_dir}}/build.ninja ] || cmake -S . -B {{build_dir}} -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo {{launcher}} {{ if env_var_or_default("CI", "") != "" { "-DMIGRATE_WERROR=ON" } else { "" } }} >/dev/null
    @cmake --build {{build_dir}}

# Build and run every test suite (unit, integration, cli) against a throwaway PostgreSQL.
test: build
    ctest --test-dir {{build_dir}} --output-on-failure -j2

# Build with AddressSanitizer and UBSan (Debug, build-asan/) and run every suite under them.
test-sanitize:
    @[ -f build-asan/build.ninja ] || cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMIGRATE_SANITIZE=ON -DMIGRATE_WERROR=ON -DMIGRATE_BENCH=OFF {{launcher}} >/dev/null
    @cmake --build build-asan
    LSAN_OPTIONS=suppressions={{justfile_directory()}}/tests/lsan.supp ctest --test-dir build-asan --output-on-failure -j2

# Apply every revision up to head (starts the dev database if none is reachable).
migrate: build db-up
    {{migrate}} upgrade head

# Write a new revision from the models' changes: just migrate-new "add email index to customers"
# (the dev database must be at head; review the file before `just migrate`).
migrate-new message: build db-up
    {{migrate}} revision --autogenerate -m {{quote(message)}}

# Write an empty revision to fill in by hand: just migrate-new-empty "backfill prices"
migrate-new-empty message: build
    {{migrate}} revision -m {{quote(message)}}

# Show where the database is and what is left to apply.
migrate-status: build db-up
    {{migrate}} current --verbose
    {{migrate}} heads

# Revert the last applied revision.
migrate-down: build db-up
    {{migrate}} downgrade -1

# Move the database up or down to a revision: just migrate-to ae1027a6acf
migrate-to rev: build db-up
    {{migrate}} to {{quote(rev)}}

# Print the SQL an upgrade from base to head would run, without touching a database.
migrate-sql range="head": build
    {{migrate}} upgrade {{quote(range)}} --sql

# Compare the models with the database; exit 1 when a new revision is needed.
migrate-check: build db-up
    {{migrate}} check

# Start the dev database (docker compose if an engine answers, else a local cluster).
db-up:
    @scripts/db.sh up

# Stop the dev database, keeping its data.
db-down:
    @scripts/db.sh down

# Destroy the dev database's data and create it again, empty but for the init script.
db-reset:
    @scripts/db.sh reset

# Show the dev database's log.
db-logs:
    @scripts/db.sh logs

# Check the dev database: connect, show the version, verify extensions and schemas.
db-test:
    @scripts/db.sh test

# Load a realistic data set (300 customers, 200 products, 1000 orders); it replaces an earlier load.
db-seed: build db-up
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
