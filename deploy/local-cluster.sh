#!/usr/bin/env bash
# A census cluster on one machine: PostgreSQL, N silo processes and M gateway processes, all on
# loopback, started from one Release build and stopped again by their process ids.
#
#   deploy/local-cluster.sh start [--silos N] [--gateways M]   # defaults: 3 silos, 2 gateways
#   deploy/local-cluster.sh status                             # exit 0 running, 1 partly, 3 stopped
#   deploy/local-cluster.sh stop
#
# `start` makes sure PostgreSQL runs (deploy/postgres/ensure-local.sh, which installs it on
# Debian/Ubuntu when missing), builds Silo and ApiGateway once, starts the silos, waits until they
# are active members of the cluster, starts the gateways and waits until every gateway answers
# /health/ready with 200. It prints every process's ports and the file that holds the admin key (never
# the key: terminal output ends up in logs and screen shares). On first start it generates the admin
# key and keeps it in the state directory (mode 600) for later starts.
# `stop` sends SIGTERM to each recorded process (gateways first), waits up to 35 s for the silos'
# graceful shutdown and only then sends SIGKILL. Nothing is ever stopped by name: only the process
# ids this script recorded, after checking that each still runs the binary it started.
#
# Settings (environment variables; every one is optional):
#   CENSUS_LC_STATE_DIR          pid files, logs, admin key      (default: deploy/.local-cluster)
#   CENSUS_LC_DATABASE           database on the local server    (default: census_local_cluster)
#   CENSUS_LC_CONNECTION         a full Npgsql connection string to an existing database; when set,
#                                the local server is not touched and CENSUS_LC_DATABASE is ignored
#   CENSUS_PG_PASSWORD           password of the local `census` role (default: census)
#   CENSUS_LC_CLUSTER_ID         Orleans cluster id and service id (default: local-cluster)
#   CENSUS_LC_SILO_PORT          first silo-to-silo port          (default: 11111, then 11112, ...)
#   CENSUS_LC_SILO_GATEWAY_PORT  first silo port for gateways     (default: 30000, then 30001, ...)
#   CENSUS_LC_SILO_HTTP_PORT     first silo HTTP port             (default: 5090, then 5091, ...)
#   CENSUS_LC_HTTP_PORT          first gateway HTTP port          (default: 5080, then 5081, ...)
#   CENSUS_LC_CONFIGURATION      build configuration              (default: Release)
#   CENSUS_LC_SKIP_BUILD=1       use the existing build output (e.g. after `dotnet build Actors.sln -c Release`)
#   CENSUS_LC_START_TIMEOUT      seconds to wait for readiness    (default: 240)
#   CENSUS_LC_DASHBOARD=1        serve the Orleans dashboard on each silo's HTTP port (/dashboard)
# Any other Census__* variable in the environment reaches every process unchanged.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${CENSUS_LC_STATE_DIR:-$root/deploy/.local-cluster}"
database="${CENSUS_LC_DATABASE:-census_local_cluster}"
cluster_id="${CENSUS_LC_CLUSTER_ID:-local-cluster}"
silo_port_base="${CENSUS_LC_SILO_PORT:-11111}"
silo_gateway_port_base="${CENSUS_LC_SILO_GATEWAY_PORT:-30000}"
silo_http_base="${CENSUS_LC_SILO_HTTP_PORT:-5090}"
gateway_http_base="${CENSUS_LC_HTTP_PORT:-5080}"
configuration="${CENSUS_LC_CONFIGURATION:-Release}"
start_timeout="${CENSUS_LC_START_TIMEOUT:-240}"
stop_timeout=35   # the silo's host shutdown timeout is 30 s; a little more before SIGKILL
silo_dll="$root/Silo/bin/$configuration/net10.0/Silo.dll"
gateway_dll="$root/ApiGateway/bin/$configuration/net10.0/ApiGateway.dll"

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: error: $*" >&2; exit 1; }

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
is_port() { [[ "$1" =~ ^[1-9][0-9]*$ ]] && [ "$1" -le 65535 ]; }

# --- PostgreSQL ---------------------------------------------------------------------------------

