#!/usr/bin/env bash
# The reliability suite (issue 17) in one command: `scripts/soak.sh [--quick] [--only <scenario>]`.
# Starts a private Azurite, runs each scenario, prints a Markdown table of results and exits non-zero when any
# guarantee failed. --quick scales the counts down for CI (about 12 minutes, budget 20); the full run stays under 60.
# Not part of `dotnet test`: the suite is a console app in tests/FunctionAgents.Soak.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/azurite/dist/src/azurite.js ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet build src/FunctionAgents.Host/FunctionAgents.Host.csproj -c Release --nologo -v quiet
dotnet build src/FunctionAgents.Cli/FunctionAgents.Cli.csproj -c Release --nologo -v quiet
dotnet build tests/FunctionAgents.Soak/FunctionAgents.Soak.csproj -c Release --nologo -v quiet
exec dotnet tests/FunctionAgents.Soak/bin/Release/net10.0/FunctionAgents.Soak.dll "$@"
