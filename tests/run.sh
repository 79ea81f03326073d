#!/usr/bin/env bash
# Runs every test after installing what the tests need (Debian's chromium for the browser tests, Debian's
# postgresql for the PostgreSQL tests, whose throwaway cluster lives for this run only).
# The last line is the plain summary "N passed, N failed", counted from the test results file.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing chromium (Debian package) for the browser tests..."
    sudo_cmd=""
    if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# shellcheck source=tests/postgres.sh
source tests/postgres.sh
trap stop_test_postgres EXIT

dotnet tool restore >/dev/null
dotnet build Workshops.sln -c Release --nologo -v quiet

# A model change without its migration would fail at start-up in production: catch it here, for each provider.
for context in WorkshopsDbContext PostgresWorkshopsDbContext; do
    dotnet ef migrations has-pending-model-changes --project src/Workshops.Web --context "$context" \
        --no-build --configuration Release >/dev/null
done

results="TestResults"
rm -rf "$results"
set +e
dotnet test Workshops.sln -c Release --no-build --nologo \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@"
status=$?
set -e

trx=$(find "$results" -name '*.trx' 2>/dev/null | head -n 1)
passed=0
failed=0
if [ -n "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    passed=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    failed=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
fi
if [ -n "$trx" ] && [ "${failed:-0}" != "0" ]; then
    # The console log of a long run scrolls the failure far up: name each failed test, with the first lines of its
    # message, just above the summary.
    echo "Failed tests:"
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    print("  " + r.get("testName", "?"))
    message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
    for line in ((message.text or "") if message is not None else "").splitlines()[:6]:
        print("    " + line[:300])
PY
    else
        grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed 's/.* testName="\([^"]*\)".*/  \1/' || true
    fi
fi
if [ "${passed:-0}" = "0" ] && [ "$status" = "0" ]; then
    status=1 # a run that executed no test is a failed run
fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
