#!/usr/bin/env bash
# Runs Approvals on this machine: installs Azurite if needed, starts it unless one already listens on its ports,
# then starts the server on a loopback address and prints its URL. Extra arguments go to the server (e.g. --demo).
# The server runs the dossiers' clocks on the Durable Task Framework, which needs the queue service (10001) too.
set -euo pipefail
cd "$(dirname "$0")"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! listening 10002 || ! listening 10001 || ! listening 10000; then
  if [ ! -x node_modules/.bin/azurite ]; then
    echo "Installing Azurite (npm ci)…"
    npm ci --no-audit --no-fund
  fi
  mkdir -p .azurite
  node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location .azurite --skipApiVersionCheck --disableTelemetry --silent --loose &
  azurite_pid=$!
  trap 'kill "$azurite_pid" 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 60); do
    listening 10000 && listening 10001 && listening 10002 && break
    sleep 0.5
  done
  listening 10002 || { echo "Azurite did not start (ports 10000-10002)." >&2; exit 1; }
  echo "Azurite is running (data in .azurite/)."
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dotnet run --project src/Approvals.Server -c Release -- --urls "${APPROVALS_URL:-http://127.0.0.1:5080}" "$@"
