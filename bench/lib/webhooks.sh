# Scenario 6: webhooks. The service is restarted with its deliverer on and a receiver (bench/WebhookReceiver.java)
# on this machine: submission throughput with one enabled subscription against none (the outbox row rides in the
# submission's statement; the deliverer's work shares the 2 cores), then the delay from a change to its arrival at
# the receiver, at half the peak submit rate.

RECEIVER_PID=
receiver_stats() { curl -sf "http://127.0.0.1:$RECEIVER_PORT/${1:-stats}"; }
# What is not sent yet, as "<PENDING deliveries> <changes behind>": the deliveries still PENDING, and the changes of
# the feed (lead_change, ordered by (txid, id)) after an enabled subscription's position (feed_txid, feed_change_id),
# summed over the enabled subscriptions. The second part matters once an event may have no delivery row until the
# deliverer reaches it. Every change counts, of any kind: the deliverer moves the position past every change it
# reads, wanted or not, so a change of a kind the subscription does not want is behind only until the next read.
# The lateral count is an index range scan of lead_change_feed_idx (txid, id) per subscription.
unsent() {
  psql_value "select (select count(*) from webhook_delivery where state = 'PENDING') || ' ' ||
    (select coalesce(sum(behind.n), 0) from webhook_subscription s cross join lateral (
       select count(*) as n from lead_change c where (c.txid, c.id) > (s.feed_txid, s.feed_change_id)) behind
      where s.enabled)"
}

set_subscription() { # <id> <true|false>
  curl -sf -o /dev/null -X PATCH "$BASE_URL/api/v1/webhook-subscriptions/$1" -H "Authorization: Bearer $STAFF_KEY" \
    -H 'Content-Type: application/json' -d "{\"enabled\": $2}" || die "could not set the subscription to $2"
}

drain() { # waits until every event is sent: no delivery pending and no change behind (at most 300 s)
  local i pending behind
  for i in $(seq 1 3000); do
    read -r pending behind <<< "$(unsent)"
    (( pending == 0 && behind == 0 )) && return 0
    sleep 0.1
  done
  die "webhooks not sent after 300 s: $pending deliveries PENDING, $behind changes behind a subscription's position"
}

# The last round of each side is measured in detail as well: where the CPU went (the 20 s run, and for the "with"
# side the drain after it), the rows the round wrote and the tables' write counters, and for the "with" side the
# statements (pg_stat_statements, reset right before it). Only the last: the settling pauses (stats_settle) and the
# reset would otherwise sit in every round; the last ones run with the JIT warmest.

# CPU clock ticks of PostgreSQL: utime + stime of the postmaster and every process it forked (backends, the service's
# pooled connections, background workers), plus the postmaster's cutime + cstime, i.e. what the backends that exited
# used (reaped by it). One awk over all /proc/<pid>/stat: the name in parentheses may hold spaces, so the fields are
# counted after the last ')' (utime is the 12th there).
pg_ticks() {
  local pm; pm=$(head -1 "$PG_DIR/data/postmaster.pid")
  # shellcheck disable=SC2046
  { cat "/proc/$pm/stat" $(pgrep -P "$pm" | sed 's|.*|/proc/&/stat|') 2> /dev/null || true; } |
    awk -v pm="$pm" '{ pid = $1; sub(/.*\) /, ""); t += $12 + $13; if (pid == pm) t += $14 + $15 } END { print t + 0 }'
}
pid_ticks() { # <pid>: utime + stime
  { [[ -n $1 ]] && cat "/proc/$1/stat" 2> /dev/null || true; } | awk '{ sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}

# round_mark <begin|end> sets ROUND_MARK="<cpu_mark's: busy idle jvm wrk> <postgres ticks> <receiver ticks>".
# cpu_mark (lib/intake.sh) takes wrk's time from this shell's children, so every process the harness forks must be
# outside its window: PostgreSQL's and the receiver's ticks are read before it at the beginning, after it at the end.
# Not in $(...), like cpu_mark.
round_mark() {
  local pg rc
  if [[ $1 == begin ]]; then pg=$(pg_ticks); rc=$(pid_ticks "$RECEIVER_PID"); cpu_mark
  else cpu_mark; pg=$(pg_ticks); rc=$(pid_ticks "$RECEIVER_PID"); fi
  ROUND_MARK="$CPU_MARK $pg $rc"
}
# CPU seconds between two marks: "JVM / PostgreSQL / receiver / wrk; machine busy / idle" (busy includes the kernel's
# loopback networking, which no process is charged for; idle is summed over the cores).
round_cpu() { # <mark before> <mark after>
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "%.1f / %.1f / %.1f / %.1f; %.1f / %.1f", (y[3] - x[3]) / hz, (y[5] - x[5]) / hz, (y[6] - x[6]) / hz,
      y[4] - x[4], (y[1] - x[1]) / hz, (y[2] - x[2]) / hz }'
}
# µs of CPU per request between two marks: "JVM / PostgreSQL / receiver / wrk".
round_cpu_per_request() { # <mark before> <mark after> <requests>
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(a, x, " "); split(b, y, " "); us = 1e6 / hz / n
    printf "%.0f / %.0f / %.0f / %.0f", (y[3] - x[3]) * us, (y[5] - x[5]) * us, (y[6] - x[6]) * us, (y[4] - x[4]) * 1e6 / n }'
}

