#!/usr/bin/env bash
# Times `nomina import` of a one-million-row fictional list (design target: ≥ 100,000 rows/s into H2 on a
# 2-core machine) into a fresh H2 database and, when NOMINA_BENCH_POSTGRES_URL (or NOMINA_TEST_POSTGRES_URL)
# is set, into PostgreSQL. Prints, per database: rows, wall seconds, rows/s, CPU seconds, peak heap, max RSS.
#
# Usage: bench/import.sh            (from anywhere; builds the jar through ./nomina when it is stale)
#   NOMINA_BENCH_ROWS=200000        rows to import (default 1000000)
#   NOMINA_BENCH_DIR=/tmp/x         work directory (default /tmp/nomina-bench-import); the generated list
#                                   is kept there and reused by later runs
#   NOMINA_JAVA_OPTS=-Xmx2g         extra JVM options for the timed import (the gc log option is added)
#   NOMINA_JAR=/tmp/x.jar           run this jar (java from JAVA_HOME or the PATH, -Xmx3g as the launcher gives
#                                   on a machine with 5 GB or more, no class-data archive) instead of ./nomina,
#                                   which rebuilds a stale jar: old and new builds can then be timed back to back
#
# The list is the demo generator's hospital register (Russian names with patronymics, Windows-1251, ';',
# dd.MM.yyyy dates, a mapping file): every person in it is invented. `nomina generate` writes all four
# lists; the hospital one captures about 46% of the people, so 2.2 × ROWS people are generated and the
# list is cut to exactly ROWS data rows.
#
# What the figures measure:
#   wall s          the whole `nomina import` command: JVM start, schema check, reading, parsing, inserting,
#                   commit. rows/s = rows / wall s.
#   reported s      the "seconds" the import prints in its JSON (measured inside the transaction, so it
#                   leaves out the commit).
#   cpu s           user + system CPU of the JVM, from /usr/bin/time; less sensitive than wall time to other
#                   work on a shared machine.
#   heap peak       the largest heap occupancy G1 saw just before a collection (-Xlog:gc): what the import
#                   used including garbage not yet collected, so it depends on the heap size G1 chose.
#   heap live       the largest heap occupancy just after a collection: what the import really keeps.
#   max RSS         the JVM's peak resident memory (heap, metaspace, code, H2's page cache off-heap buffers).
# PostgreSQL: the database is not emptied (this script deletes nothing it did not make); each run imports
# into a new source named with the time, so the file is never "already imported".
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${NOMINA_BENCH_ROWS:-1000000}
work=${NOMINA_BENCH_DIR:-${TMPDIR:-/tmp}/nomina-bench-import}
pg_url=${NOMINA_BENCH_POSTGRES_URL:-${NOMINA_TEST_POSTGRES_URL:-}}
mkdir -p "$work"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Build first (the launcher rebuilds when sources are newer than the jar), so no build is timed.
# nomina_command OPTIONS: sets the array nomina to the command that runs nomina with these extra JVM options.
nomina_command() {
  if [[ -n "${NOMINA_JAR:-}" ]]; then
    # shellcheck disable=SC2206 # the options are a list
    nomina=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx3g $1 -jar "$NOMINA_JAR")
  else
    nomina=(env NOMINA_JAVA_OPTS="$1" ./nomina)
  fi
}
nomina_command "${NOMINA_JAVA_OPTS:-}"
"${nomina[@]}" --version >/dev/null

list="$work/hospital_register_${rows}.csv"
mapping="$work/hospital_register.yaml"
if [[ ! -s "$list" || ! -s "$mapping" ]]; then
  people=$(( rows * 22 / 10 ))
  echo "bench: generating a fictional population of $people people for a $rows-row hospital list in $work/case …" >&2
  rm -rf "$work/case"
  "${nomina[@]}" generate "$work/case" --people "$people" --no-xlsx --seed 1994 >/dev/null
  available=$(( $(wc -l < "$work/case/lists/hospital_register.csv") - 1 ))
  if (( available < rows )); then
    echo "bench: the generated hospital list has only $available rows, fewer than $rows; raise the 2.2 × ROWS population" >&2
    exit 1
  fi
  # One record per line (the generator writes no line breaks inside fields), so head cuts whole rows.
  head -n $(( rows + 1 )) "$work/case/lists/hospital_register.csv" > "$list.part"
  mv "$list.part" "$list"
  cp "$work/case/mappings/hospital_register.yaml" "$mapping"
  rm -rf "$work/case"
