#!/usr/bin/env bash
# Runs every test of the solution against a local Azurite, starting it (and stopping it afterwards) when
# nothing listens yet. Extra arguments go to `dotnet test`. Exits with dotnet test's code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: error: 'dotnet' not found. Install the .NET SDK that global.json asks for (10.0.100 or later) and retry." >&2
  exit 1
fi

# The report's browser test needs Debian's chromium (installed once, when missing).
./infra/chromium.sh

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
log="$(mktemp)"
dotnet test Serverless.sln "$@" 2>&1 | tee "${log}" || status=$?
# Known vulnerabilities in the packages, after the tests so their output stays together; High or Critical fail the run.
./infra/vulnerable-packages.sh || status=1
# One closing line over all test projects, in the plain "N passed, N failed" form CI reads.
passed=$(sed -n 's/.*Passed: *\([0-9][0-9]*\),.*/\1/p' "${log}" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/.*Failed: *\([0-9][0-9]*\),.*/\1/p' "${log}" | awk '{s += $1} END {print s + 0}')
rm -f "${log}"
echo "tests: ${passed} passed, ${failed} failed"
exit "${status}"
