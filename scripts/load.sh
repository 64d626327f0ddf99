#!/usr/bin/env bash
# scripts/load.sh - "Circuits per node" ("make load"; docs/performance.md, issue 13).
#
#   1. starts the test database (scripts/pg.sh start test) and creates a
#      database of its own for the run (dropped afterwards unless LOAD_KEEP=1):
#      with demo data (1-7 rows a list), or with LOAD_VOLUME=quick the
#      benchmark's quick volume on top (tests/CooperationModel.Benchmarks with
#      BENCH_SEED_ONLY=1: 12,000 referrals, the inbox and workspace show 25
#      rows and the pager has pages; its keys are read from
#      .local/benchmarks/kept/<name>.json, without them the app cannot read it)
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
# and cleared, the "only mine" switch, with LOAD_VOLUME=quick the pager's next
# page and back; the workspace: the "All" and "Mine" tabs, with quick the
# pager; the case page: its "Timeline" and "Work" tabs; the referral page: a
# note typed into the return form and cleared). None changes data.
#
# Environment:
#   LOAD_CIRCUITS  counts of circuits (default 100,1000)
#   LOAD_CIRCUITS_INBOX, LOAD_CIRCUITS_WORKSPACE, LOAD_CIRCUITS_CASE, LOAD_CIRCUITS_REFERRAL
#                  the counts for one page (default LOAD_CIRCUITS)
#   LOAD_FULL=1    the full run: 100,1000,5000 inbox circuits and 100,1000 on the
#                  other pages (each LOAD_CIRCUITS_<PAGE> still wins), the ramp at
#                  1,000 on the inbox, LOAD_CHROMIUM=1 and LOAD_VOLUME=quick unless set;
#                  20 minutes on a quiet 2-core machine (docs/performance.md)
#   LOAD_PAGES     pages (default "inbox workspace case referral")
#   LOAD_VOLUME    demo (default: demo data only) or quick (the benchmark's quick volume on top; seeding takes minutes)
#   LOAD_DATABASE  a database kept by an earlier LOAD_VOLUME=quick LOAD_KEEP=1 run (or by the benchmark's
#                  BENCH_SEED_ONLY=1) to run against again without seeding; its keys from .local/benchmarks/kept
#   LOAD_THINK     seconds between a circuit's UI events (default 30)
#   LOAD_EVENTS_FOR  seconds of the event phase per count (default 60)
#   LOAD_IDLE_FOR  seconds of the idle phase (CPU with nothing sent, after as long to settle) per count (default 10)
#   LOAD_RAMP_AT   at this count, lower the think time step by step (10 s ... 0.04 s) until
#                  p95 passes 250 ms; reports the event rate and the server's CPU there
#                  (default 1000 when LOAD_CIRCUITS has it; "" for none)
#   LOAD_RAMP_FOR  seconds of each ramp step (default 20)
#   LOAD_RAMP_PAGES  the pages that ramp (default every page; LOAD_FULL=1: inbox)
#   LOAD_OPEN_PARALLEL  circuits opened at once (default 16)
#   LOAD_CHROMIUM=1  also open the inbox in Chromium (tests/CooperationModel.CircuitMemory,
#                  0,10,20,30 pages; CHROMIUM_PATH, default /usr/bin/chromium) and print its
#                  live KB per circuit against the driver's at the same counts (0 to 30 circuits,
#                  opened just before, read 5 s after each step as the probe reads), with the ratio
#                  (faithful: within 15 %)
#   LOAD_KEEP=1    keep the run's database (and, with quick, its keys in .local/benchmarks/kept)
#   LOAD_URL       the app's address (default http://127.0.0.1:5193)
#   PG_TEST_PORT   the test cluster's port (default 54339)
#
# Limits: the driver and the app each hold a socket per circuit; the script
# raises the open-file limit to its hard limit and stops when that is under
# the largest count plus 1,000 (5,000 circuits need about 5,100 descriptors on
# each side; the local port range gives 28,000). Kestrel limits neither
# connections nor upgraded (WebSocket) connections by default, and the
# driver ends each circuit with _blazor/disconnect, so no disconnected circuit
# is retained. The driver keeps each circuit's element tree only (no texts)
# and starts with 64 thread-pool threads ready.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
say() { printf '==> %s\n' "$*"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${LOAD_FULL:-0}" = "1" ]; then
    : "${LOAD_CIRCUITS_INBOX:=100,1000,5000}" "${LOAD_VOLUME:=quick}" "${LOAD_CHROMIUM:=1}" "${LOAD_RAMP_PAGES:=inbox}"
    export LOAD_CHROMIUM
fi
circuits="${LOAD_CIRCUITS:-100,1000}"
volume="${LOAD_VOLUME:-demo}"
circuits_of() {
    local name="LOAD_CIRCUITS_$(echo "$1" | tr '[:lower:]' '[:upper:]')"
    echo "${!name:-$circuits}"
}
largest=$(for page in ${LOAD_PAGES:-inbox workspace case referral}; do circuits_of "$page" | tr ',' '\n'; done | sort -n | tail -n 1)
pages="${LOAD_PAGES:-inbox workspace case referral}"
url="${LOAD_URL:-http://127.0.0.1:5193}"
case ",$circuits,$(circuits_of inbox)," in *,1000,*) ramp_default=1000 ;; *) ramp_default="" ;; esac
ramp_at="${LOAD_RAMP_AT-$ramp_default}"

