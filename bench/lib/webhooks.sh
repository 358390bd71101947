# Scenario 6: webhooks. The service is restarted with its deliverer on and a receiver (bench/WebhookReceiver.java)
# on this machine: submission throughput with one enabled subscription against none (the outbox row rides in the
# submission's statement; the deliverer's work shares the 2 cores), then the delay from a change to its arrival at
# the receiver, at half the peak submit rate.

RECEIVER_PID=
receiver_stats() { curl -sf "http://127.0.0.1:$RECEIVER_PORT/${1:-stats}"; }
pending_deliveries() { psql_value "select count(*) from webhook_delivery where state = 'PENDING'"; }

set_subscription() { # <id> <true|false>
  curl -sf -o /dev/null -X PATCH "$BASE_URL/api/v1/webhook-subscriptions/$1" -H "Authorization: Bearer $STAFF_KEY" \
    -H 'Content-Type: application/json' -d "{\"enabled\": $2}" || die "could not set the subscription to $2"
}

drain() { # waits until nothing is pending (at most 300 s)
  local i
  for i in $(seq 1 3000); do (( $(pending_deliveries) == 0 )) && return 0; sleep 0.1; done
  die "webhook deliveries still pending after 300 s"
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
    line=$(wrk_run "webhook-off-$r" 16 "$INTAKE_SECS" intake.lua assessment "$NONCE")
    rps_off=$(field rps "$line"); off+=("$rps_off")
    set_subscription "$sub" true
    receiver_stats reset > /dev/null
    next_nonce
    line=$(wrk_run "webhook-on-$r" 16 "$INTAKE_SECS" intake.lua assessment "$NONCE")
    rps_on=$(field rps "$line"); on+=("$rps_on")
    (( $(field non2xx "$line") + $(field socket_errors "$line") == 0 )) || die "errors in webhook round $r"
    local t0; t0=$(date +%s%N)
    drain
    local backlog_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
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
