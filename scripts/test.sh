#!/usr/bin/env bash
# `npm test`: every test, in the order a failure is cheapest to find.
# Type-check, lint and format check, scenario check, unit tests, the build, integration tests on PGlite and
# on a real PostgreSQL, the learner pages' JavaScript budget, then Playwright end-to-end in Chromium against
# the built app.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh || exit 1

RESULTS=.cache/test-results
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
failed_steps=()

step() {
  local name=$1; shift
  echo; echo "━━ $name ━━"
  if ! "$@"; then failed_steps+=("$name"); fi
}

vitest_json() { echo "--reporter=default --reporter=json --outputFile=$RESULTS/$1.json"; }

step "typecheck" npx tsc --noEmit
step "lint" npm run -s lint
if [ -f scripts/scenarios-check.ts ]; then step "scenario check" npx tsx scripts/scenarios-check.ts --strict; fi
step "unit" npx vitest run --project unit $(vitest_json unit)
# Built before the integration tests: the bad-input corpus sends its requests through the built app.
step "build" npx remix vite:build --logLevel warn
step "integration (PGlite)" env DATABASE_URL= npx vitest run --project integration $(vitest_json integration-pglite)

if PG_URL=$(bash scripts/test-postgres.sh start); then
  trap 'bash scripts/test-postgres.sh stop' EXIT
  step "integration (PostgreSQL)" env DATABASE_URL="$PG_URL" npx vitest run --project integration $(vitest_json integration-postgres)
  bash scripts/test-postgres.sh stop; trap - EXIT
else
  failed_steps+=("start PostgreSQL")
fi

step "JavaScript budget (learner pages ≤ 90 KiB)" npx tsx scripts/js-budget.ts
step "e2e (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.js "$RESULTS" "${failed_steps[@]}"