fi

# Prints "peak live" in MB from a unified G1 gc log ("… Pause Young (Normal) (G1 Evacuation Pause) 612M->97M(1024M) 8.1ms").
heap_from_gc_log() {
  sed -nE 's/.* ([0-9]+)M->([0-9]+)M\(([0-9]+)M\).*/\1 \2/p' "$1" \
    | awk 'BEGIN { peak = 0; live = 0 } { if ($1 > peak) peak = $1; if ($2 > live) live = $2 } END { print peak, live }'
}

json_number() { sed -nE "s/^ *\"$1\" : ([0-9.]+),?$/\1/p" "$2" | head -n 1; }

results=()
run_import() {
  local label=$1 url=$2 source=$3
  local out="$work/$label"
  rm -f "$out".*
  echo "bench: importing $rows rows into $label …" >&2
  local started ended
  started=$(date +%s.%N)
  nomina_command "${NOMINA_JAVA_OPTS:-} -Xlog:gc:file=$out.gc.log"
  if ! NOMINA_PROGRESS=0 /usr/bin/time -f '%U %S %M' -o "$out.time" \
      "${nomina[@]}" --db "$url" import "$list" --source "$source" --mapping "$mapping" --actor bench --json > "$out.json" 2> "$out.err"; then
    echo "bench: the import into $label failed:" >&2
    cat "$out.err" >&2
    exit 1
  fi
  ended=$(date +%s.%N)
  local imported already reported
  imported=$(json_number rows_imported "$out.json")
  reported=$(json_number seconds "$out.json")
  already=$(sed -nE 's/^ *"already_imported" : (true|false),?$/\1/p' "$out.json")
  if [[ "$already" != false || "$imported" -le 0 ]]; then
    echo "bench: the import into $label did not import (already_imported=$already, rows_imported=$imported); see $out.json" >&2
    exit 1
  fi
  local user sys rss peak live
  read -r user sys rss < "$out.time"
  read -r peak live < <(heap_from_gc_log "$out.gc.log")
  results+=("$(awk -v l="$label" -v r="$imported" -v s="$started" -v e="$ended" -v rep="$reported" -v u="$user" -v y="$sys" \
      -v p="$peak" -v lv="$live" -v m="$rss" 'BEGIN {
        w = e - s
        printf "%-11s %10d %8.1f %9.0f %11.1f %7.1f %8d MB %7d MB %7.0f MB", l, r, w, r / w, rep, u + y, p, lv, m / 1024 }')")
}

rm -rf "$work/h2"
run_import H2 "jdbc:h2:file:$work/h2/nomina" "Hospital register"
if [[ -n "$pg_url" ]]; then
  run_import PostgreSQL "$pg_url" "Hospital register (bench $(date -u +%Y-%m-%dT%H:%M:%SZ))"
else
  echo "bench: PostgreSQL skipped: set NOMINA_BENCH_POSTGRES_URL (or NOMINA_TEST_POSTGRES_URL) to include it" >&2
fi

echo
echo "nomina import, $(basename "$list") (Windows-1251, ';', mapping), $(nproc) cores, load average before: $load_before"
printf '%-11s %10s %8s %9s %11s %7s %11s %10s %10s\n' database rows "wall s" "rows/s" "reported s" "cpu s" "heap peak" "heap live" "max RSS"
printf '%s\n' "${results[@]}"
echo "(target: ≥ 100,000 rows/s into H2; logs, gc logs and JSON results in $work)"
