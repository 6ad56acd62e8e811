#!/usr/bin/env bash
# Held-out linkage: five lists made by bench/heldout/make_lists.py (not by the project's generator),
# through the public command line only, as a new user would:
#   import each list WITHOUT a mapping (header recognition); if the importer refuses the file (exit 2),
#   import it again with the mapping bench/heldout/make_lists.py wrote for it;
#   then link -> export clusters -> evaluate against the generator's truth.
# Prints, per seed and size: pairwise precision, recall and F1, rows rejected per list, which lists
# needed a mapping, and seconds (all imports, link).
# Usage: bench/heldout/lists.sh [--seeds "1 2 3"] [--sizes "3000 20000"] [--mapped] [--pairs] [--mixed-encoding SHARE]
#   --mapped  imports every list with its mapping (what an informed user would do), for comparison
#   --pairs   also prints the recall of true pairs per pair of lists (which lists fail to link)
#   --mixed-encoding SHARE  writes that share of the Russian list's rows in UTF-8 inside its Windows-1251
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS="1 2 3"
SIZES="3000 20000"
MAPPED=0
PAIRS=0
MIXED=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) SEEDS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --mapped) MAPPED=1; shift ;;
    --pairs) PAIRS=1; shift ;;
    --mixed-encoding) MIXED="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "lists.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
OUT=bench/out/heldout/lists
mkdir -p "$OUT"
./nomina --version >/dev/null
SOURCES=(az_latin:az_latin.csv ru_cyrillic:ru_cyrillic.csv en_caps:en_caps.csv testimonies:testimonies.csv hy_armenian:hy_armenian.csv)

json_get() { # file, python expression over the parsed document d
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

printf '%-6s %7s %8s %9s %7s %7s %7s %9s %8s %8s  %s\n' seed people records persons precision recall F1 rejected import_s link_s "mapping needed / refused"
for size in $SIZES; do
  for seed in $SEEDS; do
    dir="$OUT/s$seed-n$size"
    rm -rf "$dir" && mkdir -p "$dir"
    python3 bench/heldout/make_lists.py "$dir" --people "$size" --seed "$seed" --mixed-encoding "$MIXED" 2>"$dir/summary.txt"
    db="jdbc:h2:file:$PWD/$dir/db"
    rejected=0; notes=""; t0=$(date +%s.%N)
    for entry in "${SOURCES[@]}"; do
      src="${entry%%:*}"; file="$dir/lists/${entry#*:}"; rc=0
      if [ "$MAPPED" = 0 ]; then
        ./nomina --db "$db" import "$file" --source "$src" --json >"$dir/import-$src.json" 2>"$dir/import-$src.err" || rc=$?
      else
        rc=2
      fi
      if [ "$rc" = 2 ]; then
        [ "$MAPPED" = 0 ] && notes="$notes $src(mapping)"
        rc=0
        ./nomina --db "$db" import "$file" --source "$src" --mapping "$dir/mappings/$src.yaml" --json \
          >"$dir/import-$src.json" 2>"$dir/import-$src.err" || rc=$?
      fi
      if [ "$rc" != 0 ]; then
        notes="$notes $src(REFUSED: $(head -c 160 "$dir/import-$src.err" | tr '\n' ' '))"
        continue
      fi
      r=$(json_get "$dir/import-$src.json" 'd["rows_rejected"]')
      [ "$r" != 0 ] && notes="$notes $src:$r"
      rejected=$((rejected + r))
    done
    t1=$(date +%s.%N)
    ./nomina --db "$db" link --json >"$dir/link.json" 2>"$dir/link.err"
    t2=$(date +%s.%N)
    ./nomina --db "$db" export clusters --format csv --out "$dir/clusters.csv" 2>/dev/null
    ./nomina evaluate --clusters "$dir/clusters.csv" --truth "$dir/truth.csv" --json >"$dir/evaluate.json"
    records=$(json_get "$dir/link.json" 'd["records"]')
    persons=$(json_get "$dir/link.json" 'd["persons"]')
    read -r p r f < <(json_get "$dir/evaluate.json" '"%.4f %.4f %.4f" % (d["precision"], d["recall"], d["f1"])')
    printf '%-6s %7s %8s %9s %7s %7s %7s %9s %8.1f %8.1f  %s\n' "$seed" "$size" "$records" "$persons" "$p" "$r" "$f" \
      "$rejected" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "${notes:- -}"
    [ "$PAIRS" = 1 ] && python3 bench/heldout/pair_recall.py "$dir/clusters.csv" "$dir/truth.csv"
  done
done
echo "(rejected: rows the importer refused, per list after the colon; truth people per seed/size in $OUT/*/summary.txt)"
