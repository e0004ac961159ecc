# Sourced by .ci/run: a throwaway PostgreSQL cluster on 127.0.0.1 for the tests on a real server.
# Installs Debian's packages when initdb/psql are missing; on any failure it prints a loud
# notice and returns 1 (the PGlite runs still cover the storage contract suites), never exits.
# On success LVZHI_TEST_DATABASE_URL is exported and `stop_test_postgres` stops the cluster.

pg_notice() {
  echo "" >&2
  echo "################################################################################" >&2
  echo "## NOTICE: $*" >&2
  echo "## The tests on a real PostgreSQL server are skipped in this run." >&2
  echo "################################################################################" >&2
  echo "" >&2
}

pg_bindir() {
  local found
  found=$(command -v initdb 2>/dev/null || true)
  if [ -n "$found" ]; then dirname "$(readlink -f "$found")"; return 0; fi
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

# pgvector for the server, where Debian's lists offer it (bookworm's do not: the server then runs
# stock, the in-process HNSW path, and the pgvector path is tested on PGlite's extension).
install_pgvector() {
  local major package
  major=$("$1/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')
  package="postgresql-$major-pgvector"
  if [ -f "/usr/share/postgresql/$major/extension/vector.control" ]; then return 0; fi
  if apt-cache policy "$package" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null || echo "Installing $package failed: the server runs without pgvector." >&2
  else
    echo "Debian offers no $package here: the test server runs without pgvector (stock PostgreSQL)." >&2
  fi
}

start_test_postgres() {
  local bin
  bin=$(pg_bindir || true)
  if [ -z "$bin" ] || ! command -v psql >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing Debian's packages (apt-get)…" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      pg_notice "installing PostgreSQL with apt-get failed"
      return 1
    fi
    bin=$(pg_bindir || true)
  fi
  if [ -z "$bin" ]; then pg_notice "no initdb found after installing PostgreSQL"; return 1; fi
  install_pgvector "$bin"
  if ! id postgres >/dev/null 2>&1; then pg_notice "there is no postgres user to run the cluster as"; return 1; fi
  PG_TEST_DIR=$(mktemp -d /tmp/lvzhi-ci-postgres.XXXXXX)
  chown postgres "$PG_TEST_DIR"
  PG_TEST_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  PG_TEST_BIN="$bin"
  if ! su postgres -s /bin/sh -c "'$bin/initdb' --no-sync -D '$PG_TEST_DIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$PG_TEST_DIR/initdb.log' 2>&1"; then
    pg_notice "initdb failed (see $PG_TEST_DIR/initdb.log)"; cat "$PG_TEST_DIR/initdb.log" >&2 || true
    return 1
  fi
  # Non-durable (PostgreSQL's "Non-Durable Settings"): a cluster thrown away after the run needs
  # no crash safety, and without a disk flush per commit the tests' many small schema changes
  # and transactions stop waiting on the disk (the real-server half of postgres-stores.test.ts
  # took 32–38 s with them, 13–20 s without, on the 2-core machine).
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if ! su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/server.log' -w -t 60 -o \"-h 127.0.0.1 -p $PG_TEST_PORT -k '$PG_TEST_DIR' -c max_connections=200 $durability\" start >/dev/null"; then
    pg_notice "the PostgreSQL server did not start (see $PG_TEST_DIR/server.log)"; cat "$PG_TEST_DIR/server.log" >&2 || true
    return 1
  fi
  if ! su postgres -s /bin/sh -c "'$bin/createdb' -h 127.0.0.1 -p $PG_TEST_PORT -U postgres lvzhi_test"; then
    pg_notice "createdb failed"; stop_test_postgres; return 1
  fi
  export LVZHI_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEST_PORT/lvzhi_test"
  echo "A PostgreSQL server for the tests runs at $LVZHI_TEST_DATABASE_URL ($("$bin/postgres" --version))." >&2
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    su postgres -s /bin/sh -c "'$PG_TEST_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -m immediate stop >/dev/null 2>&1" || true
    rm -rf "$PG_TEST_DIR"
  fi
}
