#!/usr/bin/env bash
# Survey-write benchmark in cluster mode on PostgreSQL: one silo and one gateway on loopback, a fresh
# database, then Census.Bench measures gateway writes beside raw PostgreSQL upserts at 1, 4 and 16
# clients in the same run. Results go to stdout (a Markdown table at the end).
#
#   bash bench/run-writes.sh [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
logs="$(pwd)/artifacts/bench"
mkdir -p "$logs"

bash deploy/postgres/ensure-local.sh census_bench --fresh
export ConnectionStrings__Census="Host=127.0.0.1;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=census_bench;Maximum Pool Size=200"
export Census__Mode=cluster Census__ClusterId=bench Census__ServiceId=bench
admin_key="$(openssl rand -base64 32)"

dotnet build Actors.sln -c Release -nologo -v quiet || dotnet build bench/Census.Bench -c Release -nologo -v quiet
dotnet Silo/bin/Release/net10.0/Silo.dll migrate >"$logs/migrate.log" 2>&1

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

Census__Silo__SiloPort=11311 Census__Silo__GatewayPort=30311 Census__Silo__AdvertisedAddress=127.0.0.1 \
  dotnet Silo/bin/Release/net10.0/Silo.dll --urls http://127.0.0.1:5394 >"$logs/silo.log" 2>&1 &
pids+=($!)
sleep 5
# The benchmark measures write throughput, not the rate limiter: limits off (they answer 429 at 100/s per key).
Census__Auth__AdminKeys__0="$admin_key" Logging__LogLevel__Default=Warning Census__RateLimits__Enabled=false \
  dotnet ApiGateway/bin/Release/net10.0/ApiGateway.dll --urls http://127.0.0.1:5391 >"$logs/gateway.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 60); do
  curl -fs http://127.0.0.1:5391/health/ready >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://127.0.0.1:5391/health/ready >/dev/null

echo "configuration: cluster mode, 1 silo + 1 gateway on loopback, rate limits off, log level Warning, ${seconds} s per measurement"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(psql --version | head -n 1); .NET $(dotnet --version)"
dotnet bench/Census.Bench/bin/Release/net10.0/Census.Bench.dll \
  --gateway http://127.0.0.1:5391 --admin-key "$admin_key" \
  --postgres "$ConnectionStrings__Census" --clients 1,4,16 --seconds "$seconds"
