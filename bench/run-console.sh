#!/usr/bin/env bash
# Console page benchmark (issue 12): the server time of the pages that read a whole round, on a census-sized round,
# in cluster mode on PostgreSQL (1 silo + 1 gateway on loopback, rate limits off, log level Warning).
#   - 2,000 registered institutions invited to one open round, and 1,000,000 synthetic records in its survey index
#     (bench/sql/synthetic-index.sql, as the ranking benchmark loads them);
#   - one more institution, inst-bench, whose data officer reports 500 real records through the API's NDJSON import;
#   - then, with a console session each (signed in through the sign-in form, as a browser does), N timed GETs of:
#       the agency's datasets page (inst-bench's round page: its 500 records, sorted and filtered),
#       the admin's round page (the progress dashboard by sector),
#       the admin's reports page (by institution and by sector);
#     each page's time is curl's time to the last byte over loopback, after 5 warm-up requests; p50 and p95 printed.
#   - the anchor in the same run: GET /api/v1/rounds/{id}/reports/sectors (the API's own read of the same report).
#
#   bash bench/run-console.sh [records] [requests]      # defaults: 1000000 40
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
requests="${2:-40}"
logs="$(pwd)/artifacts/bench"
mkdir -p "$logs"

bash deploy/postgres/ensure-local.sh census_consolebench --fresh >/dev/null
export PGPASSWORD="${CENSUS_PG_PASSWORD:-census}"
psql_() { psql -h 127.0.0.1 -U census -d census_consolebench -v ON_ERROR_STOP=1 -qAt "$@"; }
export ConnectionStrings__Census="Host=127.0.0.1;Username=census;Password=$PGPASSWORD;Database=census_consolebench"
export Census__Mode=cluster Census__ClusterId=consolebench Census__ServiceId=consolebench
admin_key="$(openssl rand -base64 32)"
base=http://127.0.0.1:5492
api=$base/api/v1
auth=(-H "Authorization: Bearer $admin_key")
round="console-$n"

dotnet build Actors.sln -c Release -nologo -v quiet >/dev/null
dotnet Silo/bin/Release/net10.0/Silo.dll migrate >"$logs/console-migrate.log" 2>&1

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
Census__Silo__SiloPort=11412 Census__Silo__GatewayPort=30412 Census__Silo__AdvertisedAddress=127.0.0.1 Logging__LogLevel__Default=Warning \
  dotnet Silo/bin/Release/net10.0/Silo.dll --urls http://127.0.0.1:5493 >"$logs/console-silo.log" 2>&1 &
pids+=($!)
sleep 4
Census__Auth__AdminKeys__0="$admin_key" Logging__LogLevel__Default=Warning Census__RateLimits__Enabled=false \
  dotnet ApiGateway/bin/Release/net10.0/ApiGateway.dll --urls "$base" >"$logs/console-gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

sectors=(public-administration science-technology education transport-logistics land-management agriculture-fisheries
  culture-tourism law health-medical social-welfare industry-employment food-health disaster-safety finance
  unification-diplomacy environment-weather)
register() {
  curl -fs -o /dev/null -X POST "$api/institutions" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"기관 $1\",\"kind\":\"public-institution\",\"sector\":\"$2\"}"
}
export api admin_key
for i in $(seq 0 1999); do printf 'inst-%04d %s\n' "$i" "${sectors[$(( (i / 125) % 16 ))]}"; done |
  xargs -P 8 -n 2 bash -c 'curl -fs -o /dev/null -X POST "$api/institutions" -H "Authorization: Bearer $admin_key" -H "Content-Type: application/json" -d "{\"id\":\"$0\",\"name\":\"기관 $0\",\"kind\":\"public-institution\",\"sector\":\"$1\"}"'
register inst-bench science-technology
agency_key=$(curl -fs -X POST "$api/institutions/inst-bench/api-keys" "${auth[@]}" | sed -n 's/.*"apiKey":"\([^"]*\)".*/\1/p')

curl -fs -o /dev/null -X POST "$api/rounds" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$round\",\"title\":\"Console benchmark\",\"deadline\":\"2030-01-01T00:00:00Z\",\"selection\":{\"quota\":100,\"maxPerInstitution\":5}}"
curl -fs -o /dev/null -X POST "$api/rounds/$round/open" "${auth[@]}"

