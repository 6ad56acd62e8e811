#!/usr/bin/env bash
# nomina report's cost on the demo's town: wall and CPU seconds and the size of the HTML and the PDF, through the real path
# (demo --no-serve: generate, import, link, read the statements as claims; then report). Prints one line per format.
# Usage: bench/report.sh [PEOPLE]   (default 3,000 residents of the fictional town)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-3000}"
OUT=bench/out/report
rm -rf "$OUT" && mkdir -p "$OUT"
NOMINA="${NOMINA:-./nomina}"   # e.g. NOMINA="java -jar nomina-app/target/nomina.jar" to run a jar built already
$NOMINA demo --dir "$OUT/demo" --people "$PEOPLE" --no-serve > "$OUT/demo.txt"
DB=$(grep -o 'The demo database is jdbc:[^ ]*' "$OUT/demo.txt" | sed 's/^The demo database is //; s/;$//')
INCIDENT="Attack on Nomkənd"
for FORMAT in html pdf; do
  /usr/bin/time -f "%e %U %S" -o "$OUT/time.$FORMAT" $NOMINA --db "$DB" report --incident "$INCIDENT" --format "$FORMAT" \
    --out "$OUT/report.$FORMAT" 2> "$OUT/report.$FORMAT.err"
  read -r WALL USER SYS < "$OUT/time.$FORMAT"
  printf 'report %-4s %s residents: %8d bytes, %6.1f s wall, %6.1f s CPU\n' "$FORMAT" "$PEOPLE" "$(stat -c %s "$OUT/report.$FORMAT")" \
    "$WALL" "$(echo "$USER + $SYS" | bc)"
done
