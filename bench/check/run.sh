#!/usr/bin/env bash
# Times `migrate check` against Alembic 1.8's `alembic revision --autogenerate` on the same
# 200-table database with 3 differences, in one run; writes bench/results/check.md.
#   bench/check/run.sh [BUILD_DIR]   (default build-bench, configured Release if missing)
# Also counts the statements check sends for 20 and for 200 tables (log_statement = all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(realpath -m "${1:-$root/build-bench}")"
runs="${RUNS:-10}"
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMIGRATE_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target migrate_check_bench >/dev/null
bin="$build/bench/migrate_check_bench"
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v hyperfine >/dev/null || { echo "run.sh: hyperfine is missing (./dev installs it)" >&2; exit 1; }

work=$(mktemp -d /tmp/migrate-bench-check-XXXXXX)
chmod 755 "$work"  # the server runs as postgres and must reach its data directory
port=$((55000 + RANDOM % 1000))
pgdir="$work/pg"
mounted=""
# A journaled filesystem for the cluster (../shared/CONVENTIONS.md: this root filesystem has no
# journal, and check creates and drops 200 tables' files in its rolled-back transaction).
if [[ $(id -u) = 0 ]]; then
  truncate -s 3G "$work/fs.img" && mkfs.ext4 -q "$work/fs.img" && mkdir -p "$work/fs" &&
    mount -o loop "$work/fs.img" "$work/fs" && mounted="$work/fs" && pgdir="$work/fs/pg"
fi
cleanup() {
  "$root/tests/support/pg_cluster.sh" stop "$pgdir" "$port" || true
  [[ -n "$mounted" ]] && umount "$mounted"
  rm -rf "$work"
}
trap cleanup EXIT
"$root/tests/support/pg_cluster.sh" start "$pgdir" "$port"
pgbin=/usr/lib/postgresql/15/bin
psql() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdir/socket" -p "$port" -U postgres "$@"; }
url="postgresql://migrate_app:Sup3r-S3cret-Pw@127.0.0.1:$port"

# A migrate project (SQL revisions in a temp folder) and an Alembic one, side by side.
setup_db() {  # name tables
  psql -d postgres -c "CREATE DATABASE $1 TEMPLATE migrate_template" -c "\\c $1" -c "CREATE SCHEMA bench"
  mkdir -p "$work/$1/versions"
  printf '[migrate]\nversion_locations = %%(here)s/versions\nrevision_format = sql\n' >"$work/$1/migrate.ini"
  (cd "$work/$1" && BENCH_TABLES=$2 "$bin" -q --url "$url/$1" revision --autogenerate --sql -m "bench tables" >/dev/null &&
    BENCH_TABLES=$2 "$bin" -q --url "$url/$1" upgrade head)
  # The 3 differences, a quarter, half and three quarters in: a column no model has, a dropped
  # index and a changed length.
  local a b c
  a=$(printf t%03d $(($2 / 4))) b=$(printf t%03d $(($2 / 2))) c=$(printf t%03d $(($2 * 3 / 4)))
  psql -d "$1" -c "ALTER TABLE bench.$a ADD COLUMN extra text" -c "DROP INDEX bench.ix_${b}_name" \
    -c "ALTER TABLE bench.$c ALTER COLUMN name TYPE varchar(200)"
}
setup_db bench 200
setup_db bench20 20

alembic_dir="$work/alembic"
mkdir -p "$alembic_dir/env/versions"
cp "$here/alembic_env.py" "$alembic_dir/env/env.py"
cp /usr/lib/python3/dist-packages/alembic/templates/generic/script.py.mako "$alembic_dir/env/"
printf '[alembic]\nscript_location = %%(here)s/env\nsqlalchemy.url = %s\n' \
  "postgresql+psycopg2://migrate_app:Sup3r-S3cret-Pw@127.0.0.1:$port/bench" >"$alembic_dir/alembic.ini"
