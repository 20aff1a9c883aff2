#!/usr/bin/env bash
# Regenerates docs/images/dossier-page.png and docs/images/dossier-sub-2022-0001.json from the real demo: a fresh
# Azurite on its own ports, the server started with --demo (as ./run.sh --demo does, Development environment), the
# development sign-in, then dossier SUB-2022-0001 in headless Chromium (full page, 1280 px wide) and its API view.
# Usage: docs/images/dossier-page.sh   (ports: APPROVALS_SHOT_PORT, default 5180; Azurite 10110-10112)
set -euo pipefail
cd "$(dirname "$0")/../.."

port="${APPROVALS_SHOT_PORT:-5180}"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

node_modules/.bin/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort 10110 --queuePort 10111 --tablePort 10112 --location "$work/azurite" \
  --skipApiVersionCheck --disableTelemetry --silent --loose &
pids+=($!)

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="  # Azurite's well-known development key
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:10110/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10111/devstoreaccount1;TableEndpoint=http://127.0.0.1:10112/devstoreaccount1;"
export Mail__PickupFolder="$work/mail"
export ASPNETCORE_ENVIRONMENT=Development
dotnet build src/Approvals.Server -c Release -v quiet -nologo
dotnet run --no-build --project src/Approvals.Server -c Release -- --urls "http://127.0.0.1:$port" --demo > "$work/server.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" > /dev/null || { cat "$work/server.log" >&2; exit 1; }

node --experimental-websocket docs/images/dossier-page.mjs "http://127.0.0.1:$port" docs/images/dossier-page.png docs/images/dossier-sub-2022-0001.json
