#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback, for trying and testing e-PlanNACC on a cluster.
#
#   bash scripts/cluster/galera.sh start            install what is missing, start (or complete) the cluster
#   bash scripts/cluster/galera.sh status           each node's state (Synced, Donor, …) and cluster size
#   bash scripts/cluster/galera.sh stop             stop every node (node 1 last, so it can bootstrap the next start)
#   bash scripts/cluster/galera.sh destroy          stop and delete every node's data
#   bash scripts/cluster/galera.sh reset-db         drop and create the test database (empty, no tables)
#   bash scripts/cluster/galera.sh kill N           kill -9 node N (a crash: no shutdown)
#   bash scripts/cluster/galera.sh start-node N     start node N alone; it rejoins the running cluster
#   bash scripts/cluster/galera.sh isolate N        cut node N off the cluster (it stays up, no longer ready)
#   bash scripts/cluster/galera.sh rejoin N         undo isolate
#   bash scripts/cluster/galera.sh sql N 'SQL'      run SQL as the database superuser on node N
#
# Node N listens for SQL on 127.0.0.1:$((GALERA_SQL_PORT + N - 1)) (13401-13403) and replicates on
# 14567/14577/14587; its data, socket, configuration and log live in $GALERA_DIR/nodeN (by default
# under the system's temporary directory, never in the repository). `start` creates the database
# $GALERA_DB and the user eplannacc/eplannacc, which may also create databases named ${GALERA_DB}_*.
set -euo pipefail

GALERA_DIR=${GALERA_DIR:-${TMPDIR:-/tmp}/e-plannacc-galera}
GALERA_SQL_PORT=${GALERA_SQL_PORT:-13401}
GALERA_REPL_PORT=${GALERA_REPL_PORT:-14567}
GALERA_SST_PORT=${GALERA_SST_PORT:-14444}
GALERA_DB=${GALERA_DB:-eplannacc_galera}
GALERA_USER=${GALERA_USER:-eplannacc}
GALERA_PASSWORD=${GALERA_PASSWORD:-eplannacc}
PROVIDER=/usr/lib/galera/libgalera_smm.so
NODES=(1 2 3)

