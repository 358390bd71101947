# Scenario 1: intake vs the limit. Capture of one submission's transaction, per-submission statement and round-trip
# counts, measured wrk runs of both forms, and pgbench replaying the captured transaction on the same server.

# wrk_run <label> <connections> <seconds> <lua script> [script args...] -> prints the BENCH line
wrk_run() {
  local label=$1 c=$2 secs=$3 script=$4; shift 4
  run_cmd wrk -t "$WRK_THREADS" -c "$c" -d "${secs}s" --timeout 10s --latency -s "$BENCH/lua/$script" "$BASE_URL" -- "$@" \
    > "$OUT/wrk-$label.txt" 2>&1 || die "wrk failed: $(tail -3 "$OUT/wrk-$label.txt")"
  grep -m1 '^BENCH-SAMPLE' "$OUT/wrk-$label.txt" >&2 || true
  grep -m1 '^BENCH ' "$OUT/wrk-$label.txt" || die "no BENCH line in $OUT/wrk-$label.txt"
}

stored() { psql_value "select count(*) from $1"; }   # enquiry | assessment
form_table() { [[ $1 == enquiry ]] && echo enquiry || echo assessment; }
form_path() { [[ $1 == enquiry ]] && echo /api/v1/enquiries || echo /api/v1/assessments; }

# A body of each form for one person (bash-side, for the capture and the sequential runs).
body_of() { # <form> <email> <phone>
  if [[ $1 == enquiry ]]; then
    printf '{"name": "Capture Person", "email": "%s", "phone": "%s", "preferredChannel": "WHATSAPP", "topic": "SMP", "message": "Norwood 5, thinking about a shaved look.", "locale": "en-GB", "consent": {"contact": true, "privacyNoticeVersion": "2025-11", "marketing": false}, "attribution": {"utm_source": "instagram", "utm_campaign": "smp-autumn"}}' "$2" "$3"
  else
    printf '{"contact": {"name": "Capture Person", "email": "%s", "phone": "%s", "preferredChannel": "WHATSAPP"}, "consent": {"healthData": true, "contact": true, "privacyNoticeVersion": "2025-11", "marketing": false}, "formVersion": "2026-11", "locale": "en-GB", "attribution": {"utm_source": "instagram", "utm_campaign": "smp-autumn"}, "answers": {"DATE_OF_BIRTH": "1984-03-02", "SEX": "MALE", "GOAL": "SCAR_CAMOUFLAGE", "HAIR_LOSS": true, "HAIR_LOSS_PATTERN": "MALE_PATTERN", "NORWOOD_STAGE": "IV", "HAIR_LOSS_PROGRESSION": "STABLE", "SCARS": ["FUT_SCAR"], "TRANSPLANT_DONE": true, "TRANSPLANT_DATE": "2019-06-01", "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}}' "$2" "$3"
  fi
}

# Phones the load generators never produce: +44 796x xxxxxx.
capture_phone() { printf '+44796%07d' $(( (RANDOM * 32768 + RANDOM) % 10000000 )); }

submit_once() { # <form> <email> <phone> <idempotency key> -> response body
  curl -sf -X POST "$BASE_URL$(form_path "$1")" -H 'Content-Type: application/json' -H "Idempotency-Key: $4" \
    -H 'User-Agent: bench-capture' -d "$(body_of "$1" "$2" "$3")" || die "capture submission of $1 failed"
}

warm_up() {
  local form
  for form in assessment enquiry; do
    log "warm-up: $form, ${WARMUP_SECS}s at 16 connections"
    next_nonce
    wrk_run "warmup-$form" 16 "$WARMUP_SECS" intake.lua "$form" "$NONCE" > /dev/null
  done
}

# Each wrk run gets its own nonce (part of every email, phone and Idempotency-Key). Not in $(...): a subshell
# would lose the increment.
NONCE=0
next_nonce() { NONCE=$(( NONCE + 1 )); }

