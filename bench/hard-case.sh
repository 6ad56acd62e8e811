#!/usr/bin/env bash
# Generates the hard fictional case (`nomina generate --hard`, five lists) for each seed, imports every list
# with its mapping into a fresh H2 database, links, exports clusters and prints, per list, rows read,
# imported, rejected and kept with problems (and the import's warnings), then `nomina evaluate` against
# truth.csv: pairwise precision, recall and F1. Every person in the lists is invented.
#
# Usage: bench/hard-case.sh [PEOPLE] [SEED …]     (default 3000 people, seeds 11 12)
#   NOMINA_BENCH_DIR=/tmp/x   work directory (default /tmp/nomina-bench-hard); emptied per seed
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-3000}
shift || true
seeds=("$@")
(( ${#seeds[@]} )) || seeds=(11 12)
work=${NOMINA_BENCH_DIR:-${TMPDIR:-/tmp}/nomina-bench-hard}
NOMINA="${NOMINA:-./nomina}"   # e.g. NOMINA="java -jar /tmp/x.jar": a jar built already (./nomina rebuilds when sources change)
$NOMINA --version >/dev/null

for seed in "${seeds[@]}"; do
  dir="$work/seed-$seed"
  rm -rf "$dir"
  mkdir -p "$dir/db"
  db="jdbc:h2:file:$dir/db/nomina"
  $NOMINA generate "$dir/case" --hard --lists 5 --people "$people" --seed "$seed" --no-xlsx > "$dir/generate.txt"
  echo "== $people people, seed $seed"
  # generate prints: SOURCE  ROWS rows  FILE  [(mapping FILE)]
  line_re='^(.+[^ ]) +[0-9,]+ rows  ([^ ]+)(  \(mapping ([^ )]+)\))?$'
  while IFS= read -r line; do
    [[ $line =~ $line_re ]] || continue
    source=${BASH_REMATCH[1]} file=${BASH_REMATCH[2]} mapping=${BASH_REMATCH[4]}
    args=(import "$file" --source "$source" --json)
    [[ -n $mapping ]] && args+=(--mapping "$mapping")
    NOMINA_PROGRESS=0 $NOMINA --db "$db" "${args[@]}" > "$dir/import.json" 2>/dev/null
    python3 - "$dir/import.json" "$source" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("%-22s read %7d  imported %7d  rejected %5d  kept with problems %5d %s" % (sys.argv[2], d["rows_read"], d["rows_imported"],
      d["rows_rejected"], d["rows_with_problems"], json.dumps(d["problems_by_column"], ensure_ascii=False)))
for w in d["warnings"]:
    print("    warning: " + w)
PY
  done < "$dir/generate.txt"
  NOMINA_PROGRESS=0 $NOMINA --db "$db" link --json > "$dir/link.json" 2>/dev/null
  $NOMINA --db "$db" export clusters --format csv --out "$dir/clusters.csv" 2>/dev/null
  $NOMINA --db "$db" evaluate --clusters "$dir/clusters.csv" --truth "$dir/case/truth.csv"
done
