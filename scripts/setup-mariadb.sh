#!/usr/bin/env bash
# Prepares the MariaDB/MySQL database and user the integration tests use (run as root on the DB host).
# Usage: scripts/setup-mariadb.sh [database] [user] [password]
set -euo pipefail
DB=${1:-eplannacc_test}
USER_NAME=${2:-eplannacc}
PASS=${3:-eplannacc}
mariadb -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${USER_NAME}'@'127.0.0.1' IDENTIFIED BY '${PASS}';
CREATE USER IF NOT EXISTS '${USER_NAME}'@'localhost' IDENTIFIED BY '${PASS}';
GRANT ALL PRIVILEGES ON \`${DB}\`.* TO '${USER_NAME}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`${DB}\`.* TO '${USER_NAME}'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB}\_%\`.* TO '${USER_NAME}'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`${DB}\_%\`.* TO '${USER_NAME}'@'localhost';
FLUSH PRIVILEGES;
SQL
echo "MariaDB ready: mysql://${USER_NAME}:***@127.0.0.1:3306/${DB}"
