#!/usr/bin/env bash
# Multiple systems estimation figures:
#  1. engine (bench/engine-main.sh EstimationBenchmark): times of the design target (5 lists, stepwise + 1,000
#     BCa resamples, ≤ 5 s on 2 cores) and of each method; LCMCR on Kosovo for three unrelated seeds with
#     split-R-hat and ESS; the UK stepwise BCa interval checked on tables simulated from its own fit;
#  2. what linkage errors do: on generated cases (nomina generate → import → link), the estimate from the
#     register's linkage beside the estimate from the generator's true linkage and the true number of people.
# Usage: bench/estimate.sh [cases for part 2 (default 3)] [people per case (default 3000)]
#        (NOMINA_BENCH_LINKAGE_ONLY=1 runs part 2 alone)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-3}"
PEOPLE="${2:-3000}"
if [[ "${NOMINA_BENCH_LINKAGE_ONLY:-0}" != 1 ]]; then
  bench/engine-main.sh org.nomina.engine.estimation.EstimationBenchmark "${NOMINA_REFERENCE_DATA:-$PWD/../shared/data}"
fi

echo
echo "Linkage and the estimate: $CASES generated cases of $PEOPLE people, four lists, default method"
OUT=bench/out/estimate
rm -rf "$OUT" && mkdir -p "$OUT"
./nomina --version >/dev/null
printf '  %-6s %8s %10s %26s %26s\n' seed people observed "register's linkage" "true linkage"
for seed in $(seq 1 "$CASES"); do
  dir="$OUT/case$seed"
  truth_people=$(./nomina generate "$dir" --people "$PEOPLE" --lists 4 --no-xlsx --seed "$seed" | sed -n 's/^truth: .* (\([0-9,]*\) people.*/\1/p' | tr -d ,)
  db="jdbc:h2:file:$PWD/$dir/db"
  ./nomina --db "$db" import "$dir/lists/hospital_register.csv" --source "Hospital register" --mapping "$dir/mappings/hospital_register.yaml" >/dev/null
  ./nomina --db "$db" import "$dir/lists/families_committee.csv" --source "Committee of families" >/dev/null
  ./nomina --db "$db" import "$dir/lists/ngo_testimonies.csv" --source "NGO testimonies" >/dev/null
  ./nomina --db "$db" import "$dir/lists/ministry_list.tsv" --source "Ministry list" --mapping "$dir/mappings/ministry_list.yaml" >/dev/null
  ./nomina --db "$db" link >/dev/null
  ./nomina --db "$db" estimate --seed "$seed" --json > "$dir/register.json" || true
  # the generator's truth: each true person's history is the set of sources that list them
  awk -F, 'NR > 1 { key = $3; lists[key] = lists[key] "|" $1; names[$1] = 1 }
    END {
      n = 0; for (s in names) order[++n] = s
      for (i = 1; i <= n; i++) printf "\"%s\"%s", order[i], (i < n ? "," : "\n")
      for (p in lists) { for (i = 1; i <= n; i++) printf "%d%s", (index(lists[p] "|", "|" order[i] "|") > 0), (i < n ? "," : "\n") }
    }' "$dir/truth.csv" > "$dir/true-histories.csv"
  ./nomina estimate --histories "$dir/true-histories.csv" --seed "$seed" --json > "$dir/truth.json" || true
  fig() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%s (%s–%s)" % tuple(format(round(r[k]), ",") if r[k] is not None else "-" for k in ("estimate","lower","upper")))' "$1"; }
  obs() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["observed"])' "$1"; }
  printf '  %-6s %8s %10s %26s %26s\n' "$seed" "$truth_people" "$(obs "$dir/register.json")/$(obs "$dir/truth.json")" \
    "$(fig "$dir/register.json")" "$(fig "$dir/truth.json")"
done
echo "  (observed: persons the register's linkage found / true people on at least one list)"
