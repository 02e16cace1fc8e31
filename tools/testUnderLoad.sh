#!/usr/bin/env bash
# `npm run test:load [RUNS]`: the whole suite (README's `npm test`) RUNS times in a row (default 3) while two
# CPU-bound processes keep both cores of a 2-core machine busy — how the suite is shown not to depend on
# timing. Prints each run's vitest summary and time, and exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
yes >/dev/null &
busy1=$!
yes >/dev/null &
busy2=$!
trap 'kill "$busy1" "$busy2" 2>/dev/null' EXIT
mkdir -p test-results
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  report="test-results/load-run-$i.json"
  NO_COLOR=1 npx vitest run --reporter=dot --reporter=json --outputFile.json="$report" >"test-results/load-run-$i.log" 2>&1
  status=$?
  summary=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  ' "$report" 2>/dev/null || echo "vitest: no report written")
  echo "run $i: exit $status, $summary, $(($(date +%s) - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$status" -eq 0 ] || failed=1
done
exit "$failed"
