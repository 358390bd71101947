# The results: a table on the terminal and a Markdown file with the machine, versions, statements and commands.

machine_info() {
  local mem
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC') (mode: $MODE)"
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
    echo "## Commands"
    echo
    echo '```'
    cat "$OUT/commands.txt"
    echo '```'
  } > "$md"
}

print_table() {
  echo
  { printf 'SCENARIO\tMETRIC\tVALUE\tTARGET\tVERDICT\n'; cat "$OUT/table.tsv"; } | column -t -s $'\t'
  echo
}
