#!/usr/bin/env bash
# scripts/load.sh - "Circuits per node" ("make load"; docs/performance.md, issue 13).
#
#   1. starts the test database (scripts/pg.sh start test) and creates a
#      database of its own for the run (dropped afterwards unless LOAD_KEEP=1)
#   2. runs the app as a Release build with Server GC on its own port, with demo
#      data, in the load profile (LoadTest__Diagnostics=true: /_load/gc forces
#      a full GC and returns the heap, RSS and CPU time; never in production)
#   3. runs the load driver (tests/CooperationModel.LoadDriver): real circuits
#      at the protocol level, for each count in LOAD_CIRCUITS, and appends its
#      table to test-output/load/<date>.md
#
# Environment:
#   LOAD_CIRCUITS  counts of circuits (default 100,1000; add 5000 for the full run)
#   LOAD_PAGES     pages (default "inbox workspace case referral")
#   LOAD_THINK     seconds between a circuit's UI events (default 30)
#   LOAD_EVENTS_FOR  seconds of the event phase per count (default 120)
#   LOAD_URL       the app's address (default http://127.0.0.1:5193)
#   PG_TEST_PORT   the test cluster's port (default 54339)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
say() { printf '==> %s\n' "$*"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

circuits="${LOAD_CIRCUITS:-100,1000}"
pages="${LOAD_PAGES:-inbox workspace case referral}"
url="${LOAD_URL:-http://127.0.0.1:5193}"

bash scripts/pg.sh start test
port="$(bash scripts/pg.sh port test)"
db="cm_load_$(date +%s)"
psql_admin() { psql -h 127.0.0.1 -p "$port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -tAc "$1"; }
psql_admin "CREATE DATABASE \"$db\" OWNER cooperationmodel_owner" >/dev/null

out=test-output/load
mkdir -p "$out"
report="$out/$(date -u +%Y-%m-%dT%H%M).md"
{
    echo "# make load, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK"
    echo
} > "$report"

say "building the app and the driver (Release)"
dotnet build src/CooperationModel.Web -c Release --nologo -v q
dotnet build tests/CooperationModel.LoadDriver -c Release --nologo -v q

keys=.local/keys
mkdir -p "$keys" && chmod 700 "$keys"
for key in key-encryption-key identity-code-hash-key; do
    [ -s "$keys/$key" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$keys/$key")
done

say "starting the app on $url (Release, Server GC, load profile)"
(
    export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" DOTNET_gcServer=1
    export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=$db;Username=cooperationmodel_app"
    export ConnectionStrings__Owner="Host=127.0.0.1;Port=$port;Database=$db;Username=cooperationmodel_owner"
    export Encryption__KeyEncryptionKey="$(cat "$keys/key-encryption-key")"
    export Encryption__IdentityCodeHashKey="$(cat "$keys/identity-code-hash-key")"
    export Database__ApplyMigrations=true Database__SeedDemoData=true LoadTest__Diagnostics=true
    # One driver signs in twice, but opens thousands of circuits from one address.
    export RateLimits__SignInPerAddress=100000 RateLimits__SignInPerUserName=100000 RateLimits__ApiPerUser=100000
    # Quiet: a request log line per circuit would be the load.
    export Serilog__MinimumLevel__Default=Warning
    exec dotnet run --project src/CooperationModel.Web -c Release --no-build --no-launch-profile
) > "$out/app.log" 2>&1 &
app_pid=$!
cleanup() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    [ "${LOAD_KEEP:-0}" = "1" ] || psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 120); do
    curl -fsS "$url/_load/gc" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$out/app.log" >&2; exit 1; }
    sleep 1
done

case_id="$(psql_admin "SELECT case_id FROM referrals ORDER BY sent_at LIMIT 1" "$db")"
for page in $pages; do
    say "page $page: $circuits circuits"
    dotnet run --project tests/CooperationModel.LoadDriver -c Release --no-build -- \
        --url "$url" --circuits "$circuits" --page "$page" --case-id "$case_id" \
        --think "${LOAD_THINK:-30}" --events-for "${LOAD_EVENTS_FOR:-120}" --report "$report"
done
say "report: $report"
cat "$report"
