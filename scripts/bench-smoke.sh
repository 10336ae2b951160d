#!/usr/bin/env bash
# Runs every benchmark verb with tiny counts (the `smoke` verb), so a benchmark that no longer starts fails CI instead
# of rotting unnoticed. It asserts nothing about speed: the figures in the README come from the full commands.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build bench/FunctionAgents.Benchmarks -c Release --nologo -v quiet
dotnet run -c Release --no-build --project bench/FunctionAgents.Benchmarks -- smoke
