#!/usr/bin/env bash
# The whole test suite: static checks, then unit, integration (PGlite and a PostgreSQL 15 server),
# CLI and browser tests, in one node:test run whose summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."

# What npm cannot install: Debian's PostgreSQL 15 server and Chromium.
bash scripts/ensure-system-deps.sh

[ -d node_modules ] || npm ci --no-audit --no-fund

echo "# static checks: typecheck, lint, format"
npx tsc -p tsconfig.json --noEmit
if [ -f web/tsconfig.json ]; then npx tsc -p web/tsconfig.json --noEmit; fi
npx eslint . --max-warnings 0
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }

echo "# building the web app for browser tests"
node scripts/build-web-if-stale.mjs

# A throwaway PostgreSQL server on a free loopback port, removed however the run ends.
pg_dir=$(mktemp -d /tmp/setu-test-pg.XXXXXX)
pg_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cleanup() { bash scripts/pg-test-server.sh stop "$pg_dir"; }
trap cleanup EXIT
export SETU_TEST_PG_URL
SETU_TEST_PG_URL=$(bash scripts/pg-test-server.sh start "$pg_dir" "$pg_port")
echo "# PostgreSQL $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}') on port $pg_port"

export SETU_REFERENCE_DIR=${SETU_REFERENCE_DIR:-$(cd .. && pwd)/shared/data}
export SETU_TEST_PGLITE_TEMPLATE=${SETU_TEST_PGLITE_TEMPLATE:-$PWD/.test-output/pglite-template.tar}
rm -f "$SETU_TEST_PGLITE_TEMPLATE"
npx tsx scripts/prepare-test-templates.ts

mapfile -t files < <(find src test -name '*.test.ts' | sort)
# Two files at a time fits two cores; each file holds its own databases.
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