# The tables the webhooks write, and the lead the submissions write: "<assessment rows> <webhook_delivery rows>
# <webhook_attempt rows>" then n_tup_ins n_tup_upd n_tup_hot_upd of each of WEBHOOK_TABLES.
WEBHOOK_TABLES=(webhook_delivery webhook_attempt webhook_subscription lead)
table_counters() {
  local names; names=$(printf "'%s'," "${WEBHOOK_TABLES[@]}"); names=${names%,}
  psql_value "select (select count(*) from assessment) || ' ' || (select count(*) from webhook_delivery) || ' ' ||
    (select count(*) from webhook_attempt) || ' ' ||
    (select string_agg(n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_hot_upd, ' '
                       order by array_position(array[$names], relname::text))
       from pg_stat_user_tables where schemaname = 'public' and relname in ($names))"
}
# A backend sends its table counters to the statistics at most once a second; one that goes idle less than a second
# after its last flush sends the rest 10 s later (PostgreSQL 15, PGSTAT_IDLE_INTERVAL). Counters read 2 s after a
# 4 s run missed a quarter of its lead inserts (the last second's), which the next round would have counted.
stats_settle() { sleep 11; }

round_begin() { # <without|with>
  stats_settle
  ROUND_TABLES0=$(table_counters)
  if [[ $1 == with ]]; then psql_value "select pg_stat_statements_reset()" > /dev/null; fi
  round_mark begin; ROUND_MARK0=$ROUND_MARK
}
round_run_end() { round_mark end; ROUND_MARK1=$ROUND_MARK; }   # right after wrk
# After the run (and, with the subscription, its drain): keeps the figures in R[webhook_*_<side>] for the rows.
round_end() { # <without|with> <requests>
  local side=$1 requests=$2 t1
  round_mark end; ROUND_MARK2=$ROUND_MARK
  stats_settle
  t1=$(table_counters)
  R[webhook_cpu_run_$side]=$(round_cpu "$ROUND_MARK0" "$ROUND_MARK1")
  R[webhook_cpu_drain_$side]=$(round_cpu "$ROUND_MARK1" "$ROUND_MARK2")
  R[webhook_us_$side]=$(round_cpu_per_request "$ROUND_MARK0" "$ROUND_MARK2" "$requests")
  R[webhook_requests_$side]=$requests
  R[webhook_counters_$side]=$(awk -v a="$ROUND_TABLES0" -v b="$t1" 'BEGIN { n = split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? " " : ""), y[i] - x[i] }')
  if [[ $side == with ]]; then webhook_statements; fi
}

# The service's statements over the "with" round, from pg_stat_statements: its role (smp) only, the harness's own
# queries (the drain's included) run as postgres. A statement whose text varies with its number of rows, such as the
# multi-row insert of deliveries or an "in (...)" list, is one pg_stat_statements entry per variant: the top 12 are
# taken after merging the entries whose first 120 characters are the same (their number is shown); every entry, whole,
# is in webhook-statements-raw.tsv.
webhook_statements() {
  local statements="select calls, rows, total_exec_time, regexp_replace(query, '\s+', ' ', 'g') as query
                      from pg_stat_statements where userid = 'smp'::regrole"
  psql_admin -At -F $'\t' -c "
    select sum(calls), sum(rows), round(sum(total_exec_time)::numeric, 1),
           round((sum(total_exec_time) / nullif(sum(calls), 0))::numeric, 3), count(*), left(query, 120)
      from ($statements) s group by left(query, 120) order by sum(total_exec_time) desc limit 12" \
    > "$OUT/webhook-statements.tsv"
  psql_admin -At -F $'\t' -c "select calls, rows, round(total_exec_time::numeric, 1), query from ($statements) s
                                order by total_exec_time desc" > "$OUT/webhook-statements-raw.tsv"
  psql_value "select sum(calls) || ' ' || round(sum(total_exec_time)::numeric) || ' ' || count(*) from ($statements) s" \
    > "$OUT/webhook-statements-total.txt"
}

