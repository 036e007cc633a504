#!/usr/bin/env bash
# Import benchmark in cluster mode on PostgreSQL (issue 11): one silo and one gateway on loopback, a fresh
# database, then Census.Bench --imports measures, in one run:
#   1. the anchor: raw PostgreSQL single-row upserts of a ~1 KB row at 16 clients (run-writes.sh's code),
#   2. every institution's NDJSON import of `rows` records posted at once into one open round: records made
#      durable per second (created ÷ first POST to last completedAt), its ratio to the anchor, the index count
#      checked, and per-process CPU over the phase,
#   3. a 5,000-row CSV dry run, POST to completed, best of 3,
#   4. the gateway's and silo's peak memory (VmHWM, reset before) over one dry-run upload just under 64 MiB.
# Results go to stdout (a Markdown table at the end); logs to artifacts/bench/imports-*.log.
#
#   bash bench/run-imports.sh [institutions=200] [rows=500] [anchor-seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
institutions="${1:-200}"
rows="${2:-500}"
seconds="${3:-20}"
logs="$(pwd)/artifacts/bench"
mkdir -p "$logs"

bash deploy/postgres/ensure-local.sh census_importbench --fresh >/dev/null
# Pools sized to the server (docs/reliability.md, "Size connection pools to the server"): the silo holds two
# pools and the gateway one, so 3 x 20 plus the bench client's 17 stay below max_connections 100 with room for
# others. Run-writes.sh's 200 exhausted the server here (53300) as 200 imports began at once: every POST 503.
pool="${CENSUS_IMPORTBENCH_POOL_SIZE:-20}"
export ConnectionStrings__Census="Host=127.0.0.1;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=census_importbench;Maximum Pool Size=$pool"
bench_connection="Host=127.0.0.1;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=census_importbench;Maximum Pool Size=17"
export Census__Mode=cluster Census__ClusterId=importbench Census__ServiceId=importbench
admin_key="$(openssl rand -base64 32)"

dotnet build Actors.sln -c Release -nologo -v quiet >/dev/null || dotnet build bench/Census.Bench -c Release -nologo -v quiet >/dev/null
dotnet Silo/bin/Release/net10.0/Silo.dll migrate >"$logs/imports-migrate.log" 2>&1

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

Census__Silo__SiloPort=11313 Census__Silo__GatewayPort=30313 Census__Silo__AdvertisedAddress=127.0.0.1 Logging__LogLevel__Default=Warning \
  dotnet Silo/bin/Release/net10.0/Silo.dll --urls http://127.0.0.1:5397 >"$logs/imports-silo.log" 2>&1 &
silo=$!
pids+=("$silo")
sleep 5
# The benchmark measures imports, not the rate limiter: limits off.
Census__Auth__AdminKeys__0="$admin_key" Logging__LogLevel__Default=Warning Census__RateLimits__Enabled=false \
  dotnet ApiGateway/bin/Release/net10.0/ApiGateway.dll --urls http://127.0.0.1:5396 >"$logs/imports-gateway.log" 2>&1 &
gateway=$!
pids+=("$gateway")

for _ in $(seq 1 60); do
  curl -fs http://127.0.0.1:5396/health/ready >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://127.0.0.1:5396/health/ready >/dev/null

echo "configuration: cluster mode, 1 silo + 1 gateway on loopback, PostgreSQL database census_importbench (fresh), Maximum Pool Size=$pool per pool (server max_connections $(PGPASSWORD="${CENSUS_PG_PASSWORD:-census}" psql -h 127.0.0.1 -U census -d census_importbench -Atc "SHOW max_connections")), rate limits off, log level Warning, import defaults (page 500 rows, 16 row writes in flight per import), admin key for every institution; ${institutions} institutions × ${rows} rows; anchor ${seconds} s at 16 clients after 3 s warm-up"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(psql --version | head -n 1); .NET $(dotnet --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Census.Bench/bin/Release/net10.0/Census.Bench.dll --imports \
  --gateway http://127.0.0.1:5396 --admin-key "$admin_key" --postgres "$bench_connection" \
  --institutions "$institutions" --rows "$rows" --seconds "$seconds" --silo-pid "$silo" --gateway-pid "$gateway"
