#!/usr/bin/env bash
# scripts/bench.sh - the benchmark at national volume ("make bench"; docs/development.md, "Benchmark").
#
#   1. scripts/setup.sh --no-chromium   apt packages if missing, dotnet tool restore
#   2. scripts/pg.sh start test         the test cluster, as make test starts it
#                                       (skipped when BENCH_CONNECTION is given)
#   3. dotnet build -c Release          the harness, tests/CooperationModel.Benchmarks
#   4. runs it: a database of its own on that server, the app's own start-up
#      (migrations, reference data, demo users), national volume by binary COPY,
#      VACUUM ANALYZE, then the use cases timed, each against its SQL floor (hand-written
#      or replayed SQL over Npgsql, as the app role under RLS and as the owner), then
#      referral creation (SendReferral against raw INSERTs); prints tables, writes
#      test-output/benchmarks/<date>.md and drops the database (docs/performance.md).
#
# Knobs (see tests/CooperationModel.Benchmarks/BenchmarkOptions.cs):
#   BENCH_SCALE        national (default here), quick, tenyears (1.3 M referrals, ~5 M cases, ten years
#                      of access log; ~35 min to seed on 2 cores), tenyears-quick, or referrals a year
#   BENCH_SENDS        referrals sent through the app, and as many raw (200)
#   BENCH_REPETITIONS  timed calls per use case (30)    BENCH_WARMUP  calls first (5)
#   BENCH_CONNECTION   admin connection to another server (then no cluster is started)
#   BENCH_KEEP=1       keep the database afterwards     SKIP_SETUP=1  skip scripts/setup.sh
#   BENCH_SEED_ONLY=1  seed and keep, time nothing      BENCH_DATABASE=NAME  time a kept database again, no seeding
# National volume takes about 10 minutes on a 2-core machine and a couple of GB on disk while it runs.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"

say() { printf '==> %s\n' "$*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off
exec </dev/null

if [ "${SKIP_SETUP:-0}" != "1" ]; then
    bash scripts/setup.sh --no-chromium
fi
if [ -z "${BENCH_CONNECTION:-}" ]; then
    bash scripts/pg.sh start test
    BENCH_CONNECTION="Host=127.0.0.1;Port=$(bash scripts/pg.sh port test);Username=postgres;Database=postgres"
fi
export BENCH_CONNECTION
export BENCH_SCALE="${BENCH_SCALE:-national}"

say "dotnet build tests/CooperationModel.Benchmarks -c Release"
dotnet build tests/CooperationModel.Benchmarks -c Release --nologo -v quiet
say "benchmark, ${BENCH_DATABASE:+the kept database $BENCH_DATABASE, not seeded again}${BENCH_DATABASE:-scale $BENCH_SCALE}"
exec dotnet run --no-build -c Release --project tests/CooperationModel.Benchmarks
