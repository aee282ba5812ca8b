#!/usr/bin/env bash
# The deploy check a pipeline runs (`just ci`): `scripts/ci.sh MIGRATE_BINARY`.
# On a scratch database of its own, on the server of the dev URL ($DATABASE_URL, else the
# default of scripts/db.sh), it runs every revision up and down and compares the models with
# the result:
#   upgrade head, check, verify, downgrade base, upgrade head, check
# The configured database itself is never touched: only CREATE DATABASE and DROP DATABASE of
# the scratch one run on its server. The scratch database is created from template0 with
# docker/postgres/*.sql applied, as the dev database is, and dropped at the end whatever
# happened. Exit code: the failing step's (migrate's codes: 1 drift, 4 revision, 5 database,
# 6 lock, 8 changed, ...), 0 when every step passed.
# Every line is stderr's: one per step, then the step's own output. stdout stays empty.
# The URL is never printed: migrate masks it, this script never shows it.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: scripts/ci.sh MIGRATE_BINARY" >&2; exit 2; }
migrate=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
db=$root/scripts/db.sh

say() { echo "ci: $*" >&2; }

# The pid says whose it is; the random part keeps apart two runners whose pids coincide on
# one server (containers).
scratch=migrate_ci_$$_$RANDOM
created=false

# What a failing step's exit code means for the pipeline (the README's table).
meaning() {
  case $1 in
  1) echo "drift: the models and the revisions disagree; write the missing revision (just migrate-new \"...\") and commit it" ;;
  2) echo "usage" ;;
  3) echo "config" ;;
  4) echo "revision: a revision file or the graph is broken" ;;
  5) echo "database: a statement failed or the server was lost" ;;
  6) echo "lock: another run holds the lock" ;;
  7) echo "unproven" ;;
  8) echo "changed: an applied revision's source changed" ;;
  129 | 130 | 143) echo "interrupted" ;;
  *) echo "exit $1" ;;
  esac
}

# psql on the server of the dev URL, SQL on stdin, the scratch name as the variable :name
# (quoted by psql, never pasted). Connected to the configured database, which it only uses
# to reach the server: CREATE and DROP DATABASE change nothing inside it.
admin() { "$db" psql -X -q -v ON_ERROR_STOP=1 -v name="$scratch"; }

drop_scratch() {
  local rc=$?
  trap - EXIT INT TERM
  if $created; then
    if echo 'DROP DATABASE IF EXISTS :"name" WITH (FORCE)' | admin; then
      say "dropped the scratch database $scratch"
    else
      say "could not drop the scratch database $scratch: drop it by hand"
      [ "$rc" -ne 0 ] || rc=5
    fi
  fi
  exit "$rc"
}
trap drop_scratch EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "creating the scratch database $scratch (template0 + docker/postgres/*.sql) on $("$db" url | sed 's|/[^/]*$||')"
created=true   # before CREATE: an interrupted CREATE may still have made it
if ! echo 'CREATE DATABASE :"name" TEMPLATE template0' | admin; then
  created=false
  say "FAILED: could not create the scratch database $scratch (the URL's user needs the CREATEDB right)"
  exit 5
fi
for f in docker/postgres/*.sql; do
  [ -e "$f" ] || continue
  "$db" on "$scratch" "$db" psql -X -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null ||
    { say "FAILED: applying $f to the scratch database"; exit 5; }
done

# One step: say what runs, run it on the scratch database with its output on stderr, and on
# failure say which step failed and what its exit code means, then leave with that code.
step() {
  say "migrate $*"
  local rc=0
  "$db" on "$scratch" "$migrate" "$@" >&2 || rc=$?
  if [ "$rc" -ne 0 ]; then
    say "FAILED: migrate $* exited $rc ($(meaning "$rc"))"
    exit "$rc"
  fi
}

step upgrade head
step check
step verify
# Issue 17 adds its commands here, once they exist: `migrate lint` (the revisions' SQL
# against the lock-safety rules) and the stairway test (each revision up, down and up
# again, one at a time). Not faked until then.
step downgrade base
step upgrade head
step check
say "ok: every revision runs up and down, and the models match the revisions"
