#!/usr/bin/env bash
# The Azure Functions app end to end under the real Functions host, for machines with Azure Functions Core Tools v4
# (`func`), Node.js and the .NET SDK. Not part of scripts/test.sh: Core Tools download the Functions host from a CDN
# that this project's CI machine cannot reach, so this script has not run there (README, "Deploy to Azure").
#
# It starts Azurite (from node_modules) and `func start` with local.settings.sample.json's settings (its own task hub
# and storage prefix, Development), then checks over HTTP what only the real host decides:
#   1. a demo run (POST /api/runs, the approval the default policy asks for, completion) - the queue, timers and
#      orchestration triggers index and the run-starting trigger binds the Durable client;
#   2. MCP start_run at /api/mcp starts a run that moves at once (the Mcp function binds [DurableClient]);
#   3. GET /api/evaluations/latest and /api/evaluations/days reach their own functions, not evaluations/{evaluationId}
#      (the host's route order, Azure/azure-functions-host#9876).
# Exits non-zero with the failed check. Usage: scripts/func-e2e.sh [port] (default 7071).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-7071}"
base="http://127.0.0.1:${port}/api"
key="dev-key-change-me" # local.settings.sample.json: FA_API_KEYS=dev:dev-key-change-me

for tool in func node dotnet curl jq; do
  command -v "$tool" >/dev/null || { echo "func-e2e: '$tool' is required" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "func-e2e: FAILED: $*" >&2; echo "--- func log (last 40 lines) ---" >&2; tail -n 40 "$work/func.log" >&2 || true; exit 1; }

[ -f node_modules/azurite/dist/src/azurite.js ] || npm ci --no-audit --no-fund --loglevel=error
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --location "$work/azurite" >"$work/azurite.log" 2>&1 &
pids+=("$!")

# A private copy of the sample settings: the repository's local.settings.json (if any) is left alone.
cp local.settings.sample.json "$work/local.settings.json"
dotnet build src/FunctionAgents.Functions -c Debug >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "build"; }
output="src/FunctionAgents.Functions/bin/Debug/net10.0"
cp "$work/local.settings.json" "$output/local.settings.json"
(cd "$output" && exec func start --port "$port" --no-build) >"$work/func.log" 2>&1 &
pids+=("$!")

call() { # method path [json] -> writes the body to $work/body, prints the status
  local method="$1" path="$2" data="${3:-}"
  if [ -n "$data" ]; then
    curl -sS -o "$work/body" -w '%{http_code}' -X "$method" "$base$path" -H "x-functions-key: $key" -H 'Content-Type: application/json' -d "$data"
  else
    curl -sS -o "$work/body" -w '%{http_code}' -X "$method" "$base$path" -H "x-functions-key: $key"
  fi
}

echo "func-e2e: waiting for the Functions host on port $port"
for _ in $(seq 1 90); do
  [ "$(call GET /health 2>/dev/null || true)" = "200" ] && break
  sleep 2
done
[ "$(call GET /health)" = "200" ] || fail "GET /api/health did not answer 200 within 3 minutes"

# 1. A demo run to completion, approving what the policy holds for a human.
goal='A customer in Germany asks whether order 1042 can still be refunded: check our refund policy and the order, open a ticket, and email the customer the answer'
[ "$(call POST /runs "$(jq -nc --arg goal "$goal" '{goal: $goal}')")" = "202" ] || fail "POST /api/runs: $(cat "$work/body")"
run="$(jq -r .runId "$work/body")"
status=""
for _ in $(seq 1 90); do
  call GET "/runs/$run" >/dev/null
  status="$(jq -r .status "$work/body")"
  case "$status" in
    awaiting_approval)
      step="$(jq -r '.pendingApprovals[0].stepId' "$work/body")"
      call POST "/runs/$run/approvals/$step" '{"decision":"approve","approver":"func-e2e"}' >/dev/null ;;
    completed|failed|cancelled) break ;;
  esac
  sleep 2
done
[ "$status" = "completed" ] || fail "demo run $run ended as '$status'"
echo "func-e2e: demo run $run completed"

# 2. MCP start_run: the run must move (reach the planner) at once, not after the sweeper's repair.
mcp() {
  curl -sS -X POST "$base/mcp" -H "x-functions-key: $key" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2025-06-18' -d "$1"
}
mcp '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"func-e2e","version":"1"}}}' >/dev/null
started="$(mcp "$(jq -nc --arg goal "$goal" '{jsonrpc:"2.0",id:2,method:"tools/call",params:{name:"start_run",arguments:{goal:$goal}}}')")"
mcp_run="$(sed -n 's/^data: //p; /^{/p' <<<"$started" | jq -r '.result.content[0].text' | jq -r .runId)"
[ -n "$mcp_run" ] && [ "$mcp_run" != "null" ] || fail "MCP start_run: $started"
moved=""
for _ in $(seq 1 15); do
  call GET "/runs/$mcp_run/events" >/dev/null
  if grep -q 'PlanGenerated\|PlanRejected' "$work/body"; then moved=yes; break; fi
  sleep 2
done
[ -n "$moved" ] || fail "MCP run $mcp_run did not plan within 30 s (no Durable client bound?)"
echo "func-e2e: MCP run $mcp_run started and planned"

# 3. The literal evaluations routes reach their own functions.
today="$(date -u +%F)"
[ "$(call POST /evaluations "{\"from\":\"$today\",\"to\":\"$today\"}")" = "201" ] || fail "POST /api/evaluations: $(cat "$work/body")"
evaluation="$(jq -r .evaluationId "$work/body")"
[ "$(call GET /evaluations/latest)" = "200" ] || fail "GET /api/evaluations/latest: $(cat "$work/body")"
[ "$(jq -r .evaluationId "$work/body")" = "$evaluation" ] || fail "evaluations/latest answered another report: $(cat "$work/body")"
[ "$(call GET "/evaluations/days?from=$today&to=$today")" = "200" ] || fail "GET /api/evaluations/days: $(cat "$work/body")"
echo "func-e2e: evaluations/latest and evaluations/days reach their functions"
echo "func-e2e: all checks passed"
