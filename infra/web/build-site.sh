#!/bin/sh
# Assembles what the Static Web App serves into infra/web/site: the intranet pages of the server and the
# Static Web App's routing and sign-in configuration, with the authority's tenant id filled in.
# azd runs it before packaging the `web` service, with the azd environment (ENTRA_TENANT_ID) exported.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
pages="$here/../../src/Approvals.Server/wwwroot"
site="$here/site"
tenant="${ENTRA_TENANT_ID:-}"

if [ -z "$tenant" ]; then
  echo "ENTRA_TENANT_ID is not set: run 'azd provision' first, or 'azd env set ENTRA_TENANT_ID <tenant id>'." >&2
  exit 1
fi
if [ ! -d "$pages" ]; then
  echo "No intranet pages at $pages." >&2
  exit 1
fi

rm -rf "$site"
mkdir -p "$site"
cp -R "$pages/." "$site/"
# Seed 004's demo script, the one copy of the seed: the pages' examples (js/seed.js) read it at /Demo/seed-004.json.
mkdir -p "$site/Demo"
cp "$here/../../src/Approvals.Server/Demo/seed-004.json" "$site/Demo/"
sed "s/__ENTRA_TENANT_ID__/$tenant/" "$here/staticwebapp.config.template.json" > "$site/staticwebapp.config.json"
