#!/usr/bin/env bash
# Issue 14 item 7: the whole `npm test`, RUNS times in a row (default 3), while the load script keeps
# simulated learners practising beside it (default: 100 on a throw-away PostgreSQL, rungs of 5 min,
# repeated until the tests end). Stops at the first red run. Writes each run's log, the load
# script's figures and a summary (exit code, duration, load average) to .cache/under-load/.
#   bash scripts/load/test-under-load.sh        RUNS=3 LOAD_LEARNERS=100 LOAD_DATABASES=postgres
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
OUT=.cache/under-load
rm -rf "$OUT"; mkdir -p "$OUT"

# The load runs in its own process group, so that it (and its app and database) stop with us.
setsid bash -c "
  while true; do
    LOAD_DATABASES=${LOAD_DATABASES:-postgres} LOAD_RUNGS=${LOAD_LEARNERS:-100} LOAD_RUNG_SECONDS=300 \
      LOAD_PORT=3159 npx tsx scripts/load/bench.ts >> '$OUT/load.log' 2>&1 || sleep 5
  done" &
LOADER=$!
stop_load() { kill -TERM -- "-$LOADER" 2>/dev/null; sleep 3; kill -KILL -- "-$LOADER" 2>/dev/null; ATTUNE_TEST_PG_PORT=${LOAD_PG_PORT:-54349} bash scripts/test-postgres.sh stop >/dev/null 2>&1; }
trap stop_load EXIT

echo "Load beside the tests: ${LOAD_LEARNERS:-100} learners on ${LOAD_DATABASES:-postgres} (log: $OUT/load.log)" | tee "$OUT/summary.txt"
status=0
for i in $(seq 1 "$RUNS"); do
  started=$(date +%s)
  npm test > "$OUT/test-$i.log" 2>&1
  status=$?
  line="run $i of $RUNS: exit $status after $(( $(date +%s) - started )) s; load average $(cut -d' ' -f1-3 /proc/loadavg); $(grep -E '^ +[0-9]+ passed' "$OUT/test-$i.log" | tail -1 | xargs)"
  echo "$line" | tee -a "$OUT/summary.txt"
  [ "$status" -eq 0 ] || break
done
grep -E ': N=|consistency' "$OUT/load.log" | sed 's/^/  load: /' | tee -a "$OUT/summary.txt"
exit "$status"