# inst-bench's 500 records, through the import an agency would use.
ndjson="$logs/console-records.ndjson"
modalities=(text image video audio tabular time-series geospatial multimodal)
: >"$ndjson"
for i in $(seq 1 500); do
  printf '{"datasetId":"bench-%03d","title":"벤치마크 데이터셋 %d","modality":"%s","structure":"structured","digitization":"digital","formats":["csv"],"volume":{"records":%d},"collection":{"purpose":"administrative","provenanceDocumented":true},"availability":{"now":"restricted","afterProcessing":"open"},"lawfulToProvide":true,"license":"kogl-type1","thirdPartyRights":"none","personalData":{"status":"none","sensitive":false,"deidentificationPlanned":false,"riskAssessed":false,"scanVerified":false},"labeling":{"status":"partial","specDocumented":true,"qaReported":false},"quality":{"assessed":true,"errorRate":0.0%d,"verified":false},"documentation":{"dataDictionary":true,"datasheet":%s},"maintenance":{"updateFrequency":"monthly","versioned":true}}\n' \
    "$i" "$i" "${modalities[$(( i % 8 ))]}" "$(( i * 1000 ))" "$(( i % 9 + 1 ))" "$([ $(( i % 2 )) = 0 ] && echo true || echo false)" >>"$ndjson"
done
import=$(curl -fs -X POST "$api/rounds/$round/institutions/inst-bench/imports?dryRun=false" -H "Authorization: Bearer $agency_key" \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$ndjson" -D - -o /dev/null | sed -n 's/^[Ll]ocation: *\([^\r]*\).*/\1/p')
for _ in $(seq 1 300); do
  state=$(curl -fs "$base$import" -H "Authorization: Bearer $agency_key" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p')
  [ "$state" = completed ] && break
  [ "$state" = failed ] && { echo "the import failed" >&2; exit 1; }
  sleep 1
done

psql_ -v round="$round" -v n="$n" -f bench/sql/synthetic-index.sql >/dev/null

# A console session, signed in through the form as a browser does.
session() {
  local jar="$1" key="$2" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/console/sign-in" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" -X POST "$base/console/sign-in" \
    --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.ApiKey=$key"
}
admin_jar="$logs/console-admin.jar"; agency_jar="$logs/console-agency.jar"
rm -f "$admin_jar" "$agency_jar"
session "$admin_jar" "$admin_key"
session "$agency_jar" "$agency_key"

# p50 and p95 (ms) of N GETs after 5 warm-ups; every answer must be 200.
measure() {
  local times
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null "$@"; done
  times=$(for _ in $(seq 1 "$requests"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@")
    [ "${out%% *}" = 200 ] || { echo "HTTP ${out%% *} from $*" >&2; exit 1; }
    awk -v t="${out#* }" 'BEGIN { printf "%.1f\n", t * 1000 }'
  done | sort -n)
  p50=$(sed -n "$(( (requests + 1) / 2 ))p" <<<"$times")
  p95=$(sed -n "$(( (requests * 95 + 99) / 100 ))p" <<<"$times")
  echo "$p50 $p95"
}

echo "configuration: cluster mode, 1 silo + 1 gateway on loopback, rate limits off, log level Warning; $n synthetic index records + 500 imported; 2,001 institutions; $requests requests per page after 5 warm-ups"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(psql --version | head -n 1); .NET $(dotnet --version)"
echo "| page | route | p50 ms | p95 ms | goal p95 |"
echo "|---|---|---:|---:|---:|"
read -r a50 a95 < <(measure -b "$agency_jar" "$base/console/agency/rounds/$round?sort=score&dir=desc")
echo "| datasets (agency, 500 records) | /console/agency/rounds/{round} | $a50 | $a95 | 300 |"
read -r d50 d95 < <(measure -b "$admin_jar" "$base/console/admin/rounds/$round")
echo "| progress dashboard (admin) | /console/admin/rounds/{round} | $d50 | $d95 | 300 |"
read -r r50 r95 < <(measure -b "$admin_jar" "$base/console/admin/rounds/$round/reports")
echo "| reports (admin) | /console/admin/rounds/{round}/reports | $r50 | $r95 | 300 |"
read -r s50 s95 < <(measure "${auth[@]}" "$api/rounds/$round/reports/sectors")
echo "| anchor: the API's sector report | /api/v1/rounds/{round}/reports/sectors | $s50 | $s95 | — |"
