# Logging, the record of exact commands, the results table, and small arithmetic helpers.

log() { printf '\033[1m[bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a command and records it verbatim (for RESULTS.md). For pipelines, record a description with note_cmd.
run_cmd() { note_cmd "$(printf '%q ' "$@")"; "$@"; }
note_cmd() { printf '%s\n' "$1" >> "$OUT/commands.txt"; }

# The results table: scenario | metric | value | target | verdict.
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" "${5:-}" >> "$OUT/table.tsv"; }

# Floating-point helpers (awk: always there).
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
verdict() { awk "BEGIN { exit !($1) }" && echo PASS || echo FAIL; }   # verdict '3.2 < 5'

# Value of key=value in a "BENCH ..." line.
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<< "$2" | head -1; }

rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# Proportional set size (shared memory divided among sharers) of every process of a PostgreSQL cluster.
pg_pss_mib() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/smaps_rollup ]] || continue
    total=$(( total + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup") ))
  done
  echo $(( total / 1024 ))
}
