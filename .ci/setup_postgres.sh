#!/bin/sh
# Install Debian's PostgreSQL, start a throwaway cluster on a free port as the postgres user, create a database,
# then print the environment the relay's PostgreSQL tests need. Debian/Ubuntu, as root (CI).
# Usage: eval "$(sh .ci/setup_postgres.sh)"
set -eu

export DEBIAN_FRONTEND=noninteractive
{
    apt-get update -q
    apt-get install -y -q --no-install-recommends postgresql
} >&2

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=$(mktemp -d /tmp/packstation-pg.XXXXXX)
chown postgres "$DATA"
# A free port: let the kernel pick one, then hand it to the cluster.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
PWFILE="$DATA.pw"
printf '%s\n' "$PASSWORD" > "$PWFILE"
chown postgres "$PWFILE"

{
    su postgres -s /bin/sh -c "'$BIN/initdb' -D '$DATA/db' -U postgres --pwfile='$PWFILE' -A scram-sha-256 --no-sync"
    su postgres -s /bin/sh -c "'$BIN/pg_ctl' -D '$DATA/db' -l '$DATA/log' -w \
        -o \"-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='$DATA' -c max_connections=50\" start"
    PGPASSWORD="$PASSWORD" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres packstation_test
} >&2
rm -f "$PWFILE"

echo "export PACKSTATION_TEST_POSTGRES_URL='postgresql://postgres:$PASSWORD@127.0.0.1:$PORT/packstation_test'"
echo "export PACKSTATION_TEST_POSTGRES_DATA='$DATA/db'"
