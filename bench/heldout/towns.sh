#!/usr/bin/env bash
# Held-out register figures: fictional towns made by bench/heldout/make_town.py (not by the project's
# generator), through the public command line only:
#   import each list with --incident "Attack on TOWN" (the residents' list with --kind residents) and
#   its mapping (fields household, relation, status_date as issue #9 names them), link,
#   nomina figures --incident "Attack on TOWN" --json,
# then prints every figure beside the generator's truth with its relative error, per seed and size,
# and the seconds of `figures`.
# Exits 2 when this checkout has no `figures` command (issue #9) yet.
# Usage: bench/heldout/towns.sh [--seeds "1 2 3"] [--sizes "2000 20000"]
set -euo pipefail
cd "$(dirname "$0")/../.."
SEEDS="1 2 3"
SIZES="2000 20000"
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) SEEDS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "towns.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
./nomina --version >/dev/null
if ! ./nomina --help 2>/dev/null | grep -q '^  figures '; then
  echo "towns.sh: this checkout has no 'nomina figures' command yet (issue #9); nothing to measure." >&2
  echo "towns.sh: run it again after the figures branch is merged." >&2
  exit 2
fi
OUT=bench/out/heldout/towns
mkdir -p "$OUT"
LISTS="residents:residents killed:list injured:list hostages_taken:list hostages_released:list displaced_registry:official commission_missing:official"
for size in $SIZES; do
  for seed in $SEEDS; do
    dir="$OUT/s$seed-n$size"
    rm -rf "$dir" && mkdir -p "$dir"
    python3 bench/heldout/make_town.py "$dir" --residents "$size" --seed "$seed" 2>"$dir/summary.txt"
    incident="$(cat "$dir/incident.txt")"
    db="jdbc:h2:file:$PWD/$dir/db"
    echo "seed $seed, $size residents: $incident"
    for entry in $LISTS; do
      name="${entry%%:*}"; kind="${entry#*:}"; rc=0
      ./nomina --db "$db" import "$dir/lists/$name.csv" --source "$name" --kind "$kind" --incident "$incident" \
        --mapping "$dir/mappings/$name.yaml" --json >"$dir/import-$name.json" 2>"$dir/import-$name.err" || rc=$?
      if [ "$rc" != 0 ]; then
        echo "  import $name: exit $rc: $(head -c 200 "$dir/import-$name.err" | tr '\n' ' ')"
      else
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["rows_rejected"]; r and print("  import %s: %d rows rejected" % (sys.argv[2], r))' \
          "$dir/import-$name.json" "$name"
      fi
    done
    ./nomina --db "$db" link --json >"$dir/link.json" 2>"$dir/link.err" || echo "  link failed: $(head -c 200 "$dir/link.err")"
    t0=$(date +%s.%N); rc=0
    ./nomina --db "$db" figures --incident "$incident" --json >"$dir/figures.json" 2>"$dir/figures.err" || rc=$?
    t1=$(date +%s.%N)
    [ "$rc" != 0 ] && echo "  figures: exit $rc: $(head -c 200 "$dir/figures.err" | tr '\n' ' ')"
    python3 bench/heldout/compare_figures.py "$dir/truth_figures.json" "$dir/figures.json"
    printf '  figures: %.1f s wall (JVM start included)\n' "$(echo "$t1 - $t0" | bc)"
  done
done
