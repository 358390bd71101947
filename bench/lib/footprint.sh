# Scenario 5 (footprint) and 3 (engine).

# Start to ready of the default build (embedded PostgreSQL): a first start (initdb + migrations) and a restart
# on the data it left, in a bench-owned working directory. Only when the embedded port is free.
embedded_start() {
  if ss -ltn "( sport = :$EMBEDDED_PG_PORT )" | grep -q LISTEN; then
    log "footprint: port $EMBEDDED_PG_PORT is busy (another build's tests?): embedded start skipped"
    row "5 footprint" "start to ready, embedded DB" "skipped: port $EMBEDDED_PG_PORT busy" "< $TARGET_START_MS ms" ""
    return
  fi
  local dir=$WORK/embedded-run ms1 ms2 java_rss pg_pss postmaster
  rm -rf "$dir" && mkdir -p "$dir"
  log "footprint: default build, first start (initdb + migrations)"
  app_start "$WORK/app-embedded" "$dir" "$OUT/app-embedded-1.log"; ms1=$START_MS
  app_stop
  log "footprint: default build, restart on its data"
  app_start "$WORK/app-embedded" "$dir" "$OUT/app-embedded-2.log"; ms2=$START_MS
  java_rss=$(rss_mib "$APP_PID")
  postmaster=$(head -1 "$dir/.smp-data/postgresql/postmaster.pid" 2> /dev/null || true)
  pg_pss=$([[ -n $postmaster ]] && pg_pss_mib "$postmaster" $(pgrep -P "$postmaster") || echo "?")
  app_stop
  row "5 footprint" "start to ready, embedded DB (default build): restart / first start ms" "$ms2 / $ms1" \
    "< $TARGET_START_MS ms" "$(verdict "$ms2 < $TARGET_START_MS")"
  row "5 footprint" "RSS after start, embedded DB: java / embedded postgres (PSS) MiB" "$java_rss / $pg_pss" "" ""
}

engine_benchmark() {
  log "engine: JMH ${JMH_OPTS[*]}"
  if [[ -f $ROOT/target/cp.txt && -f $ROOT/target/test-classes/META-INF/BenchmarkList ]] &&
     [[ -z $(find "$ROOT/src" "$ROOT/pom.xml" -newer "$ROOT/target/cp.txt" -print -quit) ]]; then
    note_cmd "# JMH classes and target/cp.txt are newer than src/ and pom.xml: not rebuilt"
  else
    (cd "$ROOT" && run_cmd ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
      -Dmdep.includeScope=test) > "$OUT/jmh-build.log" 2>&1 || die "JMH build failed: $(tail -5 "$OUT/jmh-build.log")"
    touch "$ROOT/target/cp.txt"
  fi
  # org.openjdk.jmh.Main takes the options on the command line (the benchmark's own main() fixes them).
  note_cmd "java -cp target/test-classes:target/classes:\$(cat target/cp.txt) org.openjdk.jmh.Main EligibilityEngineBenchmark ${JMH_OPTS[*]} -rf csv -rff $OUT/jmh.csv"
  (cd "$ROOT" && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main \
    EligibilityEngineBenchmark "${JMH_OPTS[@]}" -rf csv -rff "$OUT/jmh.csv") > "$OUT/jmh.txt" 2>&1 ||
    die "JMH failed: $(tail -5 "$OUT/jmh.txt")"
  local name score err
  while IFS=, read -r name _ _ _ score err _; do
    name=${name//\"/}; name=${name##*.}
    row "3 engine" "triage evaluation, $name: ns/op (± 99.9 %)" "$(calc "$score" 0) ± $(calc "$err" 0)" \
      "< $TARGET_TRIAGE_NS ns" "$(verdict "$score < $TARGET_TRIAGE_NS")"
  done < <(tail -n +2 "$OUT/jmh.csv")
}
