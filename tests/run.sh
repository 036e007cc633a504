#!/usr/bin/env bash
# Runs every test of the census: builds the solution, makes sure PostgreSQL, Node (for the OpenAPI lint and the
# DCAT-AP SHACL validator), Chromium (for the console's browser tests) and the dotnet tools are there (installing them on Debian/Ubuntu when needed), runs
# all five test projects, and ends with the line
# "N passed, N failed".
#
#   bash tests/run.sh            # everything
#   CENSUS_TEST_POSTGRES=...     # use this server instead of the local one (a role with CREATEDB)
set -euo pipefail
cd "$(dirname "$0")/.."

# Whatever fails before the tests run (PostgreSQL set-up, the build), CI still gets its closing line.
summary_printed=0
trap 'status=$?; if [ "$summary_printed" -eq 0 ]; then echo "tests/run.sh failed before the tests ran (exit $status)"; echo "0 passed, 1 failed"; fi' EXIT

configuration="${CONFIGURATION:-Release}"
results="$(pwd)/artifacts/test-results"
rm -rf "$results" artifacts/reliability artifacts/console-screenshots
mkdir -p "$results"

if [ -z "${CENSUS_TEST_POSTGRES:-}" ]; then
  bash deploy/postgres/ensure-local.sh census_test --fresh
  export CENSUS_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=census;Password=${CENSUS_PG_PASSWORD:-census};Database=census_test"
fi

# The OpenAPI tests' tools (tests/Census.Api.Tests/OpenApi): Kiota, pinned in .config/dotnet-tools.json, generates
# a client from the served document; @redocly/cli lints it. Both are installed here, redocly into artifacts/tools
# (never globally), so a clean machine gets them too.
if ! command -v npm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "npm is missing and cannot be installed here (no apt-get): the OpenAPI lint test will fail." >&2
  fi
fi
# The console's browser tests (tests/Census.Console.Tests): Debian's Chromium, launched by its path, and a Korean font
# so pages and screenshots show Hangul. Playwright's own browser download is never used.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi nanum; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null
  else
    echo "/usr/bin/chromium is missing and cannot be installed here (no apt-get): the console tests will fail." >&2
  fi
fi

dotnet tool restore
if command -v npm >/dev/null 2>&1; then
  # 2.x needs Node.js 20.19 or later; Debian's own nodejs may be older, and 1.34.20 runs there (>= 18.17).
  if node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    redocly_version="2.77.0"
  else
    redocly_version="1.34.20"
  fi
  if ! grep -qs "\"version\": \"$redocly_version\"" artifacts/tools/node_modules/@redocly/cli/package.json; then
    npm install --prefix artifacts/tools --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version"
  fi
  # The DCAT-AP SHACL validator of the selection's catalogue (tests/shacl): rdf-validate-shacl, n3 and jsonld,
  # exactly as its package-lock.json pins them.
  npm ci --prefix tests/shacl --no-audit --no-fund --loglevel=error
fi

dotnet build Actors.sln -c "$configuration" -nologo -v quiet

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# The fault tests' figures (writes lost, duplicates, time to recover), one file per test.
for figures in artifacts/reliability/*.txt; do
  [ -e "$figures" ] || continue
  echo "== reliability figures: $(basename "$figures" .txt)"
  cat "$figures"
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# A project that crashed before writing results counts as a failure, never as silence.
expected="$(ls tests/*/*.csproj | wc -l)"
found="$(ls "$results"/*.trx 2>/dev/null | wc -l)"
if [ "$found" -lt "$expected" ]; then
  failed=$((failed + expected - found))
  status=1
fi

echo "$passed passed, $failed failed"
summary_printed=1
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