# The logging sections of `alembic init`'s ini, as a project has them.
cat >>"$alembic_dir/alembic.ini" <<'INI'
[loggers]
keys = root,sqlalchemy,alembic
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARN
handlers = console
qualname =
[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine
[logger_alembic]
level = INFO
handlers =
qualname = alembic
[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic
[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
INI

migrate_cmd="cd $work/bench && $bin --url $url/bench check"
# Alembic writes a revision each time; removing it keeps the database at the (empty) head.
alembic_cmd="cd $alembic_dir && /usr/bin/alembic revision --autogenerate -m bench"
alembic_prepare="rm -f $alembic_dir/env/versions/*.py"

# What each one found, so the table shows they did the same job.
migrate_found=$(cd "$work/bench" && "$bin" --url "$url/bench" check | grep -c . || true)
alembic_found=$(eval "$alembic_prepare"; cd "$alembic_dir" && /usr/bin/alembic revision --autogenerate -m bench 2>&1 | grep -c "Detected" || true)

(cd "$work/bench" && hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$work/migrate.json" \
  -n "migrate check" "$bin --url $url/bench check") >&2
hyperfine --warmup 1 --runs "$runs" --prepare "$alembic_prepare" --export-json "$work/alembic.json" \
  -n "alembic revision --autogenerate" "$alembic_cmd" >&2
# Floors: migrate starting, connecting and reading the version table; psql connecting and
# running one query over the same TCP connection kind.
export PGPASSWORD=Sup3r-S3cret-Pw
psql_cmd="$pgbin/psql -X -q -h 127.0.0.1 -p $port -U migrate_app -d bench -c 'SELECT 1'"
(cd "$work/bench" && hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/floor.json" \
  -n "migrate current" "$bin --url $url/bench current" -n "psql -c 'SELECT 1'" "$psql_cmd") >&2

peak_rss() {  # command... -> max RSS in KiB over 3 runs
  local best=0 kb
  for _ in 1 2 3; do
    kb=$( (/usr/bin/time -v "$@" >/dev/null) 2>&1 | awk '/Maximum resident/ {print $6}') || true
    ((kb > best)) && best=$kb
  done
  echo "$best"
}
migrate_rss=$(cd "$work/bench" && peak_rss "$bin" --url "$url/bench" check)
migrate20_rss=$(cd "$work/bench20" && BENCH_TABLES=20 peak_rss "$bin" --url "$url/bench20" check)
current_rss=$(cd "$work/bench" && peak_rss "$bin" --url "$url/bench" current)
psql_rss=$(peak_rss "$pgbin/psql" -X -q -h 127.0.0.1 -p "$port" -U migrate_app -d bench -c 'SELECT 1')
# exec: time measures Alembic itself, each run starting with no revision file.
alembic_rss=$(cd "$alembic_dir" && peak_rss sh -c "$alembic_prepare; exec /usr/bin/alembic revision --autogenerate -m bench")
rm -f "$alembic_dir"/env/versions/*.py

# Statements check sends, 20 vs 200 tables: the server logs each one with its duration while
# log_min_duration_statement is 0. Prints "all reads read_ms other_ms": every statement, those
# that read (queries) rather than create the scratch copy of the models, and the server's time
# in each kind.
count_statements() {  # database tables
  psql -d postgres -c "ALTER DATABASE $1 SET log_min_duration_statement = 0"
  local before
  before=$(wc -l <"$pgdir/server.log")
  (cd "$work/$1" && BENCH_TABLES=$2 "$bin" -q --url "$url/$1" check >/dev/null || true)
  psql -d postgres -c "ALTER DATABASE $1 RESET log_min_duration_statement"
  # Parameterised statements (exec_params: the catalog queries) are logged as "execute <unnamed>".
  tail -n +"$((before + 1))" "$pgdir/server.log" | grep -E 'LOG:  duration: [0-9.]+ ms  (statement|execute [^ ]*): ' |
    grep -v "ALTER DATABASE" |
    awk '{ read = ($0 ~ /ms  (statement: (SELECT|WITH)|execute )/); n++; if (read) { r++; rt += $7 } else ot += $7 }
         END { printf "%d %d %.0f %.0f\n", n, r, rt, ot }'
}
statements20=$(count_statements bench20 20)
statements200=$(count_statements bench 200)

/usr/bin/python3 - "$work/migrate.json" "$work/alembic.json" "$migrate_rss" "$alembic_rss" "$statements20" \
  "$statements200" "$alembic_found" "$runs" "$migrate_found" "$work/floor.json" "$migrate20_rss" "$current_rss" \
  "$psql_rss" <<'PY' >"$root/bench/results/check.md"
import json, sys, datetime, os, platform
m = json.load(open(sys.argv[1]))["results"][0]
a = json.load(open(sys.argv[2]))["results"][0]
m_rss, a_rss = int(sys.argv[3]) / 1024, int(sys.argv[4]) / 1024
s20, s200 = sys.argv[5].split(), sys.argv[6].split()
a_found, runs, m_found = sys.argv[7], sys.argv[8], sys.argv[9]
floor = json.load(open(sys.argv[10]))["results"]
m20_rss, cur_rss, psql_rss = (int(x) / 1024 for x in sys.argv[11:14])
ms = lambda r: r["median"] * 1000
print("# check benchmark: 200 tables, 3 differences\n")
print(f"Generated by `bench/check/run.sh` on {datetime.date.today()} ({os.cpu_count()} cores shared, {platform.machine()}).")
print("One PostgreSQL 15 cluster (tests/support/pg_cluster.sh, on a loop-mounted ext4 image when run as root),")
print("one database of 200 tables (7 columns, primary key, foreign key to table (i - 1) / 2, 2 indexes,")
print("a check, comments) created by migrate itself, then 3 differences made by SQL: a column added,")
print("an index dropped, a length changed. `migrate check` (bench/check/bench_models.cpp) against")
print("Debian's Alembic 1.8 `alembic revision --autogenerate` (bench/check/alembic_env.py, the same")
print("tables with type and server-default comparison on; Alembic 1.8 has no `check`), each over TCP")
print(f"to the same database. Wall times are hyperfine medians of {runs} runs after warm-up; peak RSS")
print("is the largest of 3 runs under `/usr/bin/time -v`. Ratios are from this one run.\n")
print("| command | differences found | median ms | min ms | max ms | peak RSS MiB |")
print("|---|---|---|---|---|---|")
print(f"| `migrate check` | {m_found} | {ms(m):.0f} | {m['min']*1000:.0f} | {m['max']*1000:.0f} | {m_rss:.1f} |")
print(f"| `alembic revision --autogenerate` | {a_found} | {ms(a):.0f} | {a['min']*1000:.0f} | {a['max']*1000:.0f} | {a_rss:.1f} |")
print(f"| `migrate current` (floor: start, connect, read the version table) | | {ms(floor[0]):.0f} | {floor[0]['min']*1000:.0f} | {floor[0]['max']*1000:.0f} | {cur_rss:.1f} |")
print(f"| `psql -c 'SELECT 1'` (floor: a libpq client over TCP) | | {ms(floor[1]):.0f} | {floor[1]['min']*1000:.0f} | {floor[1]['max']*1000:.0f} | {psql_rss:.1f} |")
print(f"\n`migrate check` with 20 of the tables registered (BENCH_TABLES=20, its own 20-table database): peak RSS {m20_rss:.1f} MiB.")
print(f"\n**migrate is {ms(a)/ms(m):.1f}x faster than Alembic and uses {a_rss/m_rss:.1f}x less memory** "
      f"(targets: at least 20x, under 15 MB).\n")
print("Statements one `check` sends (log_min_duration_statement = 0): the reads (the version table, then one catalog")
print("query per kind of object, on the database and again on the scratch copy) are the same for any")
print("number of tables; the rest create the models in scratch schemas inside the rolled-back transaction")
print("(create schema and table, index, comment statements; BEGIN, SET LOCAL, ROLLBACK).\n")
print("| tables | statements | of which reads | server ms in reads | server ms in the rest |")
print("|---|---|---|---|---|")
print(f"| 20 | {s20[0]} | {s20[1]} | {s20[2]} | {s20[3]} |")
print(f"| 200 | {s200[0]} | {s200[1]} | {s200[2]} | {s200[3]} |")
print("\nThe server times are one logged run each; the rest of a run's wall time is the client and")
print("a round trip per statement; the scratch DDL goes as one batch.")
PY
cat "$root/bench/results/check.md"
