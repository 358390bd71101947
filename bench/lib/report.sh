# The results: a table on the terminal and a Markdown file with the machine, versions, statements and commands.

machine_info() {
  local mem
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC') (mode: $MODE${ONLY:+; only scenario $ONLY: bench/run --only $ONLY})"
  echo "- Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $mem RAM, $(uname -sr)"
  echo "- Load average before the run: $LOAD_BEFORE (1, 5, 15 min); after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Service: smp-intake-service, commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' + uncommitted changes'), Quarkus $(sed -n 's|.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*|\1|p' "$ROOT/pom.xml" | head -1)"
  echo "- Java: $(java -version 2>&1 | head -1)"
  echo "- PostgreSQL: $("$PG_BIN/postgres" --version) ($(cat "$OUT/pg-settings.txt" 2> /dev/null))"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); pgbench: $(pgbench --version); JMH: $(sed -n 's|.*<jmh.version>\(.*\)</jmh.version>.*|\1|p' "$ROOT/pom.xml")"
}

write_results() {
  local md=$1
  {
    echo "# Benchmark results"
    echo
    machine_info
    echo
    echo "**Everything runs on this one machine:** wrk/pgbench (the load generator), the service's JVM and PostgreSQL"
    echo "share its $(nproc) cores. Both sides of every ratio run with the same client count, on the same server and"
    echo "database, with the same generator threads (-j/-t $WRK_THREADS). Figures are only comparable between runs on an idle machine."
    echo
    echo "| Scenario | Metric | Value | Target | Verdict |"
    echo "|---|---|---|---|---|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$OUT/table.tsv"
    echo
    # Each section only when its scenario ran (bench/run --only runs one).
    [[ -f $OUT/statements-assessment-c16.tsv ]] && intake_sections
    [[ -f $OUT/webhook-statements.tsv ]] && webhook_section
    echo "## Commands"
    echo
    echo '```'
    cat "$OUT/commands.txt"
    echo '```'
  } > "$md"
}

intake_sections() {
  echo "## Statements per submission (pg_stat_statements, 16-connection run)"
  local form
  for form in assessment enquiry; do
    echo
    echo "### $form"
    echo
    echo "| per submission | calls | statement |"
    echo "|---|---|---|"
    tail -n +2 "$OUT/statements-$form-c16.tsv" | grep -v '^([0-9]* rows)' |
      awk -F'\t' '{ gsub(/\|/, "\\|", $3); printf "| %s | %s | `%s` |\n", $1, $2, $3 }'
  done
  echo
  echo "## The captured transactions (one request each, log_statement=all, parameters inlined)"
  for form in enquiry assessment; do
    echo
    echo "<details><summary>$form: $(grep -c '^-- ' "$OUT/captured-$form.sql") statements</summary>"
    echo
    echo '```sql'
    cut -c1-400 "$OUT/captured-$form.sql"
    echo '```'
    echo "</details>"
  done
  echo
  echo "The pgbench scripts generated from them: \`target/bench/results/pgbench-{enquiry,assessment}[-insert].sql\`."
  echo
}

# Scenario 6's last round with the subscription: the service's top statements by total execution time.
webhook_section() {
  local calls total_ms entries
  read -r calls total_ms entries < "$OUT/webhook-statements-total.txt"
  echo "## Webhooks: statements of the last round with the subscription (pg_stat_statements)"
  echo
  echo "Reset right before the round's ${INTAKE_SECS} s run; read after its drain. The service's role (\`smp\`) only:"
  echo "$calls calls in $entries entries, $total_ms ms of execution in all. The top 12 by total time, the entries"
  echo "with the same first 120 characters merged (a multi-row insert or an \`in (...)\` list is one entry per length;"
  echo "each entry: \`webhook-statements-raw.tsv\`). As in scenario 1, pgjdbc's named \`COMMIT\` is mostly not counted."
  echo
  echo "| calls | rows | total ms | mean ms | entries | statement (first 120 characters) |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ gsub(/\|/, "\\|", $6); printf "| %s | %s | %s | %s | %s | `%s` |\n", $1, $2, $3, $4, $5, $6 }' "$OUT/webhook-statements.tsv"
  echo
}

print_table() {
  echo
  { printf 'SCENARIO\tMETRIC\tVALUE\tTARGET\tVERDICT\n'; cat "$OUT/table.tsv"; } | column -t -s $'\t'
  echo
}
