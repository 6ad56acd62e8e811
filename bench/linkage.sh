#!/usr/bin/env bash
# Linkage accuracy and speed through the real path (import -> link -> export clusters -> evaluate):
#   FEBRL4 (two files, 5,000 + 5,000 records), FEBRL3 (one file, 5,000 records, clusters up to 6),
#   and the project's own generator: five lists in four scripts/encodings over one fictional population.
# Prints precision, recall and F1 on pairs, seconds of the link command and its peak memory.
# Usage: bench/linkage.sh [generated-records]   (default 1,000,000; e.g. 100000 for a quick run)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${NOMINA_REFERENCE_DATA:-../shared/data}"
OUT=bench/out/linkage
RECORDS="${1:-1000000}"
rm -rf "$OUT" && mkdir -p "$OUT"
NOMINA="${NOMINA:-./nomina}"   # e.g. NOMINA="java -jar /tmp/x.jar": a jar built already (./nomina rebuilds when sources change)
$NOMINA --version >/dev/null
# The launcher's own heap choice (no NOMINA_JAVA_OPTS), as a user gets it: the figures are for that.

timed() { # label, output file, then the command; prints seconds and peak RSS of the JVM
  local label="$1"; shift
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$out"
  read -r secs rss < "$OUT/time.txt"
  printf '  %-28s %8.2f s   peak RSS %6.0f MB\n' "$label" "$secs" "$((rss / 1024))"
}

febrl_truth() { # rec-N-org / rec-N-dup-K: same N, same person
  awk -F', *' -v src="$2" 'NR > 1 { split($1, p, "-"); print src "," $1 "," p[2] }' "$1"
}

evaluate() {
  $NOMINA --db "$1" export clusters --format csv --out "$OUT/clusters.csv" 2>/dev/null
  $NOMINA evaluate --clusters "$OUT/clusters.csv" --truth "$2" | sed 's/^/  /'
}

echo "FEBRL4: dataset4a + dataset4b (unsupervised, defaults plus FEBRL's columns)"
DB="jdbc:h2:file:$PWD/$OUT/febrl4/db"
$NOMINA --db "$DB" import "$DATA/febrl/dataset4a.csv" --source A --mapping bench/febrl/mapping.yaml >/dev/null
$NOMINA --db "$DB" import "$DATA/febrl/dataset4b.csv" --source B --mapping bench/febrl/mapping.yaml >/dev/null
{ echo "source,record_id,entity"; febrl_truth "$DATA/febrl/dataset4a.csv" A; febrl_truth "$DATA/febrl/dataset4b.csv" B; } > "$OUT/febrl4-truth.csv"
timed "link" "$OUT/febrl4-link.json" $NOMINA --db "$DB" link --config bench/febrl/config.yaml --json
evaluate "$DB" "$OUT/febrl4-truth.csv"

echo "FEBRL3: dataset3 (deduplication of one file)"
DB="jdbc:h2:file:$PWD/$OUT/febrl3/db"
$NOMINA --db "$DB" import "$DATA/febrl/dataset3.csv" --source F3 --mapping bench/febrl/mapping.yaml >/dev/null
{ echo "source,record_id,entity"; febrl_truth "$DATA/febrl/dataset3.csv" F3; } > "$OUT/febrl3-truth.csv"
timed "link" "$OUT/febrl3-link.json" $NOMINA --db "$DB" link --config bench/febrl/config.yaml --json
evaluate "$DB" "$OUT/febrl3-truth.csv"

PEOPLE=$(( RECORDS * 100 / 190 ))
echo "Generated: five lists over $PEOPLE fictional people (about $RECORDS records)"
$NOMINA generate "$OUT/gen" --people "$PEOPLE" --lists 5 --no-xlsx > "$OUT/generate.txt"
DB="jdbc:h2:file:$PWD/$OUT/gen/db"
$NOMINA --db "$DB" import "$OUT/gen/lists/hospital_register.csv" --source "Hospital register" --mapping "$OUT/gen/mappings/hospital_register.yaml" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/families_committee.csv" --source "Committee of families" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/ngo_testimonies.csv" --source "NGO testimonies" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/ministry_list.tsv" --source "Ministry list" --mapping "$OUT/gen/mappings/ministry_list.yaml" >/dev/null
$NOMINA --db "$DB" import "$OUT/gen/lists/press_reports.csv" --source "Press reports" >/dev/null
timed "link" "$OUT/gen-link.json" $NOMINA --db "$DB" link --json
grep -A8 '"stage_millis"' "$OUT/gen-link.json" | tr -d '\n ' | sed 's/^/  stages (ms): /'; echo
evaluate "$DB" "$OUT/gen/truth.csv"