connection=""
pg_host="" pg_port="" pg_user="" pg_password="" pg_database=""

# The processes take an Npgsql connection string; psql takes libpq settings: read the one into the other.
read_connection() {
  local part key value parts
  IFS=';' read -ra parts <<<"$connection"
  for part in "${parts[@]}"; do
    [ -n "${part//[[:space:]]/}" ] || continue
    key="${part%%=*}"
    value="${part#*=}"
    key="$(tr -d '[:space:]' <<<"$key" | tr '[:upper:]' '[:lower:]')"
    case "$key" in
      host | server) pg_host="$value" ;;
      port) pg_port="$value" ;;
      username | user | userid) pg_user="$value" ;;
      password) pg_password="$value" ;;
      database) pg_database="$value" ;;
    esac
  done
}

resolve_connection() {
  if [ -n "${CENSUS_LC_CONNECTION:-}" ]; then
    connection="$CENSUS_LC_CONNECTION"
  else
    [[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "CENSUS_LC_DATABASE must be a plain lower-case name, not '$database'"
    connection="Host=127.0.0.1;Port=5432;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=$database"
  fi
  read_connection
}

# psql with the cluster's database; prints the rows, nothing on failure (e.g. before the schema exists).
sql() {
  command -v psql >/dev/null 2>&1 || return 1
  PGHOST="${pg_host:-127.0.0.1}" PGPORT="${pg_port:-5432}" PGUSER="$pg_user" PGPASSWORD="$pg_password" \
    PGDATABASE="$pg_database" PGCONNECT_TIMEOUT=5 psql -X -qAt -v ON_ERROR_STOP=1 -c "$1" 2>/dev/null
}

# Silos of this cluster that are Active (status 3) and started at or after the given epoch second.
active_silos() {
  sql "SELECT count(*) FROM orleans_membership WHERE deployment_id = '$cluster_id' AND status = 3
       AND start_time >= to_timestamp($1)" || echo 0
}

# --- processes ----------------------------------------------------------------------------------

run_dir="$state/run"
log_dir="$state/logs"
key_file="$state/admin-key"

# Recorded process names, silos first: silo-1 ... gateway-1 ...
recorded() {
  local kind file
  for kind in silo gateway; do
    for file in "$run_dir/$kind"-*.pid; do
      if [ -e "$file" ]; then basename "$file" .pid; fi
    done | sort -t- -k2 -n
  done
}

pid_of() { cat "$run_dir/$1.pid" 2>/dev/null || true; }

dll_of() { case "$1" in silo-*) echo "$silo_dll" ;; *) echo "$gateway_dll" ;; esac; }

# True when the recorded pid is alive and still runs the binary this script started: a stale pid
# file whose number was reused by another process is never signalled.
alive() {
  local pid
  pid="$(pid_of "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$(dll_of "$1")"
}

# True while a process just launched still runs. Right after `launch` it may not have exec'd dotnet yet (its command
# line is still the shell's), so start-up waits ask this rather than `alive`, which also checks the command line.
starting() {
  local pid state
  pid="$(pid_of "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [ -n "$state" ] && [ "$state" != "Z" ]
}

log_tail() {
  echo "--- last lines of $log_dir/$1.log:" >&2
  tail -n 25 "$log_dir/$1.log" >&2 2>/dev/null || true
  echo "---" >&2
}

# Prints the HTTP status of http://127.0.0.1:PORT/PATH, or 000 when nothing answers.
http_status() {
  local port="$1" path="$2" line code
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null || true
    return
  fi
  # shellcheck disable=SC2016 # $1 and $2 expand in the inner shell
  line="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3 && head -n 1 <&3' \
    _ "$port" "$path" 2>/dev/null || true)"
  code="$(awk '{print $2}' <<<"$line")"
  echo "${code:-000}"
}

