#!/usr/bin/env bash
# Runs ExpoPortal with the demo event (Korea Business EXPO Andong) loaded.
#
#   ./run.sh                                   serve on http://127.0.0.1:5080
#   ./run.sh --urls http://127.0.0.1:8080      pick the address
#
# With no ConnectionStrings__Expo set, the portal starts a private PostgreSQL of its own (data kept in
# /var/lib/expoportal/postgres as root, ~/.local/share/expoportal/postgres otherwise) and stops it on Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET 10 SDK is needed (https://dotnet.microsoft.com/download)." >&2
  exit 1
fi
# Without a configured database the portal starts its own PostgreSQL: install the server when it is missing.
if [[ -z "${ConnectionStrings__Expo:-}" && -z "${PG_BIN:-}" ]] && ! command -v pg_ctl >/dev/null 2>&1; then
  source .ci/ensure-packages.sh
  ensure_packages "the portal's private PostgreSQL (or set ConnectionStrings__Expo)" "postgresql:/usr/lib/postgresql/*/bin/pg_ctl" || exit 1
fi

args=("$@")
if [[ " ${args[*]-} " != *" --urls "* && -z "${ASPNETCORE_URLS:-}" ]]; then
  args+=(--urls http://127.0.0.1:5080)
fi
exec dotnet run --project src/ExpoPortal.Web -c Release -- "${args[@]}"