die() {
  echo "galera: $*" >&2
  exit 1
}
dir_of() { echo "$GALERA_DIR/node$1"; }
sql_port() { echo $((GALERA_SQL_PORT + $1 - 1)); }
repl_port() { echo $((GALERA_REPL_PORT + ($1 - 1) * 10)); }
socket_of() { echo "$(dir_of "$1")/mysqld.sock"; }
pid_of() { cat "$(dir_of "$1")/mysqld.pid" 2>/dev/null || true; }
running() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
as_root() { mariadb --protocol=socket -S "$(socket_of "$1")" -uroot --batch --skip-column-names "${@:2}"; }
status_var() { as_root "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }

install_missing() {
  local need=()
  [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  [ -f "$PROVIDER" ] || need+=(galera-4)
  command -v rsync >/dev/null 2>&1 || need+=(rsync)
  [ ${#need[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || die "missing ${need[*]}: run as root, or apt-get install -y ${need[*]}"
  echo "galera: apt-get install ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  # The package starts its own server on 3306 where none ran; the cluster does not need it.
}

write_config() {
  local n=$1 d addresses=()
  d=$(dir_of "$n")
  for m in "${NODES[@]}"; do addresses+=("127.0.0.1:$(repl_port "$m")"); done
  cat >"$d/my.cnf" <<CNF
[mysqld]
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
# What Galera needs.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=e-plannacc
wsrep_cluster_address=gcomm://$(IFS=,; echo "${addresses[*]}")
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(repl_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(repl_port "$n");ist.recv_addr=127.0.0.1:$(($(repl_port "$n") + 1));gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((GALERA_SST_PORT + (n - 1) * 10))
wsrep_slave_threads=2
# Small: three nodes share one test machine.
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
max_connections=200
performance_schema=OFF
CNF
}

prepare_node() {
  local n=$1 d
  d=$(dir_of "$n")
  mkdir -p "$d/data"
  write_config "$n"
  if [ "$(id -u)" = 0 ]; then
    chmod 755 "$GALERA_DIR"
    chown -R mysql:mysql "$d"
  fi
}

start_mariadbd() {
  local n=$1 extra=("${@:2}") user=()
  [ "$(id -u)" = 0 ] && user=(--user=mysql)
  setsid /usr/sbin/mariadbd --defaults-file="$(dir_of "$n")/my.cnf" "${user[@]}" "${extra[@]}" </dev/null >>"$(dir_of "$n")/error.log" 2>&1 &
}

wait_synced() {
  local n=$1 state
  for _ in $(seq 1 240); do
    state=$(status_var "$n" wsrep_local_state_comment || true)
    [ "$state" = Synced ] && return 0
    sleep 0.5
  done
  tail -n 30 "$(dir_of "$n")/error.log" >&2
  die "node $n did not reach Synced (last state: ${state:-down})"
}

start_node() {
  local n=$1 bootstrap=${2:-}
  if running "$n"; then
    echo "galera: node $n already running"
    return
  fi
  prepare_node "$n"
  if [ "$bootstrap" = bootstrap ]; then
    if [ ! -d "$(dir_of "$n")/data/mysql" ]; then
      local user=()
      [ "$(id -u)" = 0 ] && user=(--user=mysql)
      mariadb-install-db --defaults-file="$(dir_of "$n")/my.cnf" "${user[@]}" --skip-test-db \
        --auth-root-authentication-method=socket >"$(dir_of "$n")/install.log" 2>&1 ||
        die "mariadb-install-db failed for node $n (see $(dir_of "$n")/install.log)"
    fi
    # A test cluster: whichever way it stopped, node 1 may start it again.
    [ -f "$(dir_of "$n")/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(dir_of "$n")/data/grastate.dat"
    start_mariadbd "$n" --wsrep-new-cluster
  else
    start_mariadbd "$n"
  fi
  wait_synced "$n"
  echo "galera: node $n Synced on 127.0.0.1:$(sql_port "$n")"
}

any_running() {
  for n in "${NODES[@]}"; do running "$n" && return 0; done
  return 1
}

create_database() {
  as_root "$1" <<SQL
CREATE DATABASE IF NOT EXISTS \`$GALERA_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$GALERA_USER'@'127.0.0.1' IDENTIFIED BY '$GALERA_PASSWORD';
CREATE USER IF NOT EXISTS '$GALERA_USER'@'localhost' IDENTIFIED BY '$GALERA_PASSWORD';
GRANT ALL PRIVILEGES ON \`$GALERA_DB\`.* TO '$GALERA_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$GALERA_DB\`.* TO '$GALERA_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`${GALERA_DB}\_%\`.* TO '$GALERA_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`${GALERA_DB}\_%\`.* TO '$GALERA_USER'@'localhost';
SQL
}

cmd_start() {
  install_missing
  mkdir -p "$GALERA_DIR"
  local started=$SECONDS first=1
  if ! any_running; then
    start_node 1 bootstrap
  else
    for n in "${NODES[@]}"; do
      if running "$n"; then
        first=$n
        break
      fi
    done
  fi
  create_database "$first"
  # Joiners one at a time: each copies the data (SST) from a node that is already Synced.
  for n in "${NODES[@]}"; do start_node "$n"; done
  echo "galera: cluster of $(status_var "$first" wsrep_cluster_size) nodes ready in $((SECONDS - started)) s"
  cmd_status
}

cmd_status() {
  local n state size ready
  for n in "${NODES[@]}"; do
    if running "$n"; then
      state=$(status_var "$n" wsrep_local_state_comment)
      size=$(status_var "$n" wsrep_cluster_size)
      ready=$(status_var "$n" wsrep_ready)
      echo "node $n  127.0.0.1:$(sql_port "$n")  pid $(pid_of "$n")  ${state:-?}  ready=${ready:-?}  cluster_size=${size:-?}"
    else
      echo "node $n  127.0.0.1:$(sql_port "$n")  down"
    fi
  done
  echo "urls: $(urls)"
}

urls() {
  local out=() n
  for n in "${NODES[@]}"; do out+=("mysql://$GALERA_USER:$GALERA_PASSWORD@127.0.0.1:$(sql_port "$n")/$GALERA_DB"); done
  (IFS=,; echo "${out[*]}")
}

stop_node() {
  local n=$1 pid
  pid=$(pid_of "$n")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || {
      echo "galera: node $n stopped"
      return 0
    }
    sleep 0.5
  done
  die "node $n (pid $pid) did not stop within a minute"
}

cmd_stop() {
  for n in 3 2 1; do stop_node "$n"; done
}

node_arg() {
  [[ "${1:-}" =~ ^[123]$ ]] || die "name a node: 1, 2 or 3"
}

case "${1:-}" in
  start) cmd_start ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  destroy)
    cmd_stop
    rm -rf "$GALERA_DIR"
    echo "galera: $GALERA_DIR removed"
    ;;
  urls) urls ;;
  reset-db)
    running 1 || die "node 1 is not running"
    as_root 1 -e "DROP DATABASE IF EXISTS \`$GALERA_DB\`"
    create_database 1
    echo "galera: database $GALERA_DB is empty"
    ;;
  kill)
    node_arg "${2:-}"
    pid=$(pid_of "$2")
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && echo "galera: node $2 (pid $pid) killed"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    ;;
  start-node)
    node_arg "${2:-}"
    if any_running; then start_node "$2"; else start_node "$2" bootstrap; fi
    ;;
  isolate)
    node_arg "${2:-}"
    as_root "$2" -e "SET GLOBAL wsrep_provider_options='gmcast.isolate=1'"
    echo "galera: node $2 isolated"
    ;;
  rejoin)
    node_arg "${2:-}"
    as_root "$2" -e "SET GLOBAL wsrep_provider_options='gmcast.isolate=0'"
    wait_synced "$2"
    echo "galera: node $2 rejoined"
    ;;
  sql)
    node_arg "${2:-}"
    as_root "$2" -e "${3:?SQL}"
    ;;
  *)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
