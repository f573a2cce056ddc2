#!/usr/bin/env bash
# Runs every test of the solution against a local Azurite, starting it (and stopping it afterwards) when
# nothing listens yet. Extra arguments go to `dotnet test`. Exits with dotnet test's code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: error: 'dotnet' not found. Install the .NET SDK that global.json asks for (10.0.100 or later) and retry." >&2
  exit 1
fi

started_azurite=0
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  if [[ "${started_azurite}" == 1 ]]; then
    ./infra/azurite.sh stop || true
  fi
}
trap cleanup EXIT

if ! ./infra/azurite.sh status >/dev/null; then
  ./infra/azurite.sh start
  started_azurite=1
fi

status=0
dotnet test Serverless.sln "$@" || status=$?
exit "${status}"
