#!/usr/bin/env bash
# Runs every test project: unit, matching engine, integration (real PostgreSQL over HTTP), bUnit components,
# and end-to-end in headless Chromium. Tests start their own throwaway PostgreSQL from the server binaries on
# this machine (or use EXPO_TEST_POSTGRES), and drive Debian's /usr/bin/chromium (or CHROMIUM_PATH).
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Booking").
# Ends with one line "N passed, N failed" and a non-zero exit on any failure.
set -uo pipefail
cd "$(dirname "$0")"

# What the tests need from Debian: PostgreSQL's server, Chromium, a Korean font for screenshots, node for ical.js.
source .ci/ensure-packages.sh
needs=("postgresql:/usr/lib/postgresql/*/bin/pg_ctl" "fonts-nanum:/usr/share/fonts/truetype/nanum" "nodejs:/usr/bin/node" "npm:/usr/bin/npm")
[[ -n "${CHROMIUM_PATH:-}" ]] || needs+=("chromium:/usr/bin/chromium") # a browser given by path needs no package
if ! ensure_packages "the tests" "${needs[@]}"; then
  echo "0 passed, 1 failed"
  exit 1
fi

results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build ExpoPortal.sln -c Release; then
  echo "0 passed, 1 failed"
  exit 1
fi

# A second calendar parser for the .ics tests (ical.js from npm), pinned by its package-lock.json.
npm ci --prefix tests/ExpoPortal.IntegrationTests/Calendar --no-audit --no-fund --loglevel=error

# One project at a time, each with its own result file (parallel runs could give two files the same name).
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or a test host failed before any test could report
fi
echo "${passed} passed, ${failed} failed"
[[ $status -eq 0 && $failed -eq 0 ]]
