#!/usr/bin/env bash
# Every test tier, in order of speed: lint and types, unit, routes on PGlite, routes on PostgreSQL,
# then the browser journeys. Needs PostgreSQL at BARAZA_TEST_POSTGRES_URL (default 127.0.0.1:5432, user postgres)
# and Chromium at /usr/bin/chromium (.ci/run installs both on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "lint and type-check"
npx biome check .
npx tsc -p tsconfig.json

step "unit tests"
npx vitest run --project unit

step "route tests on PGlite"
BARAZA_TEST_DB=pglite npx vitest run --project routes

step "route tests on PostgreSQL"
BARAZA_TEST_DB=postgres npx vitest run --project routes

step "browser journeys (Chromium)"
npm run build:web
npx vitest run --project e2e

step "all tiers passed"
