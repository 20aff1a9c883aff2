#!/usr/bin/env bash
# Runs every test of Approvals on a fresh machine: installs what the tests need (Azurite from npm, Debian's
# Chromium, NuGet packages through the restore), then the pages' script checks and `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite (npm ci)…"
  npm ci --no-audit --no-fund
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package)…"
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ -d src/Approvals.Server/wwwroot/js ]; then
  node --test src/Approvals.Server/wwwroot/js/
fi

dotnet test Approvals.sln "$@"
