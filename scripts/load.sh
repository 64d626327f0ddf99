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
#      table to test-output/load/<date>.md; the run's total time at the end
#
# /_load/cpu gives the server's CPU time without a collection: CPU per event is
# the CPU over the event phase less the idle rate measured just before it
# (LOAD_IDLE_FOR), per event. The events of each page are in
# tests/CooperationModel.LoadDriver/PageEvents.cs (the inbox: a search typed
# and cleared, the "only mine" switch; the workspace: the "All" and "Mine"
# tabs; the case and referral pages: none yet, their memory only).
#
# Environment:
#   LOAD_CIRCUITS  counts of circuits (default 100,1000; add 5000 for the full run)
#   LOAD_PAGES     pages (default "inbox workspace case referral")
#   LOAD_THINK     seconds between a circuit's UI events (default 30)
#   LOAD_EVENTS_FOR  seconds of the event phase per count (default 60)
#   LOAD_IDLE_FOR  seconds of the idle phase (CPU with nothing sent, after as long to settle) per count (default 10)
#   LOAD_RAMP_AT   at this count, lower the think time step by step (10 s ... 0.04 s) until
#                  p95 passes 250 ms; reports the event rate and the server's CPU there
#                  (default 1000 when LOAD_CIRCUITS has it; "" for none)
#   LOAD_RAMP_FOR  seconds of each ramp step (default 20)
#   LOAD_OPEN_PARALLEL  circuits opened at once (default 16)
#   LOAD_CHROMIUM=1  also open the inbox in Chromium (tests/CooperationModel.CircuitMemory,
#                  0,10,20,30 pages; CHROMIUM_PATH, default /usr/bin/chromium) and print its
#                  live KB per circuit against the driver's, with the ratio (faithful: within 15 %)
#   LOAD_KEEP=1    keep the run's database
#   LOAD_URL       the app's address (default http://127.0.0.1:5193)
#   PG_TEST_PORT   the test cluster's port (default 54339)
#
# Limits: the driver and the app each hold a socket per circuit; the script
# raises the open-file limit to its hard limit (5,000 circuits need about
# 5,100 descriptors on each side; the local port range gives 28,000).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
say() { printf '==> %s\n' "$*"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

circuits="${LOAD_CIRCUITS:-100,1000}"
pages="${LOAD_PAGES:-inbox workspace case referral}"
url="${LOAD_URL:-http://127.0.0.1:5193}"
case ",$circuits," in *,1000,*) ramp_default=1000 ;; *) ramp_default="" ;; esac
ramp_at="${LOAD_RAMP_AT-$ramp_default}"

started=$(date +%s)
# A socket per circuit, on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

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
    echo "circuits $circuits, pages $pages, think ${LOAD_THINK:-30} s, events ${LOAD_EVENTS_FOR:-60} s, idle ${LOAD_IDLE_FOR:-10} s, ramp at ${ramp_at:-none} (${LOAD_RAMP_FOR:-20} s a step)"
    echo
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version) SDK"
    echo
} > "$report"

say "building the app and the driver (Release)"
dotnet build src/CooperationModel.Web -c Release --nologo -v q
dotnet build tests/CooperationModel.LoadDriver -c Release --nologo -v q
[ "${LOAD_CHROMIUM:-0}" = "1" ] && dotnet build tests/CooperationModel.CircuitMemory -c Release --nologo -v q

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
log="$out/driver.log"
: > "$log"
for page in $pages; do
    say "page $page: $circuits circuits ($(( $(date +%s) - started )) s so far)"
    dotnet run --project tests/CooperationModel.LoadDriver -c Release --no-build -- \
        --url "$url" --circuits "$circuits" --page "$page" --case-id "$case_id" \
        --think "${LOAD_THINK:-30}" --events-for "${LOAD_EVENTS_FOR:-60}" --idle-for "${LOAD_IDLE_FOR:-10}" \
        ${ramp_at:+--ramp-at "$ramp_at"} --ramp-for "${LOAD_RAMP_FOR:-20}" \
        --open-parallel "${LOAD_OPEN_PARALLEL:-16}" --report "$report" | tee -a "$log"
done

if [ "${LOAD_CHROMIUM:-0}" = "1" ]; then
    say "the inbox in Chromium (0, 10, 20, 30 pages)"
    probe="$(dotnet tests/CooperationModel.CircuitMemory/bin/Release/net10.0/CooperationModel.CircuitMemory.dll "$url" inbox | tee -a "$log" | sed -n 's/^RESULT inbox: \([0-9-]*\) KB per circuit.*/\1/p')"
    driver="$(sed -n 's/^RESULT inbox [0-9]*: heap [0-9-]* KB, live \([0-9-]*\) KB per circuit/\1/p' "$log" | head -n 1)"
    {
        echo
        if [ -n "$probe" ] && [ -n "$driver" ] && [ "$probe" != "0" ]; then
            echo "faithful: inbox live heap per circuit, driver $driver KB against Chromium $probe KB: ratio $(awk -v d="$driver" -v p="$probe" 'BEGIN { printf "%.2f", d / p }') (within 15 %: 0.85-1.15)"
        else
            echo "faithful: no comparison (driver '$driver' KB, Chromium '$probe' KB; see $log)"
        fi
    } >> "$report"
fi

echo >> "$report"
echo "total time: $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s" >> "$report"
say "report: $report"
cat "$report"
