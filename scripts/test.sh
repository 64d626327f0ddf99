#!/usr/bin/env bash
# scripts/test.sh - set up, build and run every test project ("make test",
# also what CI runs through .ci/run).
#
#   1. scripts/setup.sh --chromium   apt packages if missing, dotnet tool restore
#   2. scripts/pg.sh start test      private cluster on 127.0.0.1:54339, data in
#                                    .local/pg/test (never the demo database;
#                                    left running, next start is a no-op)
#   3. dotnet restore + dotnet build CooperationModel.sln -c Debug (stops here
#      on a build error)
#   4. dotnet test --no-build for each tests/*/*.csproj separately, each writing
#      test-output/results/<project>.trx; goes on when one project fails
#      (a project with <IsTestProject>false</IsTestProject>, the benchmark
#      harness, is listed but not run)
#   5. sums the <Counters> of every TRX and prints, as the very last line:
#        N passed, N failed, N skipped
#      failed = failed + error + timeout + aborted counters, plus 1 for each
#      project whose "dotnet test" exited non-zero without any failed test in
#      its TRX (e.g. a crashed test host or no TRX at all); skipped = results
#      with outcome NotExecuted.
#
# Exit code: 0 only when nothing failed and at least one test passed.
#
# Environment passed to the tests:
#   COOPERATIONMODEL_TEST_CONNECTION  Host=127.0.0.1;Port=54339;Username=postgres;Database=postgres
#                                     (tests create and drop their own databases)
#   CHROMIUM_PATH                     /usr/bin/chromium
#   TEST_OUTPUT_DIR                   <repo>/test-output (screenshots etc.)
# Knobs:
#   SKIP_SETUP=1         skip scripts/setup.sh
#   TEST_HANG_TIMEOUT    per-project hang limit for dotnet test --blame-hang-timeout (default 20m)
# test-output/ is emptied at the start of each run. Works with CI=true and no stdin.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"

say() { printf '==> %s\n' "$*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off   # plain, log-friendly build output
exec </dev/null                    # nothing below may wait for input

t0=$SECONDS

# ---------------------------------------------------------------------------
# 1-2. Machine set-up and the test database
# ---------------------------------------------------------------------------
if [ "${SKIP_SETUP:-0}" != "1" ]; then
    bash scripts/setup.sh --chromium
fi
bash scripts/pg.sh start test
db_port="$(bash scripts/pg.sh port test)"   # 54339 unless that port was busy

export COOPERATIONMODEL_TEST_CONNECTION="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=postgres"
export CHROMIUM_PATH=/usr/bin/chromium
export TEST_OUTPUT_DIR="$REPO/test-output"

results="$TEST_OUTPUT_DIR/results"
rm -rf "$TEST_OUTPUT_DIR"
mkdir -p "$results"

# ---------------------------------------------------------------------------
# 3. Restore and build once
# ---------------------------------------------------------------------------
say "dotnet restore"
if ! dotnet restore CooperationModel.sln --nologo; then
    echo "==> RESTORE FAILED (see the errors above)" >&2
    exit 1
fi
say "dotnet build CooperationModel.sln -c Debug"
if ! dotnet build CooperationModel.sln -c Debug --no-restore --nologo; then
    echo "==> BUILD FAILED: fix the compile errors above; no tests were run" >&2
    exit 1
fi

# ---------------------------------------------------------------------------
# 4. One dotnet test per project, keep going on failure
# ---------------------------------------------------------------------------
# Read one attribute (e.g. passed="3") from a TRX <Counters .../> element.
counter() {  # counter NAME FILE -> number (0 when absent)
    local v
    v="$(grep -o '<Counters [^>]*>' "$2" 2>/dev/null | head -n1 \
        | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" || true)"
    echo "${v:-0}"
}

# Print "passed failed skipped" for one TRX file.
#   failed  = failed + error + timeout + aborted counters
#   skipped = results with outcome NotExecuted (VSTest leaves the notExecuted
#             counter at 0 for xunit's [Fact(Skip=...)], so count them directly)
trx_counts() {  # trx_counts FILE
    local p f s n
    p=$(counter passed "$1")
    f=$(( $(counter failed "$1") + $(counter error "$1") \
        + $(counter timeout "$1") + $(counter aborted "$1") ))
    s=$(counter notExecuted "$1")
    n=$( (grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$1" || true) | wc -l)
    [ "$n" -gt "$s" ] && s=$n
    echo "$p $f $s"
}

shopt -s nullglob
projects=(tests/*/*.csproj)
total_passed=0 total_failed=0 total_skipped=0
summary=()

for proj in "${projects[@]}"; do
    name="$(basename "$proj" .csproj)"
    # A tool under tests/ that is not a test project (the benchmark harness) says so in its csproj.
    if grep -q '<IsTestProject>false</IsTestProject>' "$proj"; then
        summary+=("$(printf '  %-40s not a test project, not run' "$name")")
        continue
    fi
    trx="$results/$name.trx"
    say "dotnet test $name"
    t1=$SECONDS
    rc=0
    dotnet test "$proj" --no-build -c Debug --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout "${TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none \
        || rc=$?

    p=0 f=0 s=0 note=""
    if [ -f "$trx" ]; then
        read -r p f s < <(trx_counts "$trx")
    else
        note=" (no TRX written)"
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        note="$note (dotnet test exited $rc: counted as 1 failed)"
    fi
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    total_skipped=$((total_skipped + s))
    summary+=("$(printf '  %-40s %4d passed, %4d failed, %4d skipped  %4d s%s' \
        "$name" "$p" "$f" "$s" "$((SECONDS - t1))" "$note")")
done

# ---------------------------------------------------------------------------
# 5. Summary; the last line is the one CI reads
# ---------------------------------------------------------------------------
echo
say "test results (TRX files in ${results#"$REPO"/})"
[ "${#projects[@]}" -gt 0 ] || echo "  no test projects found under tests/"
for line in "${summary[@]}"; do echo "$line"; done
echo "  wall time: $((SECONDS - t0)) s"
[ "$total_passed" -gt 0 ] || echo "  no test passed: treating the run as failed"
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"

if [ "$total_failed" -eq 0 ] && [ "$total_passed" -gt 0 ]; then
    exit 0
fi
exit 1