# Logs one submission of each form with log_statement=all and turns it into pgbench scripts.
capture_transactions() {
  log "capture: one submission of each form with log_statement=all"
  psql_admin -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" > /dev/null
  sleep 0.5
  local form known
  for form in enquiry assessment; do
    local tag="Capture.$form.$RANDOM$RANDOM" phone key
    phone=$(capture_phone); key="capture-$form-$RANDOM$RANDOM"
    submit_once "$form" "$tag@Example.COM" "$phone" "$key" > "$OUT/capture-$form-response.json"
    # The same person again: a returning person's submission, for the bare-INSERT reference.
    submit_once "$form" "$tag@Example.COM" "$phone" "$key-again" > /dev/null
    printf '%s\n' "$tag" "$phone" "$key" > "$OUT/capture-$form-values.txt"
  done
  psql_admin -c "alter system reset log_statement" -c "select pg_reload_conf()" > /dev/null
  sleep 1
  psql_admin -f "$BENCH/sql/capture.sql" > /dev/null
  psql_admin -c "copy bench.log from '$PG_DIR/log/postgresql.csv' with csv" > /dev/null
  for form in enquiry assessment; do
    local tag phone key lower
    { read -r tag; read -r phone; read -r key; } < "$OUT/capture-$form-values.txt"
    lower=$(tr 'A-Z' 'a-z' <<< "$tag")
    known="{\"$tag@Example.COM\": \"email\", \"$tag@example.com\": \"email\", \"$lower@example.com\": \"email\", \"$phone\": \"phone\", \"$key\": \"key\", \"$key-again\": \"key\"}"
    # A new person's submission: one statement whose CTEs are the idempotency claim, the advisory locks, the lead and
    # its feed row, the submission, its consent rows and, for an assessment, its triage.
    local marker="with claimed as \\(.*submission as \\(\\s*insert into $(form_table "$form") "
    psql_value "select '-- ' || line || E'\n' || sql || ';' from bench.transaction('$marker') order by line" \
      > "$OUT/captured-$form.sql"
    psql_value "select bench.pgbench_script('$form', '$marker', '$known'::jsonb)" > "$OUT/pgbench-$form.sql"
    # The bare reference: the returning person's INSERT of the submission row (with its consent rows and triage),
    # alone, against that person's lead (kept as captured).
    local bare="with submission as \\(\\s*insert into $(form_table "$form") " lead
    lead=$(psql_value "select id from lead where phone = '$phone'")
    psql_value "select '-- ' || line || E'\n' || sql || ';' from bench.transaction('$bare') order by line" \
      > "$OUT/captured-$form-returning.sql"
    psql_value "select bench.pgbench_script('$form-insert', '$bare', '$known'::jsonb, '{$lead}', '^$bare')" \
      > "$OUT/pgbench-$form-insert.sql"
    script_vars "$form" > "$OUT/pgbench-$form.vars"
    script_vars "$form-insert" > "$OUT/pgbench-$form-insert.vars"
    [[ -s $OUT/pgbench-$form.sql ]] || die "empty pgbench script for $form"
    log "capture: $form transaction = $(grep -c '^-- ' "$OUT/captured-$form.sql") statements -> $OUT/pgbench-$form.sql"
  done
}

# Round trips: TCP data segments PostgreSQL receives from the service (ss -ti, data_segs_in over all server-side
# connections on the benchmark port), over N sequential submissions. pgjdbc writes one buffered message group per
# Sync, i.e. per round trip; loopback's 64 KiB MTU keeps each in one segment (a group above pgjdbc's 8 KiB buffer
# would count twice). psql uses the Unix socket, so the harness's own queries are not counted.
segs_in() { ss -tinH state established "( sport = :$PG_PORT )" | grep -o 'data_segs_in:[0-9]*' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }'; }

