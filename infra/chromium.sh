#!/usr/bin/env bash
# Makes sure Debian's chromium is installed: the report's browser test (ReportBrowserTests) drives it headless through
# Playwright, which never downloads a browser of its own here. Idempotent: does nothing when chromium is on the PATH.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]] && command -v sudo >/dev/null 2>&1; then
  sudo apt-get update && sudo apt-get install -y chromium
else
  apt-get update && apt-get install -y chromium
fi
