#!/usr/bin/env bash
# The demo in one command: installs Azurite from npm when node_modules lacks it, then runs the local host with
# --demo. The host starts Azurite itself when nothing listens on its default ports (and stops it afterwards),
# serves the HTTP API on a free loopback port, and a demo client drives one run over real HTTP: events as they
# happen, the approval the default policy requires for the external email, the final answer, the journal and
# its hash-chain verification. Exits non-zero with the reason when anything fails (at most 2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

exec dotnet run --project src/FunctionAgents.Host --no-launch-profile -- --demo
