#!/usr/bin/env bash
# Starts and stops a private, throw-away PostgreSQL server for the test suite: its own data
# directory, its own port on 127.0.0.1, trust authentication, owned by the `postgres` user.
# Source it, then call pg_start (exports VIMANA_PG_URL, VIMANA_PG_USER) and pg_stop.

pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/vimana-pg.XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  local as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 \
    || { echo "initdb failed, see $PG_DIR/initdb.log:" >&2; tail -n 20 "$PG_DIR/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=300 -c fsync=off" start >/dev/null \
    || { echo "PostgreSQL did not start, see $PG_DIR/server.log:" >&2; tail -n 20 "$PG_DIR/server.log" >&2; return 1; }
  PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  PG_BIN=$bin
  export VIMANA_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
  export VIMANA_PG_USER=postgres
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (pid $PG_PID, $PG_DIR)" >&2
}

pg_stop() {
  [[ -n "${PG_DIR:-}" && -d "$PG_DIR/data" ]] || return 0
  local as=()
  [[ $(id -u) -eq 0 ]] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 \
    || kill "$PG_PID" 2>/dev/null || true
  rm -rf "$PG_DIR"
}