# The rows of the two measured rounds.
round_rows() {
  local without=${R[webhook_counters_without]} with=${R[webhook_counters_with]} i t
  row "6 webhooks" "last round without the subscription, the ${INTAKE_SECS} s run (${R[webhook_requests_without]} requests): CPU s JVM / PostgreSQL (all processes) / receiver / wrk; machine busy / idle" \
    "${R[webhook_cpu_run_without]}" "" ""
  row "6 webhooks" "last round with the subscription, the ${INTAKE_SECS} s run (${R[webhook_requests_with]} requests): CPU s, same columns" \
    "${R[webhook_cpu_run_with]}" "" ""
  row "6 webhooks" "last round with the subscription, its drain after the run (${R[webhook_drain_ms]} ms): CPU s, same columns" \
    "${R[webhook_cpu_drain_with]}" "" ""
  row "6 webhooks" "CPU µs per request, JVM / PostgreSQL / receiver / wrk: last round without; with (run + drain)" \
    "${R[webhook_us_without]}; ${R[webhook_us_with]}" "" ""
  row "6 webhooks" "rows written to assessment / webhook_delivery / webhook_attempt: last round without; with (run + drain)" \
    "$(cut -d' ' -f1-3 <<< "$without" | sed 's| | / |g'); $(cut -d' ' -f1-3 <<< "$with" | sed 's| | / |g')" "" ""
  for i in "${!WEBHOOK_TABLES[@]}"; do
    t=${WEBHOOK_TABLES[$i]}
    row "6 webhooks" "$t, pg_stat_user_tables n_tup_ins / n_tup_upd / n_tup_hot_upd: last round without; with (run + drain)" \
      "$(cut -d' ' -f$(( 4 + 3 * i ))-$(( 6 + 3 * i )) <<< "$without" | sed 's| | / |g'); $(cut -d' ' -f$(( 4 + 3 * i ))-$(( 6 + 3 * i )) <<< "$with" | sed 's| | / |g')" "" ""
  done
}

