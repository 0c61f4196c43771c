#!/usr/bin/env bash
# `npm test`: build, audit, typecheck, unit, Chromium end-to-end, Firefox end-to-end.
# Installing missing browsers is network and disk work (apt), the build and the unit
# tests are CPU work: on a fresh machine they overlap, and the browsers are waited
# for only when the first browser suite needs them. The type check reads only the
# sources and .wxt/ (written on install by `wxt prepare`; a build rewrites a file
# there only when it changes): it runs beside the builds, which leave most of the
# second core idle, and is waited for before the unit tests. Any step failing fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
typelog="$(mktemp)"
bash scripts/ensure-browsers.sh > "$log" 2>&1 &
browsers=$!
# `npm run typecheck`, without npm in between, so that the one process the trap may stop is tsc itself.
node_modules/.bin/tsc --noEmit -p . > "$typelog" 2>&1 &
typecheck=$!
# An apt install is never killed half-way: on an early failure it is left to finish. The type check may be.
trap 'kill "$typecheck" 2>/dev/null || true; rm -f "$log" "$typelog"' EXIT
npm run build
npm run audit:build
status=0
wait "$typecheck" || status=$?
echo '> npm run typecheck (run beside the build)'
cat "$typelog"
if [ "$status" -ne 0 ]; then echo "The type check failed (exit $status)." >&2; exit "$status"; fi
# tests/unit/build ran just above, in the audit, against fresh packages: not twice.
npx vitest run --exclude 'tests/unit/build/**'
status=0
wait "$browsers" || status=$?
cat "$log"
if [ "$status" -ne 0 ]; then echo "Could not get the browsers the end-to-end tests need (exit $status)." >&2; exit "$status"; fi
npm run test:e2e
npm run test:firefox
