#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the memory tests and benchmarks.
#
#   bash scripts/pg-test-server.sh start DIR    starts a server with its data in DIR (an empty or missing
#                                               directory), prints its URL on stdout, leaves it running
#   bash scripts/pg-test-server.sh stop DIR     stops that server and removes DIR
#   bash scripts/pg-test-server.sh run -- CMD   starts one in a temp directory, runs CMD with
#                                               KAIZEN_BENCH_PG_URL set, then stops and removes it
#
# The URL is postgres://postgres:<random password>@127.0.0.1:<free port>/kaizen_bench; TCP connections need
# the password (so a wrong one is really refused). PostgreSQL's server binaries come from PG_BIN, else the
# newest /usr/lib/postgresql/*/bin, else `apt-get install postgresql` when running as root. initdb refuses to
# run as root, so as root the server runs as the `postgres` user (created by the Debian package).
set -euo pipefail

log() { echo "pg-test-server: $*" >&2; }

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  return 1
}

ensure_bin() {
  local bin
  if bin=$(find_bin); then echo "$bin"; return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL (apt-get install postgresql)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    if bin=$(find_bin); then echo "$bin"; return 0; fi
  fi
  log "no PostgreSQL server binaries: install the postgresql package or set PG_BIN to their directory"
  return 1
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local dir=$1 bin port password
  bin=$(ensure_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/socket"
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir/socket" start >&2 ||
    { cat "$dir/server.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  as_owner "$bin/psql" -h "$dir/socket" -p "$port" -U postgres -d postgres -q \
    -c 'CREATE DATABASE kaizen_bench' >&2
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
  echo "postgres://postgres:$password@127.0.0.1:$port/kaizen_bench"
}

stop() {
  local dir=$1 bin
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ] && bin=$(find_bin); then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed (see $dir/server.log)"
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?usage: pg-test-server.sh start DIR}" ;;
  stop) stop "${2:?usage: pg-test-server.sh stop DIR}" ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || { log "usage: pg-test-server.sh run -- COMMAND..."; exit 2; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/kaizen-bench-pg.XXXXXX")
    trap 'stop "$dir"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    KAIZEN_BENCH_PG_URL=$(start "$dir")
    export KAIZEN_BENCH_PG_URL
    status=0
    "$@" || status=$?
    exit "$status"
    ;;
  *)
    log "usage: pg-test-server.sh start DIR | stop DIR | run -- COMMAND..."
    exit 2
    ;;
esac
