#!/usr/bin/env bash
# Runs the ModelMonitor demo end to end on this machine: a local Azurite, then
# `modelmonitor demo` (simulated multi-day traffic → ingest → roll-ups → report).
# Extra arguments go to the demo, e.g. ./infra/run-local.sh --days 1 --seed 7
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run-local.sh: error: 'dotnet' not found. Install the .NET SDK that global.json asks for (10.0.100 or later) and retry." >&2
  exit 1
fi

started_azurite=0
cleanup() {
  if [[ "${started_azurite}" == 1 ]]; then
    ./infra/azurite.sh stop || true
    echo "run-local.sh: the data stays in .azurite/; './infra/azurite.sh start' brings it back for 'modelmonitor summary'." >&2
  fi
}
trap cleanup EXIT

if ! ./infra/azurite.sh status >/dev/null; then
  ./infra/azurite.sh start
  started_azurite=1
fi

dotnet run --project functions/ModelMonitor.Cli -c Release -- demo "$@"