# Exact count where strace is installed (optional): read calls that returned data, on every backend of the
# service, i.e. one per round trip (a message group above the 8 KiB read buffer would count twice).
STRACE_PID=
strace_start() {
  command -v strace > /dev/null || return 0
  local args=() pid
  for pid in $(psql_value "select pid from pg_stat_activity where usename = 'smp'"); do args+=(-p "$pid"); done
  ((${#args[@]})) || return 0
  strace -f -q -e trace=recvfrom -o "$OUT/strace-seq.txt" "${args[@]}" 2> /dev/null &
  STRACE_PID=$!
  sleep 1
}
strace_stop() { # <form> <submissions>
  [[ -n $STRACE_PID ]] || return 0
  sleep 0.3; kill "$STRACE_PID" 2> /dev/null || true; wait "$STRACE_PID" 2> /dev/null || true; STRACE_PID=
  R[rt_strace_$1]=$(calc "$(grep -cE '^[0-9]+ +recvfrom\(.*\) = [1-9][0-9]*$' "$OUT/strace-seq.txt") / $2" 1)
  mv "$OUT/strace-seq.txt" "$OUT/strace-seq-$1.txt"
}

sequential_round_trips() {
  local form i before after rows0 rows1 calls
  for form in enquiry assessment; do
    rows0=$(stored "$(form_table "$form")")
    psql_value "select pg_stat_statements_reset()" > /dev/null
    before=$(segs_in)
    strace_start
    for i in $(seq 1 "$SEQUENTIAL_SUBMISSIONS"); do
      submit_once "$form" "seq.$form.$i.$RANDOM@example.com" "$(capture_phone)" "seq-$form-$i-$RANDOM$RANDOM" > /dev/null
    done
    after=$(segs_in)
    strace_stop "$form" "$(( $(stored "$(form_table "$form")") - rows0 ))"
    rows1=$(stored "$(form_table "$form")")
    # as in statements_row: one COMMIT per BEGIN, whether pg_stat_statements saw it or not
    calls=$(psql_value "select sum(calls) - coalesce(sum(calls) filter (where upper(trim(query)) = 'COMMIT'), 0) + coalesce(sum(calls) filter (where upper(trim(query)) = 'BEGIN'), 0) from pg_stat_statements where userid = 'smp'::regrole")
    R[rt_$form]=$(calc "($after - $before) / ($rows1 - $rows0)" 1)
    R[seq_stmts_$form]=$(calc "$calls / ($rows1 - $rows0)" 1)
    note_cmd "# round trips: ss -tinH state established '( sport = :$PG_PORT )' data_segs_in before/after $SEQUENTIAL_SUBMISSIONS sequential curl POSTs of $form"
    log "sequential $form: ${R[rt_$form]} round trips (strace: ${R[rt_strace_$form]:-n/a}), ${R[seq_stmts_$form]} statements per submission"
  done
}

# Per-submission statement counts from pg_stat_statements over a measured run.
statements_report() { # <form> <connections> <stored submissions>
  psql_admin -A -F $'\t' -c "
    select round(calls::numeric / $3, 2) as per_submission, calls,
           regexp_replace(left(regexp_replace(query, '\s+', ' ', 'g'), 160), '\t', ' ') as statement
      from pg_stat_statements where userid = 'smp'::regrole order by calls desc, query" \
    > "$OUT/statements-$1-c$2.tsv"
}

# CPU time per request or transaction, by component, over one load run: the JVM (its /proc stat), the load generator
# (children's times of this shell) and the rest of the busy CPU time (/proc/stat), which is PostgreSQL plus the
# kernel's loopback networking (softirq time is charged to no process). On an otherwise idle machine.
# cpu_mark sets CPU_MARK="busy_jiffies idle_jiffies jvm_jiffies generator_seconds". Not in $(...): the children's
# times must be this shell's.
cpu_mark() {
  local jvm=0 gen children
  [[ -n ${APP_PID:-} && -r /proc/$APP_PID/stat ]] && jvm=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
  times > "$OUT/times.txt"   # a builtin in a pipe or $(...) would report a subshell's children
  children=$(tail -1 "$OUT/times.txt")
  gen=$(awk '{ for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] } print s }' <<< "$children")
  CPU_MARK="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat) $jvm $gen"
}
cpu_per_unit() { # <mark before> <mark after> <units> -> "jvm_us pg_and_kernel_us generator_us idle_us"
  local hz; hz=$(getconf CLK_TCK)
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$hz" 'BEGIN {
    split(a, x, " "); split(b, y, " "); us = 1e6 / hz / n
    busy = (y[1] - x[1]) * us; idle = (y[2] - x[2]) * us; jvm = (y[3] - x[3]) * us; gen = (y[4] - x[4]) * 1e6 / n
    printf "%.0f %.0f %.0f %.0f", jvm, busy - jvm - gen, gen, idle }'
}

# Scenario 1's measured runs. At 16 connections, the two sides of the ratio alternate, wrk then pgbench, for
# INTAKE_ROUNDS rounds; the ratio reported is the median of the rounds' ratios, so that a drift of the machine (another
# tenant, the disk) during the run hits both sides alike. Then one run of each at 64 connections. Every measured run
# of either side starts right after a checkpoint (pg_checkpoint), not in the dirty buffers the runs before it left.
intake_runs() {
  local form round line rows0 rows1 n mark0 mark1 tps rps p99 bad jvm_us pg_us gen_us idle_us commits0 segs0
  local -a rpss ratios tpss lines cpus pgcpus
  for form in assessment enquiry; do
    rpss=(); ratios=(); tpss=(); lines=(); cpus=(); pgcpus=(); bad=0
    for round in $(seq 1 "$INTAKE_ROUNDS"); do
      log "intake: $form, 16 connections, ${INTAKE_SECS}s (round $round of $INTAKE_ROUNDS), then pgbench"
      rows0=$(stored "$(form_table "$form")")
      psql_value "select pg_stat_statements_reset()" > /dev/null
      next_nonce
      pg_checkpoint
      commits0=$(xact_commits); segs0=$(segs_in)
      cpu_mark; mark0=$CPU_MARK
      line=$(wrk_run "intake-$form-c16-r$round" 16 "$INTAKE_SECS" intake.lua "$form" "$NONCE")
      cpu_mark; mark1=$CPU_MARK
      rows1=$(stored "$(form_table "$form")")
      n=$(( rows1 - rows0 ))
      (( n > 0 )) || die "no $form was stored during the run"
      if (( round == 1 )); then
        statements_row "$form" 16 "$n"   # before pgbench, which runs as the same role
        row "1 intake" "POST $form, 16 conn: commits / TCP segments to PostgreSQL per submission (group commit; pg_stat_database xact_commit, ss data_segs_in: a batch above pgjdbc's 8 KiB buffer is several segments)" \
          "$(calc "($(xact_commits) - $commits0) / $n" 2) / $(calc "($(segs_in) - $segs0) / $n" 2)" "" ""
      fi
      cpus+=("$(cpu_per_unit "$mark0" "$mark1" "$(field requests "$line")")")
      rps=$(field rps "$line"); rpss+=("$rps"); lines+=("$line")
      bad=$(( bad + $(field non2xx "$line") + $(field socket_errors "$line") ))
      pg_checkpoint
      cpu_mark; mark0=$CPU_MARK
      next_pgbench_run
      tps=$(pgbench_run "$form-c16-r$round" 16 "$PGBENCH_SECS" "$OUT/pgbench-$form.sql" "$PGBENCH_RUN")
      cpu_mark; mark1=$CPU_MARK
      pgcpus+=("$(cpu_per_unit "$mark0" "$mark1" "$(awk -v t="$tps" -v s="$PGBENCH_SECS" 'BEGIN { printf "%d", t * s }')")")
      tpss+=("$tps"); ratios+=("$(calc "$rps / $tps" 2)")
      log "  $rps req/s, pgbench $tps TPS: ratio ${ratios[-1]}"
    done
    # The figures of the round whose ratio is the median (the lower middle one for an even number of rounds).
    local mid mid_ratio
    mid=$(for i in "${!ratios[@]}"; do echo "${ratios[$i]} $i"; done | sort -g | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }')
    mid_ratio=${ratios[$mid]}
    line=${lines[$mid]}
    row "1 intake" "POST $form, 16 conn: requests/s (round of the median ratio; all rounds)" "${rpss[$mid]} (${rpss[*]})" "" ""
    row "1 intake" "POST $form, 16 conn: p50 / p99 ms" "$(field p50_ms "$line") / $(field p99_ms "$line")" "" ""
    row "1 intake" "POST $form, 16 conn: errors (non-2xx + socket), all rounds" "$bad" "0" "$(verdict "$bad == 0")"
    row "1 intake" "pgbench $form transaction, 16 clients: TPS (same round; all rounds)" "${tpss[$mid]} (${tpss[*]})" "" ""
    row "1 intake" "POST $form rps / pgbench TPS, 16 conn (median of $INTAKE_ROUNDS alternating rounds; all)" \
      "$mid_ratio (${ratios[*]})" "≥ $TARGET_RATIO" "$(verdict "$mid_ratio >= $TARGET_RATIO")"
    read -r jvm_us pg_us gen_us idle_us <<< "${cpus[$mid]}"
    row "1 intake" "CPU µs per POST $form, 16 conn: JVM / PostgreSQL + kernel / wrk / idle" "$jvm_us / $pg_us / $gen_us / $idle_us" "" ""
    read -r _ pg_us gen_us idle_us <<< "${pgcpus[$mid]}"
    row "1 intake" "CPU µs per pgbench $form transaction, 16 clients: PostgreSQL + kernel / pgbench / idle" "$pg_us / $gen_us / $idle_us" "" ""
    # PostgreSQL's CPU per transaction grows as its rate falls (fewer commits share a WAL flush, its backends sleep and
    # wake more often): the same transaction at the service's rate, to compare the two sides' PostgreSQL + kernel.
    local rate=${rpss[$mid]%.*}
    log "intake: pgbench $form transaction at the service's rate ($rate TPS), 16 clients"
    pg_checkpoint
    cpu_mark; mark0=$CPU_MARK
    next_pgbench_run
    tps=$(PGBENCH_RATE=$rate pgbench_run "$form-c16-rate" 16 "$PGBENCH_SECS" "$OUT/pgbench-$form.sql" "$PGBENCH_RUN")
    cpu_mark; mark1=$CPU_MARK
    read -r _ pg_us gen_us idle_us <<< "$(cpu_per_unit "$mark0" "$mark1" "$(awk -v t="$tps" -v s="$PGBENCH_SECS" 'BEGIN { printf "%d", t * s }')")"
    row "1 intake" "CPU µs per pgbench $form transaction at the service's rate (--rate $rate: $tps TPS), 16 clients: PostgreSQL + kernel / pgbench / idle" \
      "$pg_us / $gen_us / $idle_us" "" ""

    log "intake: $form, 64 connections, ${INTAKE_SECS}s, then pgbench"
    rows0=$(stored "$(form_table "$form")")
    next_nonce
    pg_checkpoint
    line=$(wrk_run "intake-$form-c64" 64 "$INTAKE_SECS" intake.lua "$form" "$NONCE")
    (( $(stored "$(form_table "$form")") > rows0 )) || die "no $form was stored during the run"
    rps=$(field rps "$line"); p99=$(field p99_ms "$line")
    bad=$(( $(field non2xx "$line") + $(field socket_errors "$line") ))
    row "1 intake" "POST $form, 64 conn: requests/s" "$rps" "" ""
    row "1 intake" "POST $form, 64 conn: p50 / p99 ms" "$(field p50_ms "$line") / $p99" "p99 < $TARGET_P99_MS ms" "$(verdict "$p99 < $TARGET_P99_MS")"
    row "1 intake" "POST $form, 64 conn: errors (non-2xx + socket)" "$bad" "0" "$(verdict "$bad == 0")"
    next_pgbench_run
    pg_checkpoint
    tps=$(PGBENCH_LOG=1 pgbench_run "$form-c64" 64 "$PGBENCH_SECS" "$OUT/pgbench-$form.sql" "$PGBENCH_RUN")
    row "1 intake" "pgbench $form transaction, 64 clients: TPS; p50 / p99 ms (pgbench -l, for scale)" \
      "$tps; $(pgbench_latency "$form-c64")" "" ""
    row "1 intake" "POST $form rps / pgbench TPS, 64 conn" "$(calc "$rps / $tps" 2)" "" ""
    row "1 intake" "POST $form: DB round trips / submission (sequential, ss data_segs_in)" \
      "${R[rt_$form]} (strace recvfrom: ${R[rt_strace_$form]:-n/a})" "" ""
  done
}

# Transactions committed in the service's database so far (the harness's own psql queries add a few per run).
xact_commits() { psql_value "select xact_commit from pg_stat_database where datname = 'smp'"; }

# Statements per submission over a measured run, from pg_stat_statements (reset before the run).
statements_row() { # <form> <connections> <stored submissions>
  local form=$1 c=$2 n=$3 calls begins commits commit_note
  calls=$(psql_value "select coalesce(sum(calls), 0) from pg_stat_statements where userid = 'smp'::regrole")
  begins=$(psql_value "select coalesce(sum(calls), 0) from pg_stat_statements where userid = 'smp'::regrole and upper(trim(query)) = 'BEGIN'")
  commits=$(psql_value "select coalesce(sum(calls), 0) from pg_stat_statements where userid = 'smp'::regrole and upper(trim(query)) = 'COMMIT'")
  # pgjdbc sends BEGIN as a simple query (counted) but COMMIT, from its 5th use on a connection, as a named
  # prepared statement, which pg_stat_statements (PostgreSQL 15) did not count in our runs. Every transaction
  # commits once (the captured log shows one COMMIT per BEGIN): count the missing ones. A new person's submission
  # is one autocommit statement, with neither.
  commit_note="COMMIT counted"
  if (( commits < begins )); then
    calls=$(( calls + begins - commits )); commit_note="COMMIT: pg_stat_statements saw $commits, counted as 1 per BEGIN"
  fi
  statements_report "$form" "$c" "$n"
  row "1 intake" "POST $form, $c conn: SQL statements / submission (incl. BEGIN/COMMIT)" \
    "$(calc "$calls / $n" 1) (BEGIN $(calc "$begins / $n" 1), $commit_note; $n stored)" "" ""
}

# Each pgbench run gets its own number (part of every UUID, email, phone and key it generates; see sql/capture.sql).
PGBENCH_RUN=0
next_pgbench_run() { PGBENCH_RUN=$(( PGBENCH_RUN + 1 )); }

# The values of a script's bound parameters (see sql/capture.sql), NUL-separated name=value pairs for pgbench -D.
script_vars() { psql_admin -At -0 -c "select name || '=' || value from bench.script_var where script = '$1' order by name"; }

pgbench_run() { # <label> <clients> <seconds> <script> <run number> -> tps
  local out=$OUT/pgbench-$1.txt defines=() pair
  while IFS= read -r -d '' pair; do defines+=(-D "$pair"); done < "${4%.sql}.vars"
  local base options=(); base=$(date +%s%3N)
  [[ -n ${PGBENCH_LOG:-} ]] && options=(-l --log-prefix "$OUT/pgbench-log-$1")
  [[ -n ${PGBENCH_RATE:-} ]] && options+=(--rate "$PGBENCH_RATE")
  note_cmd "pgbench -h 127.0.0.1 -p $PG_PORT -U smp -n -M prepared -c $2 -j $WRK_THREADS -T $3 ${options[*]} -D cnt=0 -D base=$base -D run=$5 <-D name=value for each NUL-separated pair in ${4%.sql}.vars> -f $4 smp"
  pgbench -h 127.0.0.1 -p "$PG_PORT" -U smp -n -M prepared -c "$2" -j "$WRK_THREADS" -T "$3" \
    -D cnt=0 -D base="$base" -D run="$5" "${defines[@]}" "${options[@]}" -f "$4" smp > "$out" 2>&1 || die "pgbench failed: $(tail -5 "$out")"
  grep -q 'number of failed transactions: 0 ' "$out" || log "pgbench $1: $(grep 'failed' "$out")"
  sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out"
}

# p50 / p99 ms of a pgbench run made with PGBENCH_LOG=1, from its per-transaction log (3rd field: latency in µs).
pgbench_latency() { # <label>
  cat "$OUT/pgbench-log-$1".* | awk '{ print $3 }' | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.2f / %.2f", v[int(NR * 0.5)] / 1000, v[int(NR * 0.99)] / 1000 }'
}

# For reference: the submission's own statement alone, in autocommit.
pgbench_bare_runs() {
  local form tps
  for form in assessment enquiry; do
    log "pgbench: bare INSERT into $(form_table "$form"), 16 clients, ${BARE_SECS}s"
    next_pgbench_run
    pg_checkpoint
    tps=$(pgbench_run "$form-insert-c16" 16 "$BARE_SECS" "$OUT/pgbench-$form-insert.sql" "$PGBENCH_RUN")
    row "1 intake" "pgbench bare INSERT of the $(form_table "$form") row (with its consent rows$([[ $form == assessment ]] && echo ", triage"); a returning person's, one lead for all; autocommit), 16 clients: TPS" "$tps" "reference" ""
  done
}