webhook_runs() {
  log "webhooks: restarting the service with its deliverer on; receiver on 127.0.0.1:$RECEIVER_PORT"
  note_cmd "java bench/WebhookReceiver.java $RECEIVER_PORT"
  java "$BENCH/WebhookReceiver.java" "$RECEIVER_PORT" > "$OUT/webhook-receiver.log" 2>&1 &
  RECEIVER_PID=$!
  local i
  for i in $(seq 1 100); do receiver_stats > /dev/null 2>&1 && break; sleep 0.2; done
  app_stop
  # shellcheck disable=SC2046
  app_start "$WORK/app-external" "$WORK/external-run" "$OUT/app-external-webhooks.log" $(external_env) \
    SMP_WEBHOOKS_DELIVER=true SMP_WEBHOOKS_REQUIRE_HTTPS=false SMP_WEBHOOKS_ALLOWED_PRIVATE_HOSTS=127.0.0.1
  local sub
  sub=$(curl -sf -X POST "$BASE_URL/api/v1/webhook-subscriptions" -H "Authorization: Bearer $STAFF_KEY" \
    -H 'Content-Type: application/json' \
    -d "{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\", \"eventTypes\": [\"assessment.triaged\", \"enquiry.received\"]}" |
    sed -n 's/.*"subscription" *: *{ *"id" *: *"\([^"]*\)".*/\1/p')
  [[ -n $sub ]] || die "could not create the webhook subscription"
  log "webhooks: warm-up, ${WEBHOOK_WARMUP_SECS}s at 16 connections, subscription on"
  next_nonce
  wrk_run "webhook-warmup" 16 "$WEBHOOK_WARMUP_SECS" intake.lua assessment "$NONCE" > /dev/null
  drain

  # Alternating rounds without and with the subscription; each round starts with nothing pending.
  local -a off=() on=() ratios=()
  local r line rps_off rps_on
  for r in $(seq 1 "$WEBHOOK_ROUNDS"); do
    set_subscription "$sub" false; drain
    next_nonce
    if (( r == WEBHOOK_ROUNDS )); then round_begin without; fi
    line=$(wrk_run "webhook-off-$r" 16 "$INTAKE_SECS" intake.lua assessment "$NONCE")
    if (( r == WEBHOOK_ROUNDS )); then round_run_end; round_end without "$(field requests "$line")"; fi
    rps_off=$(field rps "$line"); off+=("$rps_off")
    set_subscription "$sub" true
    receiver_stats reset > /dev/null
    next_nonce
    if (( r == WEBHOOK_ROUNDS )); then round_begin with; fi
    line=$(wrk_run "webhook-on-$r" 16 "$INTAKE_SECS" intake.lua assessment "$NONCE")
    local t0; t0=$(date +%s%N)
    if (( r == WEBHOOK_ROUNDS )); then round_run_end; fi
    rps_on=$(field rps "$line"); on+=("$rps_on")
    (( $(field non2xx "$line") + $(field socket_errors "$line") == 0 )) || die "errors in webhook round $r"
    drain
    local backlog_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    if (( r == WEBHOOK_ROUNDS )); then R[webhook_drain_ms]=$backlog_ms; round_end with "$(field requests "$line")"; fi
    ratios+=("$(calc "$rps_on / $rps_off" 2)")
    log "webhooks round $r: $rps_off req/s without, $rps_on with a subscription (ratio ${ratios[-1]}); backlog drained ${backlog_ms} ms after the run; receiver: $(receiver_stats)"
  done
  local sorted mid
  mapfile -t sorted < <(printf '%s\n' "${ratios[@]}" | sort -n)
  mid=$(( (${#sorted[@]} - 1) / 2 ))
  row "6 webhooks" "POST assessment, 16 conn: requests/s without / with one enabled subscription (all rounds)" \
    "${off[*]} / ${on[*]}" "" ""
  row "6 webhooks" "POST assessment: rps with a subscription ÷ without (median of $WEBHOOK_ROUNDS alternating rounds; all)" \
    "${sorted[$mid]} (${ratios[*]})" "≥ $TARGET_WEBHOOK_RATIO" "$(verdict "${sorted[$mid]} >= $TARGET_WEBHOOK_RATIO")"
  round_rows

  # Half the peak: the median rps without a subscription, halved, as a paced load (each connection waits between
  # requests); the receiver's delays from each change to its arrival.
  local peak target pause
  mapfile -t sorted < <(printf '%s\n' "${off[@]}" | sort -n)
  peak=${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}
  target=$(calc "$peak / 2" 0)
  pause=$(calc "16000 / $target" 0)
  receiver_stats reset > /dev/null
  local rows0; rows0=$(stored assessment)
  next_nonce
  log "webhooks: paced load, ~$target req/s (16 connections, ${pause} ms between requests), ${WEBHOOK_PACED_SECS}s"
  line=$(BENCH_PAUSE_MS=$pause wrk_run "webhook-paced" 16 "$WEBHOOK_PACED_SECS" intake.lua assessment "$NONCE" "$pause")
  drain
  local stats submitted
  stats=$(receiver_stats)
  # Stored, not wrk's count: requests still in flight when wrk stops are stored (and sent) but not counted by it.
  submitted=$(( $(stored assessment) - rows0 ))
  row "6 webhooks" "paced POST assessment: requests/s (target half of $peak)" "$(field rps "$line")" "" ""
  row "6 webhooks" "paced: events received / submissions; distinct webhook-ids" \
    "$(field calls " $stats") / $submitted; $(field distinct " $stats")" "all, once" \
    "$(verdict "$(field calls " $stats") == $submitted && $(field distinct " $stats") == $submitted")"
  row "6 webhooks" "paced: change to receipt p50 / p99 / max ms" \
    "$(field p50_ms " $stats") / $(field p99_ms " $stats") / $(field max_ms " $stats")" "p99 < 1000 ms" \
    "$(verdict "$(field p99_ms " $stats") < 1000")"

  kill "$RECEIVER_PID" 2> /dev/null || true; wait "$RECEIVER_PID" 2> /dev/null || true; RECEIVER_PID=
  curl -sf -o /dev/null -X DELETE "$BASE_URL/api/v1/webhook-subscriptions/$sub" -H "Authorization: Bearer $STAFF_KEY"
}
