#!/usr/bin/env bash
# Local Azurite for ModelMonitor: blob 10000, queue 10001, table 10002 on 127.0.0.1.
#
#   ./infra/azurite.sh start    install (npm install -g azurite) if missing, start in the background with data
#                               in .azurite/, wait until the three ports accept connections (30 s, or
#                               AZURITE_START_TIMEOUT). If something already listens on 10000 it is used as is.
#   ./infra/azurite.sh stop     stop the Azurite this script started (pid file); leaves any other one alone.
#   ./infra/azurite.sh status   exit 0 when something listens on 10000, 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${ROOT}/.azurite"
PID_FILE="${DATA_DIR}/azurite.pid"
LOG_FILE="${DATA_DIR}/azurite.log"
PORTS=(10000 10001 10002)
TIMEOUT_SECONDS="${AZURITE_START_TIMEOUT:-30}"

log() { echo "azurite.sh: $*" >&2; }

# True when 127.0.0.1:$1 accepts a TCP connection (bash's /dev/tcp; no extra tools needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

our_pid() {
  [[ -f "${PID_FILE}" ]] || return 1
  local pid
  pid="$(cat "${PID_FILE}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  echo "${pid}"
}

ensure_installed() {
  command -v azurite >/dev/null 2>&1 && return 0
  if ! command -v npm >/dev/null 2>&1; then
    log "error: azurite is not installed and npm is not available to install it; install Node.js and npm first."
    exit 1
  fi
  log "installing Azurite (npm install -g azurite)…"
  npm install -g azurite >&2
  if ! command -v azurite >/dev/null 2>&1; then
    log "error: 'npm install -g azurite' finished but 'azurite' is not on PATH (npm prefix: $(npm prefix -g))."
    exit 1
  fi
}

start() {
  if port_open "${PORTS[0]}"; then
    log "something already listens on ${PORTS[0]}; using it (not starting a second Azurite)."
    return 0
  fi
  ensure_installed
  mkdir -p "${DATA_DIR}"
  # --skipApiVersionCheck: the Azure SDK may speak a newer REST version than this Azurite knows.
  nohup azurite --silent --location "${DATA_DIR}" \
    --blobHost 127.0.0.1 --blobPort "${PORTS[0]}" \
    --queueHost 127.0.0.1 --queuePort "${PORTS[1]}" \
    --tableHost 127.0.0.1 --tablePort "${PORTS[2]}" \
    --skipApiVersionCheck --loose >"${LOG_FILE}" 2>&1 &
  local pid=$!
  echo "${pid}" >"${PID_FILE}"

  local deadline=$((SECONDS + TIMEOUT_SECONDS))
  local port
  for port in "${PORTS[@]}"; do
    until port_open "${port}"; do
      if ! kill -0 "${pid}" 2>/dev/null; then
        log "error: Azurite exited during start-up; its log (${LOG_FILE}):"
        tail -n 20 "${LOG_FILE}" >&2 || true
        rm -f "${PID_FILE}"
        exit 1
      fi
      if ((SECONDS >= deadline)); then
        log "error: Azurite (pid ${pid}) did not accept connections on port ${port} within ${TIMEOUT_SECONDS} s; log: ${LOG_FILE}"
        kill "${pid}" 2>/dev/null || true
        rm -f "${PID_FILE}"
        exit 1
      fi
      sleep 0.2
    done
  done
  log "Azurite started (pid ${pid}, data in ${DATA_DIR})."
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "${PID_FILE}"
    log "no Azurite started by this script is running."
    return 0
  fi
  kill "${pid}"
  local waited=0
  while kill -0 "${pid}" 2>/dev/null && ((waited < 50)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  if kill -0 "${pid}" 2>/dev/null; then
    log "Azurite (pid ${pid}) did not stop within 10 s; killing it."
    kill -9 "${pid}" 2>/dev/null || true
  fi
  rm -f "${PID_FILE}"
  log "Azurite stopped (pid ${pid})."
}

status() {
  local pid
  if port_open "${PORTS[0]}"; then
    if pid="$(our_pid)"; then
      echo "running (pid ${pid}, started by this script, data in ${DATA_DIR})"
    else
      echo "running (something else listens on ${PORTS[0]})"
    fi
    return 0
  fi
  echo "not running"
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
