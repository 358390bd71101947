# The throwaway PostgreSQL 15 server: fsync and synchronous_commit at their defaults (on), checkpoints spaced out,
# pg_stat_statements preloaded, statement log as csvlog (log_statement is switched on only for the capture).

# The server itself (initdb, port, socket, start and stop) is scripts/throwaway-pg.sh's, shared with soak/run.
source "$ROOT/scripts/throwaway-pg.sh"

PG_DIR=   # set by pg_start

psql_admin() { tpg_psql -d smp "$@"; }
psql_value() { psql_admin -At -c "$1"; }

pg_start() {
  PG_DIR=$WORK/pg
  TPG_BIN=$PG_BIN TPG_DIR=$PG_DIR TPG_PORT=$PG_PORT TPG_NOTE=note_cmd
  [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 binaries not found in $PG_BIN (apt-get install postgresql-15)"
  tpg_init || die "cannot set up the throwaway PostgreSQL in $PG_DIR"
  cat >> "$PG_DIR/data/postgresql.conf" <<CONF
# bench/run
max_connections = 300
shared_buffers = 256MB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on
logging_collector = on
log_destination = 'stderr,csvlog'
log_directory = '$PG_DIR/log'
log_filename = 'postgresql'
log_statement = 'none'
# fsync and synchronous_commit are left at their defaults (on).
# No checkpoint during the measured runs: with the default 1 GB, the intake load started a WAL-triggered checkpoint
# about every 55 s, i.e. during a random one of the two sides of most rounds (see README.md). pg_checkpoint takes
# one before each measured run instead.
max_wal_size = 16GB
checkpoint_timeout = 30min
CONF
  note_cmd "# postgresql.conf additions: $(sed -n '/^# scripts\/throwaway-pg.sh/,$p' "$PG_DIR/data/postgresql.conf" | grep -v '^#' | tr '\n' ';')"
  tpg_start || die "the throwaway PostgreSQL did not start (see $PG_DIR/log)"
  PG_STARTED=1
  tpg_psql -d postgres -c "create role smp login password 'smp'" -c "create database smp owner smp"
  psql_admin -c "create extension pg_stat_statements"
}

pg_stop() {
  [[ -n ${PG_STARTED:-} ]] || return 0
  tpg_stop fast > /dev/null 2>&1 || true
  PG_STARTED=
}

# Before each measured run of either side: a server taking this write rate checkpoints every minute or so, this one
# not for 30 minutes. Without it, each run inherits every earlier run's dirty shared buffers, and the 64-connection
# p99 depended on how much the runs before had written (see README.md, "Checkpoints"; the mechanism is not isolated).
pg_checkpoint() {
  [[ -n ${CHECKPOINT_NOTED:-} ]] || { note_cmd "psql -c checkpoint  # before each measured wrk and pgbench run of scenario 1"; CHECKPOINT_NOTED=1; }
  psql_value "checkpoint" > /dev/null
}

pg_settings() { psql_value "select name || '=' || setting from pg_settings where name in ('fsync','synchronous_commit','shared_buffers','max_connections','shared_preload_libraries','max_wal_size','checkpoint_timeout') order by 1" | tr '\n' ' '; }
