#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tools that run the service against a real one (bench/run, soak/run): a new
# cluster in a folder of its own (data/, sock/, log/ under TPG_DIR), on 127.0.0.1 and a Unix socket in that folder
# only, trust authentication, superuser postgres, UTF8 with the C locale. Never for anything but a test.
#
# Sourced, with TPG_BIN (the PostgreSQL binaries), TPG_DIR and TPG_PORT set:
#   tpg_init                    refuses a taken port, stops a server a killed run left in TPG_DIR, wipes TPG_DIR,
#                               runs initdb and writes the settings above; the caller may append its own to
#                               "$TPG_DIR/data/postgresql.conf" before tpg_start
#   tpg_start, tpg_stop [MODE]  pg_ctl start / stop -m MODE (fast by default; immediate is a crash)
#   tpg_running, tpg_psql ARGS  pg_ctl status; psql as postgres over the socket
#   TPG_NOTE=fn                 fn receives each initdb and pg_ctl start command line (bench/ records them)
# Run, to start one by hand or to try this file:
#   scripts/throwaway-pg.sh start DIR PORT [BIN]    then    scripts/throwaway-pg.sh stop DIR [BIN]
#   (BIN defaults to the newest /usr/lib/postgresql/*/bin, else the folder of pg_ctl on the PATH)
#
# PostgreSQL refuses to run as root: as root, its processes run as the postgres user (runuser), who owns TPG_DIR.

tpg_default_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
  if [[ -z $bin ]] && command -v pg_ctl > /dev/null; then bin=$(dirname "$(command -v pg_ctl)"); fi
  echo "$bin"
}

_tpg_as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_tpg_noted() {
  if [[ -n ${TPG_NOTE:-} ]]; then
    if [[ $(id -u) == 0 ]]; then "$TPG_NOTE" "$(printf '%q ' runuser -u postgres -- "$@")"; else "$TPG_NOTE" "$(printf '%q ' "$@")"; fi
  fi
  _tpg_as_pg "$@"
}

_tpg_fail() { echo "throwaway-pg: $*" >&2; return 2; }

tpg_init() {
  [[ -n ${TPG_BIN:-} && -n ${TPG_DIR:-} && -n ${TPG_PORT:-} ]] || { _tpg_fail "set TPG_BIN, TPG_DIR and TPG_PORT"; return; }
  [[ -x $TPG_BIN/initdb && -x $TPG_BIN/pg_ctl ]] || { _tpg_fail "no PostgreSQL binaries in $TPG_BIN"; return; }
  if [[ $(id -u) == 0 ]] && ! id postgres > /dev/null 2>&1; then _tpg_fail "running as root needs a 'postgres' user"; return; fi
  TPG_DIR=$(realpath -m "$TPG_DIR")
  tpg_stop immediate > /dev/null 2>&1 || true
  if (exec 3<> "/dev/tcp/127.0.0.1/$TPG_PORT") 2> /dev/null; then _tpg_fail "port $TPG_PORT is taken"; return; fi
  rm -rf "$TPG_DIR" && mkdir -p "$TPG_DIR"/{sock,log}
  if [[ $(id -u) == 0 ]]; then chown -R postgres:postgres "$TPG_DIR"; fi
  _tpg_noted "$TPG_BIN/initdb" -D "$TPG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C \
    > "$TPG_DIR/log/initdb.log" || { _tpg_fail "initdb failed, see $TPG_DIR/log/initdb.log"; return; }
  cat >> "$TPG_DIR/data/postgresql.conf" << CONF
# scripts/throwaway-pg.sh
port = $TPG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$TPG_DIR/sock'
CONF
}

tpg_start() {
  _tpg_noted "$TPG_BIN/pg_ctl" -D "$TPG_DIR/data" -l "$TPG_DIR/log/server.log" -w start > /dev/null \
    || { _tpg_fail "the server did not start, see $TPG_DIR/log/server.log"; return; }
}

# Stops the server if its data folder says one runs; the status is pg_ctl's.
tpg_stop() {
  [[ -f $TPG_DIR/data/postmaster.pid ]] || return 0
  _tpg_as_pg "$TPG_BIN/pg_ctl" -D "$TPG_DIR/data" -m "${1:-fast}" -w stop > /dev/null
}

tpg_running() { _tpg_as_pg "$TPG_BIN/pg_ctl" -D "$TPG_DIR/data" status > /dev/null 2>&1; }

tpg_psql() { "$TPG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$TPG_DIR/sock" -p "$TPG_PORT" -U postgres "$@"; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start)
      TPG_DIR=${2:?usage: $0 start DIR PORT [BIN]} TPG_PORT=${3:?usage: $0 start DIR PORT [BIN]}
      TPG_BIN=${4:-$(tpg_default_bin)}
      tpg_init
      tpg_start
      echo "PostgreSQL $("$TPG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$TPG_PORT and $TPG_DIR/sock" \
        "(user postgres, no password); stop it with: $0 stop $TPG_DIR"
      ;;
    stop)
      TPG_DIR=$(realpath -m "${2:?usage: $0 stop DIR [BIN]}") TPG_BIN=${3:-$(tpg_default_bin)}
      tpg_stop fast
      ;;
    *) sed -n '2,19p' "$0" >&2; exit 2 ;;
  esac
fi
