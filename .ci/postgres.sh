# Sourced by .ci/run: a throw-away PostgreSQL server for the store's tests, on a unix
# socket in a temporary folder (no TCP port), from Debian's `postgresql` package.
# Exports ARGMAP_TEST_PG (a SQLAlchemy URL) and stops the server when the shell exits.
# PostgreSQL refuses to run as root: as root, the server runs as the system user argmap-pg.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "installing: postgresql"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
pg_dir="$(mktemp -d /tmp/argmap-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id argmap-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin argmap-pg
  chown argmap-pg "$pg_dir"
  as_pg=(runuser -u argmap-pg --)
fi
chmod 755 "$pg_dir"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust --username=postgres -E UTF8 >"$pg_dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$pg_dir' -c max_connections=200 -c fsync=on" start >/dev/null
"${as_pg[@]}" "$pg_bin/createuser" -h "$pg_dir" -U postgres argmap
"${as_pg[@]}" "$pg_bin/createdb" -h "$pg_dir" -U postgres -O argmap argmap_test
export ARGMAP_TEST_PG="postgresql+psycopg://argmap@/argmap_test?host=$pg_dir"
echo "PostgreSQL ($("$pg_bin/postgres" --version)) on $pg_dir; ARGMAP_TEST_PG=$ARGMAP_TEST_PG"
stop_pg() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
