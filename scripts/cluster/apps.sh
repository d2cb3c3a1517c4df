#!/usr/bin/env bash
# e-PlanNACC instances on the loopback Galera cluster of galera.sh, one per node, as production runs them.
#
#   bash scripts/cluster/apps.sh start [N]   build, migrate (its own step), then start N instances (2 or 3,
#                                            default 3): instance i on http://127.0.0.1:$((APP_PORT + i - 1))
#                                            against node i
#   bash scripts/cluster/apps.sh status      each instance's /healthz (ready) answer
#   bash scripts/cluster/apps.sh stop        stop the instances (SIGTERM: requests in progress finish)
#
# ADMIN_USERNAME/ADMIN_PASSWORD, DEMO_DATA=1 (loads the demo data once, before the instances start),
# SMTP_URL and LOG_LEVEL pass through. Logs: $GALERA_DIR/appN.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

GALERA_DIR=${GALERA_DIR:-${TMPDIR:-/tmp}/e-plannacc-galera}
APP_PORT=${APP_PORT:-14001}

die() {
  echo "apps: $*" >&2
  exit 1
}
url_of() { bash scripts/cluster/galera.sh urls | cut -d, -f"$1"; }
pid_of() { cat "$GALERA_DIR/app$1.pid" 2>/dev/null || true; }

cmd_start() {
  local n=${1:-3}
  [[ "$n" =~ ^[23]$ ]] || die "start 2 or 3 instances"
  mkdir -p "$GALERA_DIR"
  for i in $(seq 1 "$n"); do
    [ "$(bash scripts/cluster/galera.sh status | sed -n "${i}p" | awk '{print $6}')" = Synced ] ||
      die "node $i is not Synced: bash scripts/cluster/galera.sh start"
  done
  npm run build --silent
  # Migrations are a step of their own, before any instance serves (the instances refuse to start on a
  # Galera node while migrations are pending).
  DB_URL=$(url_of 1) node dist/scripts/migrate.js
  if [ "${DEMO_DATA:-0}" = 1 ]; then DB_URL=$(url_of 1) node dist/scripts/seed.js; fi
  for i in $(seq 1 "$n"); do
    local pid
    pid=$(pid_of "$i")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      echo "apps: instance $i already running (pid $pid)"
      continue
    fi
    DB_URL=$(url_of "$i") PORT=$((APP_PORT + i - 1)) DEMO_DATA=0 setsid node dist/server/src/main.js \
      </dev/null >>"$GALERA_DIR/app$i.log" 2>&1 &
    echo $! >"$GALERA_DIR/app$i.pid"
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 120); do
      curl -fsS "http://127.0.0.1:$((APP_PORT + i - 1))/healthz" >/dev/null 2>&1 && break
      kill -0 "$(pid_of "$i")" 2>/dev/null || die "instance $i stopped at start: tail $GALERA_DIR/app$i.log"
      sleep 0.5
    done
  done
  cmd_status
}

cmd_status() {
  for i in 1 2 3; do
    local pid
    pid=$(pid_of "$i")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    echo "instance $i  http://127.0.0.1:$((APP_PORT + i - 1))  pid $pid  node $i  $(curl -sS "http://127.0.0.1:$((APP_PORT + i - 1))/healthz" 2>&1 || true)"
  done
}

cmd_stop() {
  for i in 1 2 3; do
    local pid
    pid=$(pid_of "$i")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$GALERA_DIR/app$i.pid"
    echo "apps: instance $i stopped"
  done
}

case "${1:-}" in
  start) cmd_start "${2:-3}" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