started=$(date +%s)
# A socket per circuit, on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( largest + 1000 )) ]; then
    echo "load.sh: $largest circuits need $(( largest + 1000 )) open files; the limit is $(ulimit -n) (raise the hard limit: ulimit -Hn)" >&2
    exit 1
fi

bash scripts/pg.sh start test
port="$(bash scripts/pg.sh port test)"
psql_admin() { psql -h 127.0.0.1 -p "$port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -tAc "$1"; }
kept_dir=.local/benchmarks/kept
kept_json=""
if [ -n "${LOAD_DATABASE:-}" ]; then
    db="$LOAD_DATABASE"
    kept_json="$kept_dir/$db.json"
    [ -s "$kept_json" ] || { echo "load.sh: LOAD_DATABASE=$db: $kept_json is missing" >&2; exit 1; }
    volume="kept $db"
elif [ "$volume" = quick ]; then
    say "seeding the benchmark's quick volume (BENCH_SEED_ONLY=1)"
    dotnet build tests/CooperationModel.Benchmarks -c Release --nologo -v q
    seeded="$(BENCH_SEED_ONLY=1 BENCH_SCALE=quick BENCH_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
        dotnet run --project tests/CooperationModel.Benchmarks -c Release --no-build | tee /dev/stderr)"
    db="$(printf '%s\n' "$seeded" | sed -n 's/^==> BENCH_SEED_ONLY=1: kept database \([A-Za-z0-9_]*\);.*/\1/p')"
    [ -n "$db" ] || { echo "load.sh: the benchmark did not say which database it kept" >&2; exit 1; }
    kept_json="$kept_dir/$db.json"
elif [ "$volume" = demo ]; then
    db="cm_load_$(date +%s)"
    psql_admin "CREATE DATABASE \"$db\" OWNER cooperationmodel_owner" >/dev/null
else
    echo "load.sh: LOAD_VOLUME=$volume: demo or quick" >&2
    exit 1
fi
kept_key() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$kept_json" "$1"; }

out=test-output/load
mkdir -p "$out"
report="$out/$(date -u +%Y-%m-%dT%H%M).md"
{
    echo "# make load, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "volume $volume; circuits $(for page in $pages; do printf '%s %s; ' "$page" "$(circuits_of "$page")"; done)pages $pages, think ${LOAD_THINK:-30} s, events ${LOAD_EVENTS_FOR:-60} s, idle ${LOAD_IDLE_FOR:-10} s, ramp at ${ramp_at:-none} (${LOAD_RAMP_FOR:-20} s a step)"
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
    if [ -n "$kept_json" ]; then
        # The keys the volume was written with (the benchmark's test keys of a throw-away database).
        export Encryption__KeyEncryptionKey="$(kept_key KeyEncryptionKey)"
        export Encryption__IdentityCodeHashKey="$(kept_key IdentityCodeHashKey)"
    else
        export Encryption__KeyEncryptionKey="$(cat "$keys/key-encryption-key")"
        export Encryption__IdentityCodeHashKey="$(cat "$keys/identity-code-hash-key")"
    fi
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
    if [ "${LOAD_KEEP:-0}" != "1" ] && [ -z "${LOAD_DATABASE:-}" ]; then
        psql_admin "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true
        [ -z "$kept_json" ] || rm -f "$kept_json"
    fi
}
trap cleanup EXIT

for _ in $(seq 1 120); do
    curl -fsS "$url/_load/gc" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$out/app.log" >&2; exit 1; }
    sleep 1
done

