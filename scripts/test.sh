#!/usr/bin/env bash
# `npm test`: build, audit, typecheck, unit, Chromium end-to-end, Firefox end-to-end.
# Installing missing browsers is network and disk work (apt), the build and the unit
# tests are CPU work: on a fresh machine they overlap, and the browsers are waited
# for only when the first browser suite needs them. Any step failing fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
bash scripts/ensure-browsers.sh > "$log" 2>&1 &
browsers=$!
# An apt install is never killed half-way: on an early failure it is left to finish.
trap 'rm -f "$log"' EXIT
npm run build
npm run audit:build
npm run typecheck
# tests/unit/build ran just above, in the audit, against fresh packages: not twice.
npx vitest run --exclude 'tests/unit/build/**'
status=0
wait "$browsers" || status=$?
cat "$log"
if [ "$status" -ne 0 ]; then echo "Could not get the browsers the end-to-end tests need (exit $status)." >&2; exit "$status"; fi
npm run test:e2e
npm run test:firefox
