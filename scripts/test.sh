#!/usr/bin/env bash
# The one test command: installs what the tests need (Azurite from npm, NuGet packages) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error
./scripts/ensure-chromium.sh
dotnet restore FunctionAgents.sln
dotnet build FunctionAgents.sln --no-restore -c Release

results="$(mktemp -d)"
status=0
dotnet test FunctionAgents.sln --no-build -c Release \
  --logger "trx;LogFilePrefix=tests" --results-directory "$results" || status=$?

# One plain closing line for CI, summed over every test project's TRX file.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${s:-0}))
done
rm -rf "$results"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