# The demo referral and its case (the handler's own; with a volume, the oldest the demo handler sent): the case page
# shows the handler its case, the referral page the worker an open referral with its return form.
demo="$(psql_admin "SELECT r.id || ' ' || r.case_id FROM referrals r JOIN \"AspNetUsers\" u ON u.id = r.sent_by_user_id WHERE u.email = 'kasittelija.etela@demo.test' ORDER BY r.sent_at DESC LIMIT 1" "$db")"
referral_id="${demo%% *}"
case_id="${demo##* }"
log="$out/driver.log"
: > "$log"
paging=""
[ "$volume" = demo ] || paging="--paging"
for page in $pages; do
    page_circuits="$(circuits_of "$page")"
    page_ramp=""
    case " ${LOAD_RAMP_PAGES:-$pages} " in
        *" $page "*) case ",$page_circuits," in *",$ramp_at,"*) page_ramp="$ramp_at" ;; esac ;;
    esac
    say "page $page: $page_circuits circuits ($(( $(date +%s) - started )) s so far)"
    dotnet run --project tests/CooperationModel.LoadDriver -c Release --no-build -- \
        --url "$url" --circuits "$page_circuits" --page "$page" --case-id "$case_id" --referral-id "$referral_id" $paging \
        --think "${LOAD_THINK:-30}" --events-for "${LOAD_EVENTS_FOR:-60}" --idle-for "${LOAD_IDLE_FOR:-10}" \
        ${page_ramp:+--ramp-at "$page_ramp"} --ramp-for "${LOAD_RAMP_FOR:-20}" \
        --open-parallel "${LOAD_OPEN_PARALLEL:-16}" --report "$report" | tee -a "$log"
done

if [ "${LOAD_CHROMIUM:-0}" = "1" ]; then
    # Closed circuits are torn down after they close: a reading taken meanwhile (the probe's N=0 right after the
    # driver's last circuits) would be high and bend the fit. Each side starts once the live heap holds still.
    settle_server() {
        local last=0 now
        for _ in $(seq 1 24); do
            sleep 5
            now="$(curl -fsS "$url/_load/gc" | sed -n 's/.*"totalMemoryBytes":\([0-9]*\).*/\1/p')"
            [ -n "$now" ] && [ "$last" -gt 0 ] && [ $(( now > last ? now - last : last - now )) -lt 1048576 ] && return 0
            last="${now:-0}"
        done
    }
    settle_server
    # The driver at the probe's counts first (its own fit over 0 to 30 circuits), so both are read alike.
    say "the inbox over the driver at Chromium's counts (0 to 30 circuits)"
    dotnet run --project tests/CooperationModel.LoadDriver -c Release --no-build -- \
        --url "$url" --circuits 30 --steps 3 --settle 5 --page inbox --case-id "$case_id" --referral-id "$referral_id" $paging \
        --think "${LOAD_THINK:-30}" --events-for 1 --idle-for 1 --ramp-for 1 \
        --open-parallel "${LOAD_OPEN_PARALLEL:-16}" --report "$report" | tee "$out/faithful.log"
    settle_server
    say "the inbox in Chromium (0, 10, 20, 30 pages)"
    probe="$(dotnet tests/CooperationModel.CircuitMemory/bin/Release/net10.0/CooperationModel.CircuitMemory.dll "$url" inbox | tee -a "$log" | sed -n 's/^RESULT inbox: \([0-9-]*\) KB per circuit.*/\1/p')"
    driver="$(sed -n 's/^RESULT inbox [0-9]*: heap [0-9-]* KB, live \([0-9-]*\) KB per circuit/\1/p' "$out/faithful.log" | head -n 1)"
    {
        echo
        if [ -n "$probe" ] && [ -n "$driver" ] && [ "$probe" != "0" ]; then
            echo "faithful: inbox live heap per circuit, driver $driver KB against Chromium $probe KB: ratio $(awk -v d="$driver" -v p="$probe" 'BEGIN { printf "%.2f", d / p }') (within 15 %: 0.85-1.15)"
            # The same over 10 to 30 only (the heap at each side's 10 and 30): the first step also pays what is still
            # being torn down and one-time costs, so this is the fairer pair (docs/performance.md, "Circuit memory").
            d10="$(sed -n 's/^10 circuits: heap \([0-9]*\) KB.*/\1/p' "$out/faithful.log" | head -n 1)"
            d30="$(sed -n 's/^30 circuits: heap \([0-9]*\) KB.*/\1/p' "$out/faithful.log" | head -n 1)"
            p10="$(sed -n 's/^N= *10 .*heap= *\([0-9]*\) KB.*/\1/p' "$log" | tail -n 1)"
            p30="$(sed -n 's/^N= *30 .*heap= *\([0-9]*\) KB.*/\1/p' "$log" | tail -n 1)"
            if [ -n "$d10" ] && [ -n "$d30" ] && [ -n "$p10" ] && [ -n "$p30" ]; then
                awk -v d10="$d10" -v d30="$d30" -v p10="$p10" -v p30="$p30" 'BEGIN {
                    d = (d30 - d10) / 20; p = (p30 - p10) / 20
                    printf "faithful over 10-30 circuits: heap per circuit, driver %.0f KB against Chromium %.0f KB: ratio %.2f\n", d, p, d / p }'
            fi
        else
            echo "faithful: no comparison (driver '$driver' KB, Chromium '$probe' KB; see $log)"
        fi
    } >> "$report"
fi

echo >> "$report"
echo "total time: $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s" >> "$report"
say "report: $report"
cat "$report"
