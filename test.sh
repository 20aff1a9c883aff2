#!/usr/bin/env bash
# Runs every test of Approvals on a fresh machine: installs what the tests need (Azurite, an OpenID provider and axe-core from npm, Debian's
# Chromium, NuGet packages through the restore), then the pages' script checks and `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

# Azurite (storage emulator), oidc-provider (the OpenID provider the sign-in tests start), axe-core (accessibility).
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

log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
node --test src/Approvals.Server/wwwroot/js/ | tee -a "$log" || status=$?
dotnet test Approvals.sln "$@" | tee -a "$log" || status=$?

# One closing line over both runners: "# pass N" / "# fail N" (node) and "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N" (dotnet).
awk '
  /^# pass / { passed += $3 } /^# fail / { failed += $3 } /^# skipped / { skipped += $3 }
  /(Passed|Failed)! +- Failed: / { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") failed += $(i+1); if ($i == "Passed:") passed += $(i+1); if ($i == "Skipped:") skipped += $(i+1) } }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
