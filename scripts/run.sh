#!/usr/bin/env bash
# scripts/run.sh - run the app locally with a demo database ("make run").
#
#   1. scripts/setup.sh        install PostgreSQL etc. if missing (no Chromium)
#   2. scripts/pg.sh start demo  private cluster on 127.0.0.1:54329, data in
#                              .local/pg/demo (kept across runs), database
#                              "cooperationmodel"
#   3. dotnet run the web app in Development; the app applies EF migrations and
#      seeds reference + demo data itself at start-up (idempotent).
#
# Stop with Ctrl+C. The database keeps running; "make stop" stops it.
#
# Environment:
#   APP_URL     address to listen on (default http://127.0.0.1:5080)
#   SKIP_SETUP=1  skip scripts/setup.sh (apt check + dotnet tool restore)
#   DRY_RUN=1   do everything except starting the app: print the command and
#               its environment instead
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"

say() { printf '==> %s\n' "$*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ "${SKIP_SETUP:-0}" != "1" ]; then
    bash scripts/setup.sh --no-chromium
fi

bash scripts/pg.sh start demo
db_port="$(bash scripts/pg.sh port demo)"   # 54329 unless that port was busy

app_url="${APP_URL:-http://127.0.0.1:5080}"

# The app's settings, given as environment variables (they override
# appsettings*.json). --no-launch-profile below keeps Properties/launchSettings.json
# from overriding ASPNETCORE_URLS / ASPNETCORE_ENVIRONMENT.
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="$app_url"
# Two roles (docs/security.md): the app works as cooperationmodel_app, which
# row-level security holds to the signed-in user's organisation; migrations run
# as cooperationmodel_owner, the tables' owner. scripts/pg.sh made both.
export ConnectionStrings__Default="Host=127.0.0.1;Port=$db_port;Database=cooperationmodel;Username=cooperationmodel_app"
export ConnectionStrings__Owner="Host=127.0.0.1;Port=$db_port;Database=cooperationmodel;Username=cooperationmodel_owner"

# Keys from outside the database (docs/security.md): generated once for this
# checkout into the git-ignored .local/keys; production supplies its own.
keys=.local/keys
mkdir -p "$keys" && chmod 700 "$keys"
for key in key-encryption-key identity-code-hash-key; do
    [ -s "$keys/$key" ] || (umask 077 && head -c 32 /dev/urandom | base64 > "$keys/$key")
done
export Encryption__KeyEncryptionKey="$(cat "$keys/key-encryption-key")"
export Encryption__IdentityCodeHashKey="$(cat "$keys/identity-code-hash-key")"
export Database__ApplyMigrations=true
export Database__SeedDemoData=true

cmd=(dotnet run --project src/CooperationModel.Web --no-launch-profile)

# A clear hint instead of a Kestrel stack trace when the port is taken.
host_port="${app_url#*://}"; host_port="${host_port%%/*}"
if (exec 3<>"/dev/tcp/${host_port%:*}/${host_port##*:}") 2>/dev/null; then
    printf 'warning: %s is already in use (another "make run"?); set APP_URL to use another port\n' "$app_url" >&2
fi

echo
say "the app will listen on $app_url  (first start builds the app: give it a moment)"
if [ -f deploy/demo-users.txt ]; then
    say "demo sign-ins (deploy/demo-users.txt):"
    cat deploy/demo-users.txt
else
    say "demo sign-ins: see deploy/demo-users.txt (not written yet)"
fi
echo

if [ "${DRY_RUN:-0}" = "1" ]; then
    say "DRY_RUN=1, would run:"
    for v in ASPNETCORE_ENVIRONMENT ASPNETCORE_URLS ConnectionStrings__Default \
             ConnectionStrings__Owner Database__ApplyMigrations Database__SeedDemoData; do
        printf '  %s="%s"\n' "$v" "${!v}"
    done
    echo "  exec ${cmd[*]}"
    exit 0
fi

say "starting the app (Ctrl+C to stop)"
exec "${cmd[@]}"
