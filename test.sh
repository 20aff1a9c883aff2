#!/usr/bin/env bash
# Runs every test of Approvals on a fresh machine: installs what the tests need (Azurite, an OpenID provider and axe-core from npm, Debian's
# Chromium, NuGet packages through the restore), then the pages' script checks and `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-test-tools.sh

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
