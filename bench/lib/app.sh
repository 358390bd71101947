# Building the two jars and starting/stopping the service.

APP_PID=
BASE_URL=

# Builds the -Dexternal-db jar and the default (embedded) jar into bench-owned copies, when the sources changed.
build_apps() {
  local stamp=$WORK/build.stamp
  if [[ ${NO_BUILD:-} == 1 && -f $WORK/app-external/quarkus-run.jar && -f $WORK/app-embedded/quarkus-run.jar ]]; then
    log "build: skipped (--no-build)"; return
  fi
  if [[ -f $stamp && -f $WORK/app-external/quarkus-run.jar && -f $WORK/app-embedded/quarkus-run.jar ]] &&
     [[ -z $(find "$ROOT/src" "$ROOT/pom.xml" -newer "$stamp" -print -quit) ]]; then
    log "build: jars are newer than src/ and pom.xml, reusing them"; return
  fi
  log "build: ./mvnw package -Dexternal-db, then the default build (embedded PostgreSQL)"
  (cd "$ROOT" && run_cmd ./mvnw -q package -DskipTests -Dexternal-db) > "$OUT/build-external.log" 2>&1 ||
    die "external-db build failed, see $OUT/build-external.log"
  rm -rf "$WORK/app-external" && cp -r "$ROOT/target/quarkus-app" "$WORK/app-external"
  (cd "$ROOT" && run_cmd ./mvnw -q package -DskipTests) > "$OUT/build-embedded.log" 2>&1 ||
    die "default build failed, see $OUT/build-embedded.log"
  rm -rf "$WORK/app-embedded" && cp -r "$ROOT/target/quarkus-app" "$WORK/app-embedded"
  touch "$stamp"
}

# Waits for GET /q/health/ready = 200; prints the milliseconds since $1 (a date +%s%N).
wait_ready() {
  local t0=$1 pid=$2 deadline=$(( $(date +%s) + 120 ))
  until curl -sf -o /dev/null "$BASE_URL/q/health/ready"; do
    kill -0 "$pid" 2> /dev/null || return 1
    (( $(date +%s) < deadline )) || return 1
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}

# app_start <app dir> <run dir> <log> [VAR=value ...]: starts the jar; sets APP_PID and START_MS (start to ready).
app_start() {
  local app=$1 dir=$2 logf=$3; shift 3
  mkdir -p "$dir/tmp"
  BASE_URL=http://127.0.0.1:$APP_PORT
  if ss -ltn "( sport = :$APP_PORT )" | grep -q LISTEN; then die "port $APP_PORT is taken"; fi
  note_cmd "(cd $dir && env QUARKUS_HTTP_PORT=$APP_PORT ${APP_ENV[*]} $* java $JAVA_OPTS -Djava.io.tmpdir=$dir/tmp -jar $app/quarkus-run.jar)"
  local t0; t0=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && exec env QUARKUS_HTTP_PORT=$APP_PORT "${APP_ENV[@]}" "$@" \
     java $JAVA_OPTS -Djava.io.tmpdir="$dir/tmp" -jar "$app/quarkus-run.jar") > "$logf" 2>&1 &
  APP_PID=$!
  START_MS=$(wait_ready "$t0" "$APP_PID") || { tail -30 "$logf" >&2; die "the service did not become ready (log: $logf)"; }
}

# SIGTERM (never -9: the embedded PostgreSQL must be stopped by the JVM) and wait.
app_stop() {
  [[ -n ${APP_PID:-} ]] || return 0
  kill -TERM "$APP_PID" 2> /dev/null || true
  local i
  for i in $(seq 1 300); do kill -0 "$APP_PID" 2> /dev/null || break; sleep 0.1; done
  APP_PID=
}

external_env() {
  echo QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/smp QUARKUS_DATASOURCE_USERNAME=smp \
    QUARKUS_DATASOURCE_PASSWORD=smp SMP_SECURITY_BOOTSTRAP_STAFF_KEY=$STAFF_KEY
}

create_api_key() { # <name> <role> -> the key
  curl -sf -X POST "$BASE_URL/api/v1/api-keys" -H "Authorization: Bearer $STAFF_KEY" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1\", \"roles\": [\"$2\"]}" | sed -n 's/.*"key" *: *"\([^"]*\)".*/\1/p'
}
