#!/usr/bin/env bash
# Backs up and restores the portal's PostgreSQL database (pg_dump's custom format, restored with pg_restore).
#
#   scripts/db.sh backup [FILE]              dump the database to FILE (default backups/expoportal-YYYYmmdd-HHMMSS.dump)
#   scripts/db.sh restore FILE [DATABASE]    restore FILE into DATABASE, a new database on the same server
#                                            (default expoportal_restored; an existing one is refused, never overwritten)
#
# Which database: ConnectionStrings__Expo when set (the portal's own setting, Npgsql form
# "Host=...;Port=...;Database=...;Username=...;Password=..."), else the private cluster of ./run.sh
# (LocalPostgres__DataDirectory, default /var/lib/expoportal/postgres as root, ~/.local/share/expoportal/postgres
# otherwise; database LocalPostgres__Database, default expoportal), started for the command if it is not running.
# The binaries: PG_BIN, else the newest /usr/lib/postgresql/N/bin.
#
# To serve a restored database: ConnectionStrings__Expo="...;Database=expoportal_restored" ./run.sh
# (or LocalPostgres__Database=expoportal_restored ./run.sh for the private cluster).
# The data-protection keys are in the dump, encrypted with the certificate beside the data folder
# (data-protection.pfx) or the one DataProtection__CertificatePath names: keep that file with the backups, or
# every sign-in is asked again after a restore (nothing else is lost).
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 1 ]] || usage
command_name="$1"; shift

bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "$bin" || ! -x "$bin/pg_dump" ]]; then
  echo "db.sh: pg_dump not found; install PostgreSQL (Debian: apt-get install -y postgresql) or set PG_BIN." >&2
  exit 1
fi

started_here=""
data_dir=""
as_postgres=()
stop_private() {
  if [[ -n "$started_here" ]]; then
    (cd /tmp && "${as_postgres[@]}" "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null) || true
  fi
}
trap stop_private EXIT

if [[ -n "${ConnectionStrings__Expo:-}" ]]; then
  # The Npgsql connection string, as libpq's environment.
  IFS=';' read -ra parts <<< "$ConnectionStrings__Expo"
  for part in "${parts[@]}"; do
    [[ "$part" == *=* ]] || continue
    key="$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|initialcatalog|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
      sslmode) export PGSSLMODE="$(echo "$value" | tr '[:upper:]' '[:lower:]')" ;;
    esac
  done
else
  if [[ "$(id -un)" == root ]]; then
    data_dir="${LocalPostgres__DataDirectory:-/var/lib/expoportal/postgres}"
    as_postgres=(runuser -u postgres --)
  else
    data_dir="${LocalPostgres__DataDirectory:-$HOME/.local/share/expoportal/postgres}"
  fi
  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    echo "db.sh: no private cluster in $data_dir (run ./run.sh once, or set ConnectionStrings__Expo)." >&2
    exit 1
  fi
  if ! (cd /tmp && "${as_postgres[@]}" "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1); then
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    (cd /tmp && "${as_postgres[@]}" "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null)
    started_here=1
  fi
  # The port of the running server is the fourth line of postmaster.pid.
  export PGHOST=127.0.0.1 PGUSER=postgres
  PGPORT="$(sed -n 4p "$data_dir/postmaster.pid")"; export PGPORT
  export PGDATABASE="${LocalPostgres__Database:-expoportal}"
fi

case "$command_name" in
  backup)
    file="${1:-backups/expoportal-$(date -u +%Y%m%d-%H%M%S).dump}"
    mkdir -p "$(dirname "$file")"
    "$bin/pg_dump" --format=custom --no-owner --no-privileges --file="$file" "$PGDATABASE"
    echo "db.sh: $PGDATABASE on $PGHOST:${PGPORT:-5432} dumped to $file ($(du -h "$file" | cut -f1))"
    ;;
  restore)
    [[ $# -ge 1 ]] || usage
    file="$1"
    target="${2:-expoportal_restored}"
    [[ -f "$file" ]] || { echo "db.sh: no dump at $file" >&2; exit 1; }
    [[ "$target" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "db.sh: '$target' is not a plain database name" >&2; exit 1; }
    if [[ "$("$bin/psql" -d postgres -XtAc "SELECT 1 FROM pg_database WHERE datname = '$target'")" == 1 ]]; then
      echo "db.sh: database $target exists; restore into a new name (nothing was changed)." >&2
      exit 1
    fi
    "$bin/createdb" --template=template0 --encoding=UTF8 "$target"
    "$bin/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
    "$bin/psql" -d "$target" -XqAc "ANALYZE" >/dev/null
    echo "db.sh: $file restored into the new database $target on $PGHOST:${PGPORT:-5432}"
    ;;
  *) usage ;;
esac
