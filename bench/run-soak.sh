#!/usr/bin/env bash
# Soak benchmark: the 3-silo local cluster (deploy/local-cluster.sh, one gateway) on PostgreSQL,
# in cluster mode with rate limits off and log level Warning, holding a mixed open-loop load for
# the given minutes: survey-record creates and updates (If-Match), single GETs, list pages, and a
# ranking run of the open round every few minutes. Each minute it prints throughput and p50/p99 per
# kind, errors, and the memory of every silo, the gateway and PostgreSQL; at the end a Markdown table
# per minute and a summary (flat memory? stable p99? errors?). Output is also kept in artifacts/soak/.
#
#   bash bench/run-soak.sh [minutes] [requests-per-second] [ranking-every-minutes]   # 30, 300, 5
#
# 300 requests/s is about half the measured capacity of the mix (the write benchmark reached ~1,000
# survey writes/s at 16 clients on 1 silo + 1 gateway; reads are cheaper, list pages dearer).
# The cluster uses its own state directory, database (census_soak, recreated) and ports, and is
# stopped again at the end, by the process ids it recorded. CENSUS_SOAK_POOL_SIZE sets the Npgsql
# pool size of every process (default 12); CENSUS_SOAK_POPULATION the number of datasets after
# which creates turn into updates (default 20000: full after about 11 minutes at 300 requests/s, so
# memory is judged over the second half of a 30-minute run); CENSUS_SOAK_INSTITUTIONS (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
rate="${2:-300}"
ranking_every="${3:-5}"
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || { echo "run-soak: minutes must be a positive whole number" >&2; exit 2; }
[[ "$rate" =~ ^[1-9][0-9]*$ ]] || { echo "run-soak: requests-per-second must be a positive whole number" >&2; exit 2; }
[[ "$ranking_every" =~ ^[1-9][0-9]*$ ]] || { echo "run-soak: ranking-every-minutes must be a positive whole number" >&2; exit 2; }

out="$(pwd)/artifacts/soak"
mkdir -p "$out"
export CENSUS_LC_STATE_DIR="$out/cluster"
export CENSUS_LC_CLUSTER_ID=soak
# Pools sized to the server (docs/reliability.md, "Size connection pools to the server"): a silo
# holds two Npgsql pools (grain storage and membership; the index, prepared statements), so
# 3 silos x 2 x 12 + the gateway's stay below PostgreSQL's default max_connections of 100. With
# Npgsql's default of 100 per pool a ranking run (64 shards loading at once) exhausted the server
# (53300) and the cluster answered 503s until the end of the run.
pool_size="${CENSUS_SOAK_POOL_SIZE:-12}"
export CENSUS_LC_CONNECTION="Host=127.0.0.1;Port=5432;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=census_soak;Maximum Pool Size=$pool_size"
export CENSUS_LC_SILO_PORT=11411 CENSUS_LC_SILO_GATEWAY_PORT=30411 CENSUS_LC_SILO_HTTP_PORT=5490 CENSUS_LC_HTTP_PORT=5480
# The soak measures the service, not the rate limiter (100 writes/s per key) nor its logging.
export Census__RateLimits__Enabled=false Logging__LogLevel__Default=Warning
cluster=(bash deploy/local-cluster.sh)

# A cluster left by an interrupted soak would run against the recreated database: stop it first.
"${cluster[@]}" stop >/dev/null
bash deploy/postgres/ensure-local.sh census_soak --fresh >/dev/null
dotnet build Actors.sln -c Release -nologo -v quiet >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
dotnet build bench/Census.Soak -c Release -nologo -v quiet >>"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }

trap '"${cluster[@]}" stop >/dev/null 2>&1 || true' EXIT
CENSUS_LC_SKIP_BUILD=1 "${cluster[@]}" start --silos 3 --gateways 1 >"$out/cluster-start.log" 2>&1 \
  || { cat "$out/cluster-start.log" >&2; exit 1; }

pids=""
for name in silo-1 silo-2 silo-3 gateway-1; do
  pids+="${pids:+,}$name=$(cat "$CENSUS_LC_STATE_DIR/run/$name.pid")"
done

report="$out/soak-$(date -u +%Y%m%dT%H%M%SZ).md"
set +e   # the generator's exit status (1 when any request failed) is this script's, after the report
{
  echo "configuration: cluster mode, 3 silos + 1 gateway on loopback (deploy/local-cluster.sh), PostgreSQL database census_soak (Maximum Pool Size=$pool_size per pool; server max_connections $(PGPASSWORD="${CENSUS_PG_PASSWORD:-census}" psql -h 127.0.0.1 -U census -d census_soak -Atc 'SHOW max_connections')), rate limits off, log level Warning, Release build"
  echo "load: ${rate} requests/s for ${minutes} min, a ranking run every ${ranking_every} min; memory: VmRSS of each silo and the gateway, Pss summed over every postgres process (the whole server), from /proc"
  echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(psql --version | head -n 1); .NET $(dotnet --version); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes')"
  status=0
  dotnet bench/Census.Soak/bin/Release/net10.0/Census.Soak.dll \
    --gateway "http://127.0.0.1:$CENSUS_LC_HTTP_PORT" --admin-key-file "$CENSUS_LC_STATE_DIR/admin-key" \
    --minutes "$minutes" --rate "$rate" --ranking-every "$ranking_every" --pids "$pids" \
    --population "${CENSUS_SOAK_POPULATION:-20000}" --institutions "${CENSUS_SOAK_INSTITUTIONS:-50}" 2>&1 || status=$?
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; logs in $CENSUS_LC_STATE_DIR/logs"
  exit "$status"
} | tee "$report"
status="${PIPESTATUS[0]}"
set -e
echo "report kept in $report"
exit "$status"