port_in_use() {
  # shellcheck disable=SC2016
  timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Starts one process in the background with its output in its log, and records its pid.
launch() {
  local name="$1"
  shift
  if [ -e "$log_dir/$name.log" ]; then mv -f "$log_dir/$name.log" "$log_dir/$name.log.prev"; fi
  nohup "$@" </dev/null >"$log_dir/$name.log" 2>&1 &
  echo "$!" >"$run_dir/$name.pid"
}

# Stops the named processes: SIGTERM to each, wait, then SIGKILL whatever still runs.
terminate() {
  local name pid waited=0 left
  for name in "$@"; do
    if alive "$name"; then kill -TERM "$(pid_of "$name")" 2>/dev/null || true; fi
  done
  while :; do
    left=()
    for name in "$@"; do
      if alive "$name"; then left+=("$name"); fi
    done
    [ "${#left[@]}" -eq 0 ] && break
    if [ "$waited" -ge "$stop_timeout" ]; then
      for name in "${left[@]}"; do
        pid="$(pid_of "$name")"
        say "$name (pid $pid) did not stop within ${stop_timeout} s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
      done
      sleep 1
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  for name in "$@"; do
    if ! alive "$name"; then rm -f "$run_dir/$name.pid"; fi
  done
}

# --- commands -----------------------------------------------------------------------------------

describe() { cat "$run_dir/$1.desc" 2>/dev/null || echo "$1"; }

cmd_status() {
  local names name up=0 down=0 port
  mapfile -t names < <(recorded)
  if [ "${#names[@]}" -eq 0 ]; then
    say "not running (no processes recorded in $state)"
    return 3
  fi
  for name in "${names[@]}"; do
    if alive "$name"; then
      up=$((up + 1))
      if [[ "$name" == gateway-* ]]; then
        port="$(cat "$run_dir/$name.http" 2>/dev/null || echo 0)"
        say "$(describe "$name") - running (pid $(pid_of "$name")), /health/ready: $(http_status "$port" /health/ready)"
      else
        say "$(describe "$name") - running (pid $(pid_of "$name"))"
      fi
    else
      down=$((down + 1))
      say "$(describe "$name") - NOT running (stale pid file)"
    fi
  done
  resolve_connection
  say "active silos in the membership table: $(active_silos 0)"
  if [ -s "$key_file" ]; then say "admin key: $key_file"; fi
  if [ "$down" -eq 0 ]; then return 0; fi
  if [ "$up" -eq 0 ]; then return 3; fi
  return 1
}

cmd_stop() {
  local names gateway_names=() silo_names=() name
  mapfile -t names < <(recorded)
  if [ "${#names[@]}" -eq 0 ]; then
    say "not running"
    return 0
  fi
  for name in "${names[@]}"; do
    if [[ "$name" == gateway-* ]]; then gateway_names+=("$name"); else silo_names+=("$name"); fi
  done
  # Gateways first, so no request reaches a silo that is leaving; then every silo at once: each
  # hands its grains over and leaves the membership table as Dead within the host's 30 s.
  if [ "${#gateway_names[@]}" -gt 0 ]; then
    say "stopping ${#gateway_names[@]} gateway(s)"
    terminate "${gateway_names[@]}"
  fi
  if [ "${#silo_names[@]}" -gt 0 ]; then
    say "stopping ${#silo_names[@]} silo(s) (graceful shutdown, up to ${stop_timeout} s)"
    terminate "${silo_names[@]}"
  fi
  mapfile -t names < <(recorded)
  if [ "${#names[@]}" -gt 0 ]; then fail "still running: ${names[*]}"; fi
  rm -f "$run_dir"/*.desc "$run_dir"/*.http
  say "stopped (logs kept in $log_dir)"
}

cmd_start() {
  local silos=3 gateways=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos="${2:-}"; shift 2 || usage ;;
      --gateways) gateways="${2:-}"; shift 2 || usage ;;
      *) usage ;;
    esac
  done
  is_count "$silos" || fail "--silos must be a positive whole number"
  is_count "$gateways" || fail "--gateways must be a positive whole number"
  [[ "$cluster_id" =~ ^[A-Za-z0-9._-]{1,100}$ ]] || fail "CENSUS_LC_CLUSTER_ID may hold only letters, digits, '.', '_' and '-'"
  [[ "$start_timeout" =~ ^[0-9]+$ ]] || fail "CENSUS_LC_START_TIMEOUT must be a number of seconds"

  mkdir -p "$run_dir" "$log_dir"
  chmod 700 "$state"

  # Already running, or left-overs of a run that died?
  local names name up=0
  mapfile -t names < <(recorded)
  for name in "${names[@]}"; do
    if alive "$name"; then up=$((up + 1)); fi
  done
  if [ "${#names[@]}" -gt 0 ] && [ "$up" -eq "${#names[@]}" ]; then
    say "already running (${#names[@]} processes); 'stop' first to start it again with other sizes"
    cmd_status || true
    return 0
  fi
  if [ "$up" -gt 0 ]; then
    cmd_status || true
    fail "partly running ($up of ${#names[@]} processes alive): run '$0 stop' first"
  fi
  for name in "${names[@]}"; do
    say "removing stale pid file of $name"
    rm -f "$run_dir/$name.pid" "$run_dir/$name.desc" "$run_dir/$name.http"
  done

  # Every port this cluster needs, distinct and free, before anything starts.
  local i ports=() port base
  for base in "$silo_port_base" "$silo_gateway_port_base" "$silo_http_base" "$gateway_http_base"; do
    is_port "$base" || fail "'$base' is not a port number"
  done
  for ((i = 0; i < silos; i++)); do
    ports+=("$((silo_port_base + i))" "$((silo_gateway_port_base + i))" "$((silo_http_base + i))")
  done
  for ((i = 0; i < gateways; i++)); do ports+=("$((gateway_http_base + i))"); done
  if [ "$(printf '%s\n' "${ports[@]}" | sort | uniq -d | wc -l)" -gt 0 ]; then
    fail "the port ranges overlap: move one of the CENSUS_LC_*_PORT bases"
  fi
  for port in "${ports[@]}"; do
    [ "$port" -le 65535 ] || fail "port $port is out of range"
    if port_in_use "$port"; then fail "port $port is already in use on 127.0.0.1"; fi
  done

  resolve_connection
  if [ -z "${CENSUS_LC_CONNECTION:-}" ]; then
    bash "$root/deploy/postgres/ensure-local.sh" "$database"
  fi
  # Readiness of the silos is read from the membership table.
  command -v psql >/dev/null 2>&1 || fail "psql is needed (Debian/Ubuntu: apt-get install postgresql-client)"

  if [ "${CENSUS_LC_SKIP_BUILD:-0}" = "1" ]; then
    say "using the existing $configuration build (CENSUS_LC_SKIP_BUILD=1)"
  else
    say "building Silo and ApiGateway ($configuration)"
    dotnet build "$root/Silo/Silo.csproj" -c "$configuration" -nologo -v quiet
    dotnet build "$root/ApiGateway/ApiGateway.csproj" -c "$configuration" -nologo -v quiet
  fi
  [ -f "$silo_dll" ] || fail "$silo_dll is missing: build first (dotnet build Actors.sln -c $configuration)"
  [ -f "$gateway_dll" ] || fail "$gateway_dll is missing: build first (dotnet build Actors.sln -c $configuration)"

  if [ ! -s "$key_file" ]; then
    (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$key_file")
    say "generated an admin key in $key_file"
  fi
  chmod 600 "$key_file"
  local admin_key
  admin_key="$(cat "$key_file")"

  # Shared by every process. The silos advertise 127.0.0.1: other silos and the gateways reach them
  # on loopback. Migrations run in each silo under an advisory lock, so they may start together.
  export Census__Mode=cluster
  export Census__ClusterId="$cluster_id"
  export Census__ServiceId="$cluster_id"
  export ConnectionStrings__Census="$connection"
  export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  unset ASPNETCORE_URLS   # each process gets its own --urls below

  if [ "${CENSUS_LC_DASHBOARD:-0}" = "1" ]; then export Census__Dashboard__Enabled=true; fi

  # From the first launch on, a failed start stops whatever it started (the logs stay).
  cleanup_on_failure=1
  local since
  since="$(($(date +%s) - 5))"
  for ((i = 1; i <= silos; i++)); do
    local silo_port=$((silo_port_base + i - 1)) gateway_port=$((silo_gateway_port_base + i - 1)) http_port=$((silo_http_base + i - 1))
    launch "silo-$i" env \
      Census__Silo__SiloPort="$silo_port" \
      Census__Silo__GatewayPort="$gateway_port" \
      Census__Silo__AdvertisedAddress=127.0.0.1 \
      dotnet "$silo_dll" --urls "http://127.0.0.1:$http_port"
    echo "silo $i: silo port $silo_port, gateway port $gateway_port, http http://127.0.0.1:$http_port" >"$run_dir/silo-$i.desc"
    say "$(describe "silo-$i") (pid $(pid_of "silo-$i"))"
  done

  local deadline=$(($(date +%s) + start_timeout)) active=0
  say "waiting for $silos active silo(s) in the membership table (up to ${start_timeout} s)"
  while :; do
    for ((i = 1; i <= silos; i++)); do
      if ! starting "silo-$i"; then
        log_tail "silo-$i"
        start_failed "silo $i exited during start-up"
      fi
    done
    active="$(active_silos "$since")"
    [ "${active:-0}" -ge "$silos" ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      for ((i = 1; i <= silos; i++)); do log_tail "silo-$i"; done
      start_failed "only ${active:-0} of $silos silos became active within ${start_timeout} s"
    fi
    sleep 1
  done
  say "$active silo(s) active"

  # Only the gateways check API keys; the key travels in their environment, never on a command line.
  export Census__Auth__AdminKeys__0="$admin_key"
  # The release store: one directory every gateway of this machine's cluster shares.
  export Census__Releases__StorePath="${Census__Releases__StorePath:-$state/releases}"
  for ((i = 1; i <= gateways; i++)); do
    local http_port=$((gateway_http_base + i - 1))
    launch "gateway-$i" dotnet "$gateway_dll" --urls "http://127.0.0.1:$http_port"
    echo "gateway $i: http http://127.0.0.1:$http_port" >"$run_dir/gateway-$i.desc"
    echo "$http_port" >"$run_dir/gateway-$i.http"
    say "$(describe "gateway-$i") (pid $(pid_of "gateway-$i"))"
  done

  say "waiting for every gateway's /health/ready"
  for ((i = 1; i <= gateways; i++)); do
    local http_port=$((gateway_http_base + i - 1)) code=000
    while :; do
      starting "gateway-$i" || { log_tail "gateway-$i"; start_failed "gateway $i exited during start-up"; }
      code="$(http_status "$http_port" /health/ready)"
      [ "$code" = "200" ] && break
      if [ "$(date +%s)" -ge "$deadline" ]; then
        log_tail "gateway-$i"
        start_failed "gateway $i answered /health/ready with $code, not 200, within ${start_timeout} s"
      fi
      sleep 1
    done
  done
  cleanup_on_failure=0

  say "ready: $silos silo(s), $gateways gateway(s), cluster id '$cluster_id', database '${pg_database}'"
  echo
  echo "  API:        http://127.0.0.1:$gateway_http_base/api/v1   (docs: http://127.0.0.1:$gateway_http_base/docs)"
  echo "  admin key:  in $key_file (readable only by you): Authorization: Bearer \$(cat $key_file)"
  echo "  logs:       $log_dir"
  echo "  stop with:  $0 stop"
}

start_failed() {
  echo "local-cluster: error: $1" >&2
  exit 1
}

# A start that fails after its first launch (a timeout, a process that died, any failed command)
# stops what it started, so no half cluster is left behind.
cleanup_on_failure=0
on_exit() {
  local status=$?
  if [ "$status" -ne 0 ] && [ "$cleanup_on_failure" = "1" ]; then
    cleanup_on_failure=0
    echo "local-cluster: start failed: stopping what was started (logs kept in $log_dir)" >&2
    cmd_stop >&2 || true
  fi
  exit "$status"
}
trap on_exit EXIT

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; [ $# -eq 0 ] || usage; cmd_stop ;;
  status) shift; [ $# -eq 0 ] || usage; cmd_status ;;
  *) usage ;;
esac
