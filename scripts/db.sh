#!/usr/bin/env bash
# The dev database: `scripts/db.sh up|down|reset|logs|test|url|psql|on [args]`.
# With a Docker engine it drives docker-compose.yml; without one it runs a project-local
# PostgreSQL 15 cluster (data under .data/postgres, git-ignored) as the `postgres` user.
# Either way the database answers at the dev URL: $DATABASE_URL, else the default below
# (the same as `url` in migrate.ini). `on DBNAME CMD...` runs a command against another
# database of that server (scripts/ci.sh's scratch database). Overrides, mostly for tests:
#   MIGRATE_DB_PORT   port to serve on (replaces the URL's port)
#   MIGRATE_DB_DIR    where the local cluster lives (data, socket, server.log)
#   MIGRATE_DB_MODE   docker|local, instead of asking `docker info`
# Status goes to stderr, answers (test results, url) to stdout. The password is never printed.
set -euo pipefail

default_url="postgresql://migrate:migrate@127.0.0.1:54329/ecommerce"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pg_bin=/usr/lib/postgresql/15/bin

die() { echo "db.sh: $*" >&2; exit 1; }
say() { echo "db: $*" >&2; }

# --- the URL -------------------------------------------------------------------------------

# Only %XX: '+' is literal in a URL's user and password, and a backslash stays a backslash.
urldecode() { local s=${1//\\/\\\\}; printf '%b' "${s//%/\\x}"; }

# postgresql://user:password@host:port/dbname?params (also postgres:// and SQLAlchemy's
# postgresql+driver://). Percent-escapes in user and password are decoded.
# Sets db_* (decoded), user_shown, and auth and params as written, for url_with_database.
parse_url() {
  local url=$1 rest hostport
  [[ $url =~ ^postgres(ql)?(\+[a-z0-9_]+)?://(.*)$ ]] || die "not a postgresql:// URL in DATABASE_URL"
  rest=${BASH_REMATCH[3]}
  params=""; [[ $rest == *\?* ]] && params="?${rest#*\?}"
  rest=${rest%%\?*}
  db_name=${rest#*/}
  [[ $rest == */* ]] || db_name=""
  rest=${rest%%/*}
  if [[ $rest == *@* ]]; then auth=${rest%@*}; hostport=${rest##*@}; else auth=""; hostport=$rest; fi
  user_shown=${auth%%:*}
  db_user=$(urldecode "$user_shown")
  db_password=""
  [[ $auth == *:* ]] && db_password=$(urldecode "${auth#*:}")
  if [[ $hostport == \[*\]* ]]; then         # [::1]:5432
    db_host=${hostport%%]*}; db_host=${db_host#[}
    hostport=${hostport#*]}; db_port=${hostport#:}
  else
    db_host=${hostport%%:*}
    db_port=""; [[ $hostport == *:* ]] && db_port=${hostport#*:}
  fi
  db_host=${db_host:-127.0.0.1}
  db_port=${MIGRATE_DB_PORT:-${db_port:-5432}}
  db_user=${db_user:-postgres}
  user_shown=${user_shown:-$db_user}
  db_name=${db_name:-$db_user}
  [[ $db_port =~ ^[0-9]+$ ]] || die "the port '$db_port' is not a number"
}

parse_url "${DATABASE_URL:-$default_url}"
shown_host=$db_host; [[ $db_host == *:* ]] && shown_host="[$db_host]"
# What we print instead of the URL: the password masked.
masked_url="postgresql://$user_shown${db_password:+:***}@$shown_host:$db_port/$db_name"

# The dev URL with another database name: the same server, user, password and parameters.
url_with_database() { printf '%s' "postgresql://${auth:+$auth@}$shown_host:$db_port/$1$params"; }

# Clients get the connection through libpq's environment, not argv, so the password
# does not show up in `ps`.
export PGHOST=$db_host PGPORT=$db_port PGUSER=$db_user PGDATABASE=$db_name
export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-5}
if [ -n "$db_password" ]; then export PGPASSWORD=$db_password; else unset PGPASSWORD; fi

client() { # the PostgreSQL 15 client if installed, else whatever is on PATH
  if [ -x "$pg_bin/$1" ]; then echo "$pg_bin/$1"; else command -v "$1" || die "$1 not found: run ./dev to install PostgreSQL 15"; fi
}

reachable() { "$(client pg_isready)" -q -t 2 >/dev/null 2>&1; }

is_local_host() { [[ $db_host == 127.0.0.1 || $db_host == localhost || $db_host == ::1 ]]; }

# --- which engine ----------------------------------------------------------------------------

compose=() compose_name=""
use_docker() {
  case "${MIGRATE_DB_MODE:-}" in
  local) return 1 ;;
  docker | "") ;;
  *) die "MIGRATE_DB_MODE must be docker or local" ;;
  esac
  if [ -z "${MIGRATE_DB_MODE:-}" ]; then
    # Only an engine that answers counts; a client without a daemon fails at once.
    command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1 || return 1
  fi
  if docker compose version >/dev/null 2>&1; then compose=(docker compose)
  elif command -v docker-compose >/dev/null; then compose=(docker-compose)
  else die "a Docker engine answers but neither 'docker compose' nor 'docker-compose' is installed"
  fi
  compose_name=${compose[*]}
  compose+=(--project-directory "$root" -f "$root/docker-compose.yml")
  export MIGRATE_DB_PORT=$db_port   # docker-compose.yml publishes this port
}

# Quiet on success; on failure, compose's own last line says why.
compose_run() {
  local out
  out=$("${compose[@]}" "$@" 2>&1) || die "$compose_name $* failed: $(tail -n 1 <<<"$out")"
}

# --- the local cluster -----------------------------------------------------------------------

# The server refuses to run as root, so root runs it as `postgres`; anyone else as themselves.
# From /, since `postgres` may not be allowed into the caller's directory.
as_server() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# Can the server's user create files in $1? Creates $1 (owned by that user) to find out.
usable_dir() {
  mkdir -p "$1" 2>/dev/null || return 1
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$1" || return 1; fi
  chmod 700 "$1" && as_server test -w "$1" -a -x "$1" 2>/dev/null
}

# Sets base (data/, server.log, .initialized) and sock. Data in the repo is the default;
# when the repo sits under a private home the `postgres` user cannot reach it, so the
# cluster lives under /var/tmp instead, keyed by the repo path so checkouts don't collide.
resolve_dir() { # $1=create: make sure the chosen folder is usable
  local primary=$root/.data/postgres
  local fallback
  fallback=/var/tmp/migrate-db-$(printf %s "$root" | sha256sum | cut -c1-12)
  if [ -n "${MIGRATE_DB_DIR:-}" ]; then
    base=$MIGRATE_DB_DIR
    if [ "${1:-}" = create ] && ! usable_dir "$base"; then
      die "the server's user cannot write to MIGRATE_DB_DIR=$base"
    fi
  elif [ -f "$primary/data/PG_VERSION" ]; then base=$primary
  elif [ -f "$fallback/data/PG_VERSION" ]; then base=$fallback
  elif [ "${1:-}" != create ]; then base=$primary
  elif usable_dir "$primary"; then base=$primary
  else
    rmdir "$primary" 2>/dev/null || true
    usable_dir "$fallback" || die "cannot create a data folder for the server in $primary or $fallback"
    base=$fallback
  fi
  base=$(cd "$base" 2>/dev/null && pwd || echo "$base")
  data=$base/data
  sock=$base/socket
  # A Unix socket path has at most 107 bytes; a deep checkout would exceed it.
  if [ $((${#sock} + 20)) -gt 100 ]; then
    sock=/tmp/migrate-db-sock-$(printf %s "$base" | sha256sum | cut -c1-12)
  fi
}

running() { [ -f "$data/postmaster.pid" ] && as_server "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

# One creation or start at a time per cluster, even from several shells.
# The lock file lives with the cluster, so it goes when the folder goes.
lock() {
  [ -d "$base" ] || return 0
  exec 9>>"$base/.lock"
  flock -w 120 9 || die "another db.sh has held $base/.lock for two minutes"
}

# The last FATAL/ERROR line of the server log, to say why it did not start.
why_not() {
  local line
  line=$(grep -E 'FATAL|ERROR|PANIC' "$base/server.log" 2>/dev/null | tail -n 1 | sed -E 's/^.*(FATAL|ERROR|PANIC): *//') || true
  echo "${line:+$line; }see $base/server.log"
}

local_up() {
  [ -x "$pg_bin/pg_ctl" ] || die "PostgreSQL 15 is not installed: run ./dev first"
  resolve_dir create
  lock
  if running; then
    # Ours, but not answering at the URL: started with another port, or still starting.
    as_server "$pg_bin/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null || die "could not stop the stale server in $data"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a PostgreSQL 15 cluster in $data"
    rm -rf "$data" "$base/.initialized"
    # --no-sync: the server syncs from its first checkpoint on; initdb's own sync costs
    # seconds here and guards only a crash during creation, which `reset` repairs.
    as_server "$pg_bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
      --auth-local=trust --auth-host=scram-sha-256 >"$base/initdb.log" 2>&1 ||
      die "initdb failed; see $base/initdb.log"
  fi
  mkdir -p "$sock"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$sock"
  # Local connections are trusted, so only the server's user (and root) may reach the socket.
  chmod 700 "$sock"
  # 9>&-: the server must not inherit the lock, or it would hold it for its whole life.
  as_server "$pg_bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 start -o \
    "-p $db_port -k $sock -c listen_addresses=$db_host" >/dev/null 2>&1 9>&- ||
    die "PostgreSQL did not start on port $db_port: $(why_not)"
  if [ ! -f "$base/.initialized" ]; then
    initialize
    touch "$base/.initialized"
  fi
}

# What the postgres image does at first start: the login role and database of the URL,
# then every docker/postgres/*.sql in order, run as that role in that database.
initialize() {
  local psql=("$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$db_port")
  say "creating role $db_user and database $db_name, applying docker/postgres/*.sql"
  # The password comes from the environment (\getenv), never from argv or a log line.
  MIGRATE_DB_ROLE=$db_user MIGRATE_DB_NAME=$db_name MIGRATE_DB_PASSWORD=$db_password \
    PGPASSWORD='' "${psql[@]}" -U postgres -d postgres >/dev/null <<'SQL' || die "could not create the role and database; see $base/server.log"
\getenv role MIGRATE_DB_ROLE
\getenv dbname MIGRATE_DB_NAME
\getenv pw MIGRATE_DB_PASSWORD
-- Superuser like POSTGRES_USER in the container, so both give the same rights.
SELECT format('CREATE ROLE %I LOGIN SUPERUSER', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') WHERE :'pw' <> '' \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'dbname', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'dbname') \gexec
SQL
  local f
  for f in "$root"/docker/postgres/*.sql; do
    [ -e "$f" ] || continue
    PGPASSWORD='' "${psql[@]}" -U "$db_user" -d "$db_name" -f "$f" >/dev/null 2>"$base/init.log" ||
      die "applying ${f#"$root"/} failed: $(grep -m1 ERROR "$base/init.log" || echo "see $base/init.log")"
  done
}

local_down() {
  resolve_dir
  lock
  if running; then
    as_server "$pg_bin/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null || die "could not stop the server in $data"
    say "stopped (data kept in $data)"
  else
    say "not running"
  fi
}

local_reset() {
  [ -x "$pg_bin/pg_ctl" ] || die "PostgreSQL 15 is not installed: run ./dev first"
  resolve_dir
  lock
  # A server that answers at the URL but is not this cluster (another checkout's, a system
  # one) would still answer afterwards: destroying this folder would reset nothing.
  if ! running && reachable; then
    die "$masked_url is served by a server other than the cluster in $data: nothing destroyed"
  fi
  if running; then as_server "$pg_bin/pg_ctl" -D "$data" -w -t 60 -m immediate stop >/dev/null || true; fi
  # Only what this script created: MIGRATE_DB_DIR itself may be a folder someone chose.
  rm -rf "$data" "$sock" "$base/server.log" "$base/initdb.log" "$base/init.log" "$base/.initialized"
  say "data destroyed"
}

# --- commands --------------------------------------------------------------------------------

cmd_up() {
  if reachable; then say "up at $masked_url"; return; fi
  is_local_host || die "$masked_url does not answer, and a remote host cannot be started from here"
  if use_docker; then
    compose_run up -d postgres
  else
    local_up
  fi
  local _
  for _ in $(seq 1 60); do reachable && break; sleep 1; done
  reachable || die "started, but $masked_url does not answer"
  say "up at $masked_url"
}

cmd_down() {
  if use_docker; then compose_run down; say "stopped (volume kept)"
  else local_down
  fi
}

cmd_reset() {
  if use_docker; then
    compose_run down -v
    say "data destroyed"
    cmd_up
  else
    local_reset
    cmd_up
  fi
}

# The last 200 lines; extra arguments come after, so `-f` follows and `-n 50` / `--tail 50` win.
cmd_logs() {
  if use_docker; then exec "${compose[@]}" logs --tail 200 "$@" postgres; fi
  resolve_dir
  [ -f "$base/server.log" ] || die "no server log yet in $base (run: scripts/db.sh up)"
  exec tail -n 200 "$@" "$base/server.log"
}

cmd_test() {
  local psql out missing
  psql=("$(client psql)" -X -A -t -q -v ON_ERROR_STOP=1)
  out=$("${psql[@]}" -c "SELECT 'PostgreSQL ' || current_setting('server_version')" 2>&1) ||
    die "cannot connect to $masked_url: $(sed -n 's/^psql: error: //; 1p' <<<"$out")"
  echo "connected: $masked_url"
  echo "server: $out"
  missing=$("${psql[@]}" 2>&1 <<'SQL'
SELECT string_agg(kind || ' ' || name, ', ' ORDER BY ord) FROM (
  SELECT 'extension' AS kind, e AS name, n AS ord
    FROM unnest(ARRAY['uuid-ossp', 'pgcrypto', 'btree_gin']) WITH ORDINALITY AS x(e, n)
   WHERE NOT EXISTS (SELECT FROM pg_extension WHERE extname = e)
  UNION ALL
  SELECT 'schema', s, 10 + n
    FROM unnest(ARRAY['ecommerce', 'audit', 'archive']) WITH ORDINALITY AS x(s, n)
   WHERE NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = s)
) AS m
SQL
  ) || die "checking extensions and schemas failed: $missing"
  [ -z "$missing" ] || die "missing in $db_name: $missing (scripts/db.sh reset recreates them)"
  echo "extensions: uuid-ossp pgcrypto btree_gin"
  echo "schemas: ecommerce audit archive"
  echo "ok"
}

usage() {
  cat >&2 <<'EOF'
usage: scripts/db.sh up|down|reset|logs|test|url|psql|on [args]
  up      start the dev database if it does not answer (creates it the first time)
  down    stop it, keeping the data
  reset   destroy the data and create it again
  logs    show the server log's last 200 lines (extra args go to tail or docker compose logs: -f follows)
  test    connect, show the server version, check extensions and schemas
  url     print the dev URL, password masked
  psql    open psql on the dev database (extra args go to psql)
  on DBNAME CMD [ARGS]   run CMD with DATABASE_URL (and libpq's PG* variables) pointing at
          database DBNAME of the same server, same user and password
EOF
  exit 2
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
up) cmd_up ;;
down) cmd_down ;;
reset) cmd_reset ;;
logs) cmd_logs "$@" ;;
test) cmd_test ;;
url) echo "$masked_url" ;;
psql) exec "$(client psql)" "$@" ;;
on)
  [ $# -ge 2 ] || usage
  # The URL goes through the environment, never argv or output: it carries the password.
  [[ $1 =~ ^[A-Za-z0-9_]+$ ]] || die "on: '$1' is not a plain database name (letters, digits, _)"
  DATABASE_URL=$(url_with_database "$1") PGDATABASE=$1 exec "${@:2}" ;;
-h | --help | help) usage ;;
*) [ -n "$cmd" ] && echo "db.sh: unknown command '$cmd'" >&2; usage ;;
esac
