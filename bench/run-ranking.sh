#!/usr/bin/env bash
# Ranking-run benchmark in cluster mode on PostgreSQL (issue 4). For each size (default 100000 and
# 1000000 records), in one run: loads a synthetic round straight into the survey index (2,000
# institutions, 16 sectors, 64 shards, levels spread 0..4, ~5% ineligible), closes it, then measures
#   - a ranking run cold (shards not active) and warm (shards hold their frozen slices),
#   - PostgreSQL's plain top-100: ORDER BY the weighted score LIMIT 100, no quotas,
#   - PostgreSQL streaming the same index rows out: COPY … TO STDOUT (FORMAT binary),
#   - the silo's resident memory before the load and at its peak, and the peak per indexed record.
# Sizes make a scaling line (e.g. 100000 1000000 3000000: a 3M round needs about 2 GB for PostgreSQL's
# working set and 1–2 GB for the silo). RANK_GC=workstation runs the silo with workstation GC instead of the
# server GC its runtimeconfig asks for (DOTNET_gcServer=0), to compare the two.
#
#   bash bench/run-ranking.sh [sizes...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000 1000000}")
[ $# -gt 0 ] || sizes=(100000 1000000)
logs="$(pwd)/artifacts/bench"
mkdir -p "$logs"

bash deploy/postgres/ensure-local.sh census_rankbench --fresh >/dev/null
export PGPASSWORD="${CENSUS_PG_PASSWORD:-census}"
psql_() { psql -h 127.0.0.1 -U census -d census_rankbench -v ON_ERROR_STOP=1 -qAt "$@"; }
export ConnectionStrings__Census="Host=127.0.0.1;Username=census;Password=$PGPASSWORD;Database=census_rankbench"
export Census__Mode=cluster Census__ClusterId=rankbench Census__ServiceId=rankbench
admin_key="$(openssl rand -base64 32)"
api=http://127.0.0.1:5392/api/v1
auth=(-H "Authorization: Bearer $admin_key")

dotnet build Actors.sln -c Release -nologo -v quiet >/dev/null
dotnet Silo/bin/Release/net10.0/Silo.dll migrate >"$logs/rank-migrate.log" 2>&1

weights=(15 10 10 10 15 10 10 10 5 5)
post_expr=""; for i in $(seq 1 10); do post_expr+="${post_expr:+ + }${weights[$((i-1))]} * p$i"; done

gc="${RANK_GC:-server}"
[ "$gc" = workstation ] && export DOTNET_gcServer=0
echo "configuration: cluster mode, 1 silo + 1 gateway on loopback, rate limits off, log level Warning, 64 shards, a fresh silo per size, silo $gc GC"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(psql --version | head -n 1); .NET $(dotnet --version)"
echo "| records | cold run ms | warm run ms | PG top-100 ms | PG COPY binary ms | cold ÷ COPY | warm ÷ top-100 | silo RSS before load MiB | silo peak RSS MiB | silo bytes/record | selected |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

for n in "${sizes[@]}"; do
  round="rank-$n"
  # A fresh silo per size, so its peak memory belongs to this size alone.
  Census__Silo__SiloPort=11312 Census__Silo__GatewayPort=30312 Census__Silo__AdvertisedAddress=127.0.0.1 Logging__LogLevel__Default=Warning \
    dotnet Silo/bin/Release/net10.0/Silo.dll --urls http://127.0.0.1:5393 >"$logs/rank-silo-$n.log" 2>&1 &
  silo=$!
  pids+=("$silo")
  sleep 4
  Census__Auth__AdminKeys__0="$admin_key" Logging__LogLevel__Default=Warning Census__RateLimits__Enabled=false \
    dotnet ApiGateway/bin/Release/net10.0/ApiGateway.dll --urls http://127.0.0.1:5392 >"$logs/rank-gateway-$n.log" 2>&1 &
  gateway=$!
  pids+=("$gateway")
  for _ in $(seq 1 60); do curl -fs http://127.0.0.1:5392/health/ready >/dev/null 2>&1 && break; sleep 1; done

  curl -fs -X POST "$api/rounds" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$round\",\"title\":\"Ranking benchmark $n\",\"deadline\":\"2030-01-01T00:00:00Z\",\"selection\":{\"quota\":100,\"maxPerInstitution\":5,\"sectorMin\":{\"law\":3},\"sectorMax\":{\"education\":20}}}" >/dev/null
  curl -fs -X POST "$api/rounds/$round/open" "${auth[@]}" >/dev/null

  # Synthetic rows straight into the index: what agencies' writes would have produced.
  psql_ -v round="$round" -v n="$n" -f bench/sql/synthetic-index.sql >/dev/null
  curl -fs -X POST "$api/rounds/$round/close" "${auth[@]}" >/dev/null
  idle_kb=$(awk '/VmRSS/ {print $2}' /proc/$silo/status)

  run_ms() {
    local start end location state
    start=$(date +%s%N)
    location=$(curl -fs -X POST "$api/rounds/$round/rankings" "${auth[@]}" -o /dev/null -w '%header{location}')
    while :; do
      state=$(curl -fs "http://127.0.0.1:5392$location" "${auth[@]}" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
      [ "$state" != "running" ] && break
      sleep 0.02
    done
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 )) $state $location"
  }
  read -r cold cold_state cold_run < <(run_ms)
  read -r warm warm_state warm_run < <(run_ms)
  selected=$(curl -fs "http://127.0.0.1:5392$warm_run" "${auth[@]}" | grep -o '"rank":' | wc -l)
  same=$(diff <(curl -fs "http://127.0.0.1:5392$cold_run" "${auth[@]}" | sed 's/.*"selection"://') \
              <(curl -fs "http://127.0.0.1:5392$warm_run" "${auth[@]}" | sed 's/.*"selection"://') >/dev/null && echo same || echo DIFFERENT)

  best() { sort -n | head -n 1; }
  top=$(for _ in 1 2 3; do psql_ -c '\timing on' -c "SELECT institution_id, dataset_id FROM census_survey_index WHERE round_id = '$round' AND eligible AND NOT withdrawn ORDER BY ($post_expr) DESC LIMIT 100" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; done | best)
  copy=$(for _ in 1 2 3; do s=$(date +%s%N); psql_ -c "COPY (SELECT * FROM census_survey_index WHERE round_id = '$round' AND shard >= 0) TO STDOUT (FORMAT binary)" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done | best)
  peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$silo/status)
  per_record=$(( peak_kb * 1024 / n ))
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  echo "| $n | $cold ($cold_state) | $warm ($warm_state, $same) | $top | $copy | $(ratio "$cold" "$copy") | $(ratio "$warm" "$top") | $((idle_kb / 1024)) | $((peak_kb / 1024)) | $per_record | $selected |"

  kill "$gateway" "$silo"; wait "$gateway" "$silo" 2>/dev/null || true
done
