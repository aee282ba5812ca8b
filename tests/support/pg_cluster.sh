#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL 15 cluster the integration and CLI tests use.
#   pg_cluster.sh start DIR PORT   initdb (once), start, create the template database
#   pg_cluster.sh stop DIR PORT    stop and delete everything under DIR
# The server refuses root, so it runs as the `postgres` user; DIR lives under /tmp so that
# user can reach it wherever the repository was cloned.
set -euo pipefail
action=$1 dir=$2 port=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || dirname "$(command -v pg_ctl)")
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  if [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
  fi
  rm -rf "$dir"
  mkdir -p "$dir/socket"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres)
  "${psql[@]}" -d postgres -c "CREATE DATABASE migrate_template" \
    -c "CREATE ROLE migrate_app LOGIN SUPERUSER PASSWORD 'Sup3r-S3cret-Pw'"
  "${psql[@]}" -d migrate_template -f "$root/docker/postgres/init_dependencies.sql"
  "${psql[@]}" -d postgres -c "ALTER DATABASE migrate_template WITH is_template true allow_connections false"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR PORT" >&2; exit 2 ;;
esac
