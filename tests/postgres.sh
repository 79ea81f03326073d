#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for one test run: `source tests/postgres.sh` starts it on a free port in a temp
# folder (initdb as the postgres user: root may not run the server itself), exports WORKSHOPS_TEST_POSTGRES and
# defines stop_test_postgres. Installs Debian's postgresql first when its server binaries are missing.
set -euo pipefail

# The client package alone also makes /usr/lib/postgresql/N/bin (psql): look for the server's initdb.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing postgresql (Debian package) for the PostgreSQL tests..."
    sudo_cmd=""
    if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi

pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/workshops-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_postgres() {
    if [ "$(id -u)" = "0" ]; then su postgres -c "$1"; else bash -c "$1"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$pg_dir"; fi
# fsync off: the cluster lives for one run; max_connections covers many test databases' pools at once.
as_postgres "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres >/dev/null && \
    $pg_bin/pg_ctl -D $pg_dir/data -w -l $pg_dir/log \
    -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400' start >/dev/null"

export WORKSHOPS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

stop_test_postgres() {
    as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop >/dev/null" || true
    rm -rf "$pg_dir"
}
