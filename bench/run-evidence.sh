#!/usr/bin/env bash
# Equivalence-class table benchmark (issue 13): builds Census.Bench in Release, then for CSV and for JSON, each in
# its own process so each peak working set is its own: writes a deterministic table of `classes` classes (3
# quasi-identifiers, one sensitive attribute with 5 values) to a temporary file, times the anchor (the rows only
# parsed, nothing computed) and EvidenceTables.Evaluate (two passes, exact figures), best of 3 each, and prints a
# Markdown row with classes/s, the bytes the evaluation allocated and the peak working set.
#
#   bash bench/run-evidence.sh [classes=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
classes="${1:-1000000}"
dotnet build bench/Census.Bench/Census.Bench.csproj -c Release -nologo -v quiet >/dev/null
for format in csv json; do
  dotnet bench/Census.Bench/bin/Release/net10.0/Census.Bench.dll evidence "$classes" "$format"
  echo
done
