# Every knob of the harness, in one place. Sourced by bench/run after the mode (full or smoke) is known.

# Environment given to the service for every benchmark start. The rate limiter would throttle the load
# generator (one client address): switch it off here, and add any other service setting the same way.
# The webhook deliverer is off in scenarios 1 to 5 (no subscription exists there; its idle polling would blur the
# per-submission statement and round-trip counts); scenario 6 restarts the service with it on.
APP_ENV=(
  SMP_RATE_LIMIT_ENABLED=false
  SMP_WEBHOOKS_DELIVER=false
)
# The JVM options README.md and src/main/docker/Dockerfile.jvm recommend for production (a small heap: the service's
# live set is a few tens of MiB; with the JVM's default heap, a quarter of the machine's memory, RSS only grows).
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=48m}

APP_PORT=8095                            # the service under test
PG_PORT=55499                            # the throwaway PostgreSQL the harness starts
EMBEDDED_PG_PORT=55432                   # fixed at build time in the default (embedded) build
PG_BIN=/usr/lib/postgresql/15/bin
WRK_THREADS=2                            # the machine has 2 cores shared by wrk, the JVM and PostgreSQL
FORM_CONNECTIONS=16
SCALE_CONNECTIONS=8
PAGE_LIMIT=50                            # the API's default page size
LIST_FILTER_STATUS=CONTACTED
LIST_FILTER_OUTCOME=SUITABLE
STAFF_KEY=bench-only-bootstrap-staff-key-0123456789abcdef
RECEIVER_PORT=8097                       # bench/WebhookReceiver.java

if [[ $MODE == smoke ]]; then
  WARMUP_SECS=4          # per form
  INTAKE_ROUNDS=1
  INTAKE_SECS=4
  PGBENCH_SECS=4
  BARE_SECS=3
  FORM_SECS=3
  SCALE_SECS=2
  LEADS=20000
  SEQUENTIAL_SUBMISSIONS=20
  WEBHOOK_WARMUP_SECS=4
  WEBHOOK_ROUNDS=1
  WEBHOOK_PACED_SECS=4
  JMH_OPTS=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
else
  WARMUP_SECS=90         # per form: 3 minutes of JIT warm-up before the measured intake runs (C2 was still
                         # compiling after 2 minutes of load; 5 % of the JVM's CPU in the measured runs)
  INTAKE_ROUNDS=5        # alternating wrk / pgbench rounds at 16 connections; the median ratio is reported
  INTAKE_SECS=20
  PGBENCH_SECS=20
  BARE_SECS=15
  FORM_SECS=20
  SCALE_SECS=10
  LEADS=1000000
  SEQUENTIAL_SUBMISSIONS=200
  WEBHOOK_WARMUP_SECS=30
  WEBHOOK_ROUNDS=3       # alternating rounds without and with a subscription; the median ratio is reported
  WEBHOOK_PACED_SECS=30
  JMH_OPTS=(-f 1 -wi 5 -w 2s -i 5 -r 2s)
fi

# Targets (issue 6).
TARGET_RATIO=0.7         # submit rps >= 0.7 x pgbench TPS of the same transaction, both forms, 16 connections
TARGET_P99_MS=50         # p99 at 64 connections
TARGET_TRIAGE_NS=5000    # one triage evaluation
TARGET_DEEP_RATIO=1.5    # deep page / first page at 1M leads
TARGET_START_MS=5000     # start to ready, embedded database
TARGET_RSS_MIB=300       # RSS after the intake runs
TARGET_WEBHOOK_RATIO=0.9 # submit rps with one enabled subscription >= 0.9 x without (issue 20)
