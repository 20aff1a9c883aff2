#!/usr/bin/env bash
# Installs what the tests and the benchmark drive on a fresh machine: Azurite (storage emulator), oidc-provider (the
# OpenID provider the sign-in tests start) and axe-core (accessibility) from npm, and Debian's Chromium. Used by
# ./test.sh and by .ci/run before the benchmark (its scenario 11 opens the pages in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/oidc-provider ] || [ ! -d node_modules/axe-core ]; then
  echo "Installing the test tools from npm (npm ci)…"
  npm ci --no-audit --no-fund
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package)…"
  sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
