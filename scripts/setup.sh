#!/usr/bin/env bash
# scripts/setup.sh - install what this repo needs on a Debian machine that has
# only the .NET SDK, then restore the repo's local .NET tools (dotnet-ef).
#
# Usage: scripts/setup.sh [--chromium | --no-chromium]
#
#   --chromium     also install Chromium (needed by the browser tests only).
#   --no-chromium  do not (default; "make run" does not need it).
#   The env var SETUP_CHROMIUM=1 is the same as --chromium.
#
# Installs with apt (the only source used; nothing is downloaded otherwise):
#   postgresql  when no /usr/lib/postgresql/*/bin/initdb exists (any version)
#   chromium    when asked for and /usr/bin/chromium is missing
#   make, git, util-linux (setpriv/runuser)   when missing
# Runs "apt-get update" first, only when something is missing. Uses sudo when
# not root. Safe to run again: it does nothing that is already done.
#
# On a fresh install of PostgreSQL it first sets create_main_cluster = false in
# /etc/postgresql-common/createcluster.conf, so apt does not create (and, with
# systemd, start) the Debian "main" cluster on 5432: we use private clusters
# (scripts/pg.sh) and never the system service.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

with_chromium="${SETUP_CHROMIUM:-0}"
for arg in "$@"; do
    case "$arg" in
        --chromium)    with_chromium=1 ;;
        --no-chromium) with_chromium=0 ;;
        -h|--help)     sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $arg (see scripts/setup.sh --help)" ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------------------
# 1. System packages (apt)
# ---------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot install packages"
    SUDO="sudo"
fi

apt_install() {
    # noninteractive + no stdin: never prompts (CI runs without a terminal).
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        -o Dpkg::Use-Pty=0 "$@" </dev/null
}

have_initdb() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

missing=()
have_initdb                              || missing+=(postgresql)
command -v make    >/dev/null 2>&1       || missing+=(make)
command -v git     >/dev/null 2>&1       || missing+=(git)
{ command -v setpriv && command -v runuser; } >/dev/null 2>&1 || missing+=(util-linux)
if [ "$with_chromium" = "1" ] && [ ! -x /usr/bin/chromium ]; then
    missing+=(chromium)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    start=$SECONDS
    say "apt-get update"
    $SUDO apt-get update -q </dev/null

    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        say "installing PostgreSQL (postgresql-common first, without the Debian 'main' cluster)"
        apt_install postgresql-common
        conf=/etc/postgresql-common/createcluster.conf
        if [ -f "$conf" ]; then
            if grep -Eq '^[#[:space:]]*create_main_cluster' "$conf"; then
                $SUDO sed -i -E 's/^[#[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$conf"
            else
                echo 'create_main_cluster = false' | $SUDO tee -a "$conf" >/dev/null
            fi
        fi
    fi
    [[ " ${missing[*]} " == *" chromium "* ]] && say "installing Chromium (about 150 MB, takes a while)"
    say "installing: ${missing[*]}"
    apt_install "${missing[@]}"
    have_initdb || die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"
    say "apt step done in $((SECONDS - start)) s"
fi

# ---------------------------------------------------------------------------
# 2. .NET SDK and local tools
# ---------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 \
    || die "the .NET SDK is not installed (it is not in Debian's archive; install .NET 10 SDK, see global.json)"

say "restoring .NET local tools (dotnet-ef)"
if ! out="$(dotnet tool restore 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "dotnet tool restore failed"
fi
