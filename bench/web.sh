#!/usr/bin/env bash
# The web application's speed on a generated register: p50/p95/p99 of the register's search and of the
# person page, the public memorial's search and the public API (search and person) at 16 concurrent clients on
# loopback (target: p95 <= 50 ms each on 1,000,000 persons).
# Builds the register through the real path (generate -> import four lists -> link -> serve), signs in as a
# viewer (every person page view is then masked and audited, as in use) and runs bench/WebLoad.java.
# Usage: bench/web.sh [--reuse] [PEOPLE] [CLIENTS]   (default 1,170,000 fictional people, about 1,000,000 persons
#        (50,000 people gave 42,854); e.g. 50000 for a quick run)
# --reuse serves the register built by an earlier run (bench/out/web/PEOPLE, kept there) instead of building it
# again: the build at a million takes minutes and ~3 GB of heap, the measurement seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
REUSE=false
if [ "${1:-}" = "--reuse" ]; then REUSE=true; shift; fi
PEOPLE="${1:-1170000}"
CLIENTS="${2:-16}"
OUT="bench/out/web/$PEOPLE"
PORT="${NOMINA_BENCH_PORT:-7399}"
NOMINA="${NOMINA:-./nomina}"   # e.g. NOMINA="java -jar nomina-app/target/nomina.jar" to run a jar built already
$NOMINA --version >/dev/null
export NOMINA_JAVA_OPTS="${NOMINA_JAVA_OPTS:--Xmx6g}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
DB="jdbc:h2:file:$PWD/$OUT/db/nomina"

if $REUSE; then
  [ -f "$OUT/built" ] || { echo "bench/web.sh: no register built for $PEOPLE people in $OUT: run bench/web.sh $PEOPLE first" >&2; exit 2; }
  echo "Reusing the register built in $OUT …"
else
rm -rf "$OUT" && mkdir -p "$OUT"
echo "Generating $PEOPLE fictional people in four lists …"
$NOMINA generate "$OUT/gen" --people "$PEOPLE" --lists 4 --no-xlsx > "$OUT/generate.txt"
$NOMINA --db "$DB" import "$OUT/gen/lists/hospital_register.csv" --source "Hospital register" --mapping "$OUT/gen/mappings/hospital_register.yaml" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/families_committee.csv" --source "Committee of families" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/ngo_testimonies.csv" --source "NGO testimonies" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/ministry_list.tsv" --source "Ministry list" --mapping "$OUT/gen/mappings/ministry_list.yaml" >/dev/null
echo "Linking …"
$NOMINA --db "$DB" link --json > "$OUT/link.json"
# The viewer's password stays beside the register (bench/out is not committed) so that --reuse can sign in.
( umask 077; printf 'bench-%s\n' "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" > "$OUT/password" )
$NOMINA --db "$DB" user add bench-viewer --role viewer --password-stdin < "$OUT/password" >/dev/null
touch "$OUT/built"
fi
PERSONS=$(grep -o '"persons" *: *[0-9]*' "$OUT/link.json" | head -1 | grep -o '[0-9]*$')
PASSWORD="$(cat "$OUT/password")"
rm -f "$OUT/serve.txt" "$OUT/serve.err"
echo "Serving $PERSONS persons on port $PORT (the index is built on start) …"
$NOMINA --db "$DB" serve --port "$PORT" > "$OUT/serve.txt" 2> "$OUT/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 3600); do   # at a million persons the index is built on the first start: minutes
  grep -q "Nomina serves" "$OUT/serve.txt" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/serve.err"; exit 1; }
  sleep 1
done
echo "Register of $PERSONS persons, $CLIENTS concurrent clients on loopback:"
NOMINA_BENCH_SERVER_PID="$SERVER" NOMINA_BENCH_PASSWORD="$PASSWORD" "$JAVA" bench/WebLoad.java "http://127.0.0.1:$PORT" bench-viewer - "$CLIENTS" 4000
