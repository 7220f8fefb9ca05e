#!/usr/bin/env bash
# The one command that runs Prescriber's whole test suite on a fresh Debian 12 machine.
#
#   tests/run.sh                                   # install, start services, build, check, test
#   tests/run.sh -- --filter-method "*Seed*"       # anything after -- goes to `dotnet test`
#   PRESCRIBER_SERVICES_ONLY=1 tests/run.sh        # only start PostgreSQL + SMTP, print the
#                                                  # exports, and wait (Ctrl-C stops them); handy
#                                                  # for running tests from an IDE
#
# What it does:
#   1. installs missing Debian packages (PostgreSQL, Chromium, aiosmtpd, docker-compose);
#   2. starts a throw-away PostgreSQL and SMTP server on free ports, in temp dirs;
#   3. exports PRESCRIBER_TEST_* so the tests find them (and must not skip them);
#   4. builds, checks both EF migration sets and docker-compose.yml, runs `dotnet test`;
#   5. prints "<P> passed, <F> failed, <S> skipped" (CI reads this line) and exits non-zero
#      on any failure.
# Services and temp dirs are always torn down on exit, even on failure or Ctrl-C.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything after `--` (or any bare argument) is handed to `dotnet test`.
if [[ $# -gt 0 && "$1" == "--" ]]; then shift; fi
TEST_ARGS=("$@")

section() { printf '\n== %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# apt needs root; outside a root shell fall back to sudo (a developer laptop).
SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
# `dpkg -s` also succeeds for removed-but-not-purged packages, so look at the real status.
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_packages() {
  local started=$SECONDS missing=() pkg
  for pkg in postgresql chromium python3-aiosmtpd docker-compose; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    section "installing: nothing to do (postgresql chromium python3-aiosmtpd docker-compose present)"
    return
  fi
  section "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when we actually have to install something: a warm run
  # never touches the network.
  "${SUDO[@]}" apt-get update -qq
  # --no-install-recommends keeps docker-compose from dragging in the docker engine, and
  # postgresql from pulling extras we don't use. Chromium's Recommends are mostly desktop
  # integration; fonts-liberation is added explicitly so pages render real text in screenshots.
  local extra=()
  if [[ " ${missing[*]} " == *" chromium "* ]]; then extra+=(fonts-liberation); fi
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" "${extra[@]}" >/dev/null
  echo "   installed in $((SECONDS - started)) s"
}

# ---------------------------------------------------------------------------------------------
# 2. Private services
# ---------------------------------------------------------------------------------------------
# Note: no variable below is called PGPORT/PGCLUSTER/PGDATA/PGHOST: libpq, pg_ctl and Debian's
# pg wrappers read those from the environment and would silently talk to another server.
WORK_DIR=""        # everything temporary lives under here; removed on exit
PG_BINDIR=""
PG_DATADIR=""
PG_INITDB_DONE=0   # once set, cleanup tries to stop the cluster (harmless if it never ran)
DB_PORT=""
SMTP_PID=""
SMTP_PORT=""
SLEEP_PID=""       # the idle `sleep` of PRESCRIBER_SERVICES_ONLY mode
MAILDIR=""

# shellcheck disable=SC2317  # only ever called by the EXIT trap
cleanup() {
  local rc=$?
  set +e
  if [[ $PG_INITDB_DONE -eq 1 ]]; then
    # -m immediate: the cluster is thrown away anyway, no need for a clean checkpoint.
    as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATADIR" -m immediate stop >/dev/null 2>&1
  fi
  if [[ -n "$SMTP_PID" ]] && kill -0 "$SMTP_PID" 2>/dev/null; then
    kill "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
  fi
  if [[ -n "$SLEEP_PID" ]]; then kill "$SLEEP_PID" 2>/dev/null; fi
  if [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]]; then rm -rf "$WORK_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap runs (and the exit code says why).
trap 'exit 130' INT
trap 'exit 143' TERM

# initdb/postgres refuse to run as root: run them as the `postgres` OS user when we are root.
as_pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# True when something already accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# First port at or above $1 that nobody listens on.
free_port() {
  local port=$1
  while port_in_use "$port"; do
    port=$((port + 1))
    [[ $port -lt $(($1 + 200)) ]] || die "no free port in $1..$port"
  done
  echo "$port"
}

start_postgres() {
  local started=$SECONDS attempt
  # The newest installed major version (Debian 12 ships 15).
  PG_BINDIR="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [[ -x "$PG_BINDIR/initdb" && -x "$PG_BINDIR/pg_ctl" ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin"

  local pg_root="$WORK_DIR/pg"
  mkdir -p "$pg_root"
  [[ $(id -u) -ne 0 ]] || chown postgres: "$pg_root"
  PG_DATADIR="$pg_root/data"
  # Trust auth on loopback only: a private, throw-away cluster. --no-sync: nothing to protect.
  as_pg_owner "$PG_BINDIR/initdb" -D "$PG_DATADIR" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 --no-sync --no-instructions >"$pg_root/initdb.log" 2>&1 \
    || { cat "$pg_root/initdb.log" >&2; die "initdb failed"; }
  PG_INITDB_DONE=1

  # Another process can grab the port between the probe and the bind: retry a few times.
  local up=0
  for attempt in 1 2 3 4 5; do
    DB_PORT="$(free_port $((55432 + (attempt - 1) * 10)))"
    # fsync & co. off: test data is disposable, so durability would only cost time.
    if as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PG_DATADIR" -l "$pg_root/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -c port=$DB_PORT -c unix_socket_directories=$pg_root \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
         start >/dev/null; then
      up=1
      break
    fi
  done
  [[ $up -eq 1 ]] || { tail -n 30 "$pg_root/server.log" >&2; die "PostgreSQL did not start"; }

  local i
  for i in $(seq 1 60); do
    "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" -U postgres && break
    [[ $i -lt 60 ]] || die "PostgreSQL on port $DB_PORT never became ready"
    sleep 0.5
  done
  section "postgres on port $DB_PORT (ready in $((SECONDS - started)) s, data in $PG_DATADIR)"
}

# True when process $1 itself listens on 127.0.0.1:$2 (not merely "someone does"): match the
# socket inode of the listening entry in /proc/net/tcp against the process's open fds. Needs
# no ss/netstat, which a minimal Debian lacks.
owns_listener() {
  local pid=$1 hexport inode fd
  hexport="$(printf '%04X' "$2")"
  # Column 2 is local "ADDR:PORT" in hex, 4 is the state (0A = LISTEN), 10 the socket inode.
  inode="$(awk -v p=":$hexport" '$2 ~ p"$" && $4 == "0A" { print $10; exit }' /proc/net/tcp)"
  [[ -n "$inode" ]] || return 1
  for fd in "/proc/$pid/fd/"*; do
    [[ "$(readlink "$fd" 2>/dev/null)" == "socket:[$inode]" ]] && return 0
  done
  return 1
}

start_smtp() {
  local started=$SECONDS attempt i
  MAILDIR="$WORK_DIR/maildir"
  # Another run can take the port between our probe and aiosmtpd's bind (aiosmtpd then exits):
  # retry on another port.
  for attempt in 1 2 3 4 5; do
    SMTP_PORT="$(free_port $((2525 + (attempt - 1) * 10)))"
    # Debian's python: the `python3` on PATH may be a pyenv/venv one without python3-aiosmtpd.
    # The Mailbox handler writes each received message as a file into $MAILDIR/new/.
    # setsid puts it in its own session, away from our terminal's Ctrl-C; we stop it by pid.
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
      -c aiosmtpd.handlers.Mailbox "$MAILDIR" </dev/null >"$WORK_DIR/smtp.log" 2>&1 &
    SMTP_PID=$!
    for i in $(seq 1 100); do
      owns_listener "$SMTP_PID" "$SMTP_PORT" && break 2
      kill -0 "$SMTP_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
  done
  [[ -n "$SMTP_PID" ]] || { cat "$WORK_DIR/smtp.log" >&2; die "SMTP server did not start"; }
  section "smtp on port $SMTP_PORT (ready in $((SECONDS - started)) s, maildir $MAILDIR)"
}

# axe-core (the accessibility checker the browser tests inject) comes from npm, cached in .tools/.
AXE_VERSION=4.14.1
install_axe() {
  local dir="$REPO_ROOT/.tools/axe-core-$AXE_VERSION"
  if [[ ! -f "$dir/node_modules/axe-core/axe.min.js" ]]; then
    section "installing axe-core $AXE_VERSION from npm"
    if ! command -v npm >/dev/null 2>&1; then
      "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm >/dev/null
    fi
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "axe-core@$AXE_VERSION" >/dev/null
  fi
  export PRESCRIBER_AXE="$dir/node_modules/axe-core/axe.min.js"
}

export_test_env() {
  # Tests create (and drop) their own databases on this server.
  export PRESCRIBER_TEST_POSTGRES="Host=127.0.0.1;Port=$DB_PORT;Username=postgres;Database=postgres"
  export PRESCRIBER_TEST_SMTP_HOST=127.0.0.1
  export PRESCRIBER_TEST_SMTP_PORT="$SMTP_PORT"
  export PRESCRIBER_TEST_MAILDIR="$MAILDIR"
  export PRESCRIBER_CHROMIUM=/usr/bin/chromium
  # Here every service exists, so a test that cannot reach one must fail, not skip.
  export PRESCRIBER_REQUIRE_SERVICES=1
}

print_test_env() {
  local name
  for name in PRESCRIBER_TEST_POSTGRES PRESCRIBER_TEST_SMTP_HOST PRESCRIBER_TEST_SMTP_PORT \
              PRESCRIBER_TEST_MAILDIR PRESCRIBER_CHROMIUM PRESCRIBER_AXE PRESCRIBER_REQUIRE_SERVICES; do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
}

# ---------------------------------------------------------------------------------------------
# 3. Build, checks, tests
# ---------------------------------------------------------------------------------------------
check_migrations() {
  local label=$1 project=$2 out
  echo "-- $label: $project"
  if ! out="$(dotnet tool run dotnet-ef migrations has-pending-model-changes --no-build \
                --project "$project" --startup-project "$project" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "$label migrations are behind the model: run
  dotnet tool run dotnet-ef migrations add <Name> --project $project --startup-project $project
(and the same for the other provider), then rebuild."
  fi
}

# Sums the per-run summaries of Microsoft.Testing.Platform:
#   Test run summary: Passed! - ...
#     total: 42 / failed: 0 / succeeded: 40 / skipped: 2 / duration: ...
# Only numbers inside a summary block count (test output could print "total: 3" too), every
# block is summed (one per assembly when assemblies report separately), and ANSI colour and
# hyperlink escapes are stripped first. Prints "P F S T".
parse_totals() {
  sed -e 's/\x1b\][^\x07\x1b]*\(\x07\|\x1b\\\)//g' -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' "$1" |
    awk '
      { line = tolower($0) }
      line ~ /test run summary/ { inblock = 1; next }
      inblock && line ~ /^[ \t]*(total|failed|succeeded|skipped):[ \t]*[0-9]+/ {
        key = line; sub(/^[ \t]*/, "", key); sub(/:.*/, "", key)
        num = line; sub(/^[^:]*:[ \t]*/, "", num); sub(/[^0-9].*/, "", num)
        sum[key] += num
        next
      }
      inblock && line ~ /^[ \t]*duration:/ { inblock = 0 }
      END { printf "%d %d %d %d\n", sum["succeeded"], sum["failed"], sum["skipped"], sum["total"] }'
}

# A failed test's block (name, message, first stack frames) is printed when it fails, often
# thousands of lines before the end, under the apps' logs; CI may show only the end of the
# output. Repeats each "failed <test> (<time>)" line with up to 14 of its indented lines after it,
# at most 10 tests.
failure_digest() {
  sed -e 's/\x1b\][^\x07\x1b]*\(\x07\|\x1b\\\)//g' -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r//g' "$1" |
    awk '
      /^failed [^ ]+ \(/ { shown++; if (shown > 10) exit; print; left = 14; next }
      left > 0 && /^[ \t]/ { print; left--; next }
      { left = 0 }'
}

run_tests() {
  cd "$REPO_ROOT"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  command -v dotnet >/dev/null || die "dotnet (SDK 10) is not on PATH"

  section "dotnet tool restore"
  dotnet tool restore

  section "build"
  local started=$SECONDS
  dotnet build Prescriber.sln -c Debug || die "build failed"
  echo "   built in $((SECONDS - started)) s"

  # Both providers have their own migrations; a model change without a new migration on
  # either side would only show up at run time (Migrate() throws), so catch it here.
  section "checking EF migrations are up to date"
  check_migrations SQLite src/Prescriber.Data.Sqlite
  check_migrations PostgreSQL src/Prescriber.Data.Postgres

  section "validating docker-compose.yml"
  docker-compose -f docker-compose.yml config -q || die "docker-compose.yml is invalid"

  section "dotnet test"
  local log="$WORK_DIR/dotnet-test.log" rc
  started=$SECONDS
  # set +e so a failing run still reaches the totals; PIPESTATUS[0] is dotnet test's own
  # exit code (not tee's).
  set +e
  dotnet test --solution Prescriber.sln --no-build "${TEST_ARGS[@]}" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  echo "   tests ran in $((SECONDS - started)) s (dotnet test exit code $rc)"

  local passed failed skipped total
  read -r passed failed skipped total < <(parse_totals "$log")
  if [[ $failed -gt 0 ]]; then
    section "failed tests (again, so the end of the output says which)"
    failure_digest "$log"
  fi
  echo
  # CI parses this exact line: keep its form.
  echo "$passed passed, $failed failed, $skipped skipped"

  if [[ $total -eq 0 ]]; then
    echo "ERROR: no tests ran (or no test summary was found in the output)" >&2
    [[ $rc -ne 0 ]] && exit "$rc" || exit 1
  fi
  if [[ $rc -eq 0 && $failed -gt 0 ]]; then rc=1; fi
  exit "$rc"
}

# ---------------------------------------------------------------------------------------------
main() {
  install_packages

  WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/prescriber-tests.XXXXXX")"
  # The postgres OS user must be able to reach its data dir inside our (root-owned) temp dir.
  chmod 755 "$WORK_DIR"

  start_postgres
  start_smtp
  install_axe
  export_test_env

  if [[ "${PRESCRIBER_SERVICES_ONLY:-0}" == "1" ]]; then
    section "services are up; paste these into another shell, Ctrl-C here to stop them"
    print_test_env
    # Sleep in the background and wait on it: `wait` returns at once on a signal, so the
    # traps (and cleanup) run immediately.
    sleep infinity &
    SLEEP_PID=$!
    wait "$SLEEP_PID"
    exit 0
  fi

  run_tests
}

main
