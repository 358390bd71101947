# Scenario 2 (HTTP ceiling) and 4 (scale of reads).

http_ceiling() {
  log "http ceiling: GET /api/v1/assessment-form, $FORM_CONNECTIONS connections, ${FORM_SECS}s"
  local line
  line=$(wrk_run form-get "$FORM_CONNECTIONS" "$FORM_SECS" get.lua /api/v1/assessment-form)
  row "2 http" "GET /api/v1/assessment-form, $FORM_CONNECTIONS conn: requests/s" "$(field rps "$line")" "" ""
  row "2 http" "GET /api/v1/assessment-form: p50 / p99 ms, errors" \
    "$(field p50_ms "$line") / $(field p99_ms "$line"), $(( $(field non2xx "$line") + $(field socket_errors "$line") ))" "" ""
}

scale_reads() {
  log "scale: bulk-loading $LEADS leads"
  local t0; t0=$(date +%s)
  note_cmd "psql -h $PG_DIR/sock -p $PG_PORT -U postgres -d smp -v n=$LEADS -f bench/sql/bulk-load.sql"
  psql_admin -v n="$LEADS" -f "$BENCH/sql/bulk-load.sql" > "$OUT/bulk-load.log" 2>&1 || die "bulk load failed: $(tail -5 "$OUT/bulk-load.log")"
  row "4 reads" "bulk load of $LEADS leads (+ submissions, consents, feed): seconds" "$(( $(date +%s) - t0 ))" "" ""

  export BENCH_API_KEY
  BENCH_API_KEY=$(create_api_key bench-crm crm)
  [[ -n $BENCH_API_KEY ]] || die "could not create a crm API key"

  declare -A C
  local name value
  while IFS=$'\t' read -r name value; do C[$name]=$value; done < <(
    psql_admin -At -F $'\t' -v limit="$PAGE_LIMIT" -v status="$LIST_FILTER_STATUS" -v outcome="$LIST_FILTER_OUTCOME" \
      -f "$BENCH/sql/cursors.sql")
  local filter="status=$LIST_FILTER_STATUS&outcome=$LIST_FILTER_OUTCOME"

  # The computed cursors must be the ones the service hands out.
  local served
  served=$(curl -sf -H "Authorization: Bearer $BENCH_API_KEY" "$BASE_URL/api/v1/leads?$filter&limit=$PAGE_LIMIT" |
    sed -n 's/.*"nextCursor" *: *"\([^"]*\)".*/\1/p')
  [[ $served == "${C[list_filtered_page2]}" ]] || die "list cursor encoding differs: service $served, computed ${C[list_filtered_page2]}"
  served=$(curl -sf -H "Authorization: Bearer $BENCH_API_KEY" "$BASE_URL/api/v1/leads/changes?limit=$PAGE_LIMIT" |
    sed -n 's/.*"nextCursor" *: *"\([^"]*\)".*/\1/p')
  [[ $served == "${C[feed_page2]}" ]] || die "feed cursor encoding differs: service $served, computed ${C[feed_page2]}"

  local -a variants=(
    "list_all|GET /api/v1/leads|/api/v1/leads?limit=$PAGE_LIMIT|cursor|${C[list_all_count]} leads"
    "list_filtered|GET /api/v1/leads?$filter|/api/v1/leads?$filter&limit=$PAGE_LIMIT|cursor|${C[list_filtered_count]} matching"
    "feed|GET /api/v1/leads/changes|/api/v1/leads/changes?limit=$PAGE_LIMIT|cursor|${C[feed_count]} changes"
  )
  local v key label url param count page line p50 p99 first50 first99 worst50 worst99
  for v in "${variants[@]}"; do
    IFS='|' read -r key label url param count <<< "$v"
    worst50=0; worst99=0
    for page in first middle last; do
      local u=$url
      [[ $page != first ]] && u="$url&$param=${C[${key}_$page]}"
      log "scale: $label, $page page, ${SCALE_SECS}s at $SCALE_CONNECTIONS connections"
      line=$(wrk_run "scale-$key-$page" "$SCALE_CONNECTIONS" "$SCALE_SECS" get.lua "$u")
      p50=$(field p50_ms "$line"); p99=$(field p99_ms "$line")
      (( $(field non2xx "$line") == 0 )) || die "non-2xx answers for $u"
      if [[ $page == first ]]; then first50=$p50; first99=$p99; else
        awk "BEGIN { exit !($p50 > $worst50) }" && worst50=$p50
        awk "BEGIN { exit !($p99 > $worst99) }" && worst99=$p99
      fi
      row "4 reads" "$label ($count): $page page p50 / p99 ms" "$p50 / $p99" "" ""
    done
    local r50 r99
    r50=$(calc "$worst50 / $first50" 2); r99=$(calc "$worst99 / $first99" 2)
    row "4 reads" "$label: deepest page ÷ first page (p50; p99)" "$r50; $r99" "≤ $TARGET_DEEP_RATIO (p50)" \
      "$(verdict "$r50 <= $TARGET_DEEP_RATIO")"
  done

  # Search (q): the lead in the middle of the load found by each kind of key staff may be given (bulk-load.sql's
  # shapes: bulk.<i>@example.com, +44 71 <i in 8 digits> for every third lead, references from i's hex number).
  local n=$(( LEADS / 2 / 3 * 3 )) via=E hex padded
  (( n % 10 < 4 )) && via=A
  hex=$(printf '%08X' "$n" | tr 01 WX); padded=$(printf '%08d' "$n")
  local -a searches=(
    "email|bulk.$n@Example.COM|bulk.$n%40Example.COM"
    "phone|071${padded:0:2} ${padded:2}|071${padded:0:2}%20${padded:2}"
    "reference|${via,,}${hex,,}|${via,,}${hex,,}"
    "name prefix|bulk person $(( n / 10 ))|bulk%20person%20$(( n / 10 ))"
  )
  local s kind typed encoded found
  for s in "${searches[@]}"; do
    IFS='|' read -r kind typed encoded <<< "$s"
    found=$(curl -sf -H "Authorization: Bearer $BENCH_API_KEY" "$BASE_URL/api/v1/leads?q=$encoded" |
      grep -o '"id" *: *"[^"]*"' | grep -c . || true)
    (( found >= 1 )) || die "search by $kind ($typed) found nothing"
    log "scale: search by $kind, ${SCALE_SECS}s at $SCALE_CONNECTIONS connections"
    line=$(wrk_run "search-${kind// /-}" "$SCALE_CONNECTIONS" "$SCALE_SECS" get.lua "/api/v1/leads?q=$encoded")
    (( $(field non2xx "$line") == 0 )) || die "non-2xx answers for the search by $kind"
    row "4 reads" "GET /api/v1/leads?q= by $kind (\"$typed\": $found of $LEADS): p50 / p99 ms" \
      "$(field p50_ms "$line") / $(field p99_ms "$line")" "" ""
  done

  # Evidence: the plans of the service's queries for the filtered first page and the last pages.
  {
    echo "-- list, filtered, first page"
    psql_admin -c "explain (analyze, buffers) select l.id from lead l where true and l.latest_outcome = '$LIST_FILTER_OUTCOME' and l.status = '$LIST_FILTER_STATUS' order by l.created_at desc, l.id desc limit $(( PAGE_LIMIT + 1 ))"
    echo "-- list, filtered, last page"
    psql_admin -c "explain (analyze, buffers) select l.id from lead l where true and l.latest_outcome = '$LIST_FILTER_OUTCOME' and l.status = '$LIST_FILTER_STATUS' and (l.created_at, l.id) < (select created_at, id from lead where status = '$LIST_FILTER_STATUS' and latest_outcome = '$LIST_FILTER_OUTCOME' order by created_at desc, id desc offset greatest((select count(*) from lead where status = '$LIST_FILTER_STATUS' and latest_outcome = '$LIST_FILTER_OUTCOME') - $PAGE_LIMIT - 1, 0) limit 1) order by l.created_at desc, l.id desc limit $(( PAGE_LIMIT + 1 ))"
    echo "-- feed, last page"
    psql_admin -c "explain (analyze, buffers) select c.txid, c.id, c.lead_id, c.change, c.changed_at from lead_change c where (c.txid, c.id) > (select txid, id from lead_change order by txid, id offset greatest((select count(*) from lead_change) - $PAGE_LIMIT - 1, 0) limit 1) and c.txid < cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint) order by c.txid, c.id limit $(( PAGE_LIMIT + 1 ))"
    echo "-- search by reference without its letter (both forms' unique indexes, one semi-join)"
    psql_admin -c "explain (analyze, buffers) select l.id from lead l where true and l.id in (select s0.lead_id from enquiry s0 where s0.reference = 'E-${hex:0:4}-${hex:4:4}' union all select s1.lead_id from assessment s1 where s1.reference = 'A-${hex:0:4}-${hex:4:4}') order by l.created_at desc, l.id desc limit $(( PAGE_LIMIT + 1 ))"
    echo "-- search by name prefix (the index lead_name_prefix_idx)"
    psql_admin -c "explain (analyze, buffers) select l.id from lead l where true and lower(l.name) like lower('bulk person $(( n / 10 ))%') escape '\\' order by l.created_at desc, l.id desc limit $(( PAGE_LIMIT + 1 ))"
  } > "$OUT/explain-last-pages.txt" 2>&1 || true
}
