#!/usr/bin/env bash
# The register's figures against the truth, through the real path (generate --case town -> incident add ->
# import six lists -> link -> figures --json): every figure beside the generator's truth, with the
# tolerance the issue sets (2%, or ±2 where the truth is under 100), on several seeds and sizes; then the
# time of `figures` and of `person show` on a town of a million residents.
# Usage: bench/figures.sh [--reuse] [--truth-link] [SIZES] [SEEDS] [BIG]   defaults: "2000 5000 20000" "1 2 3" 1000000
#        (BIG=0 skips it; SIZES=none skips the towns)
#   --reuse  keep the big town's register in bench/out/figures-big-BIG from an earlier run (building a million
#            takes most of an hour on a shared machine); without it the register is built again
#   --truth-link  build the big town without `link`: its register is given the generator's own record-to-person
#            assignment (truth.csv) through H2 SQL, a perfect link, to time figures where link cannot run yet
#            (a million residents ran out of memory in blocking); its figures then differ from the truth only
#            through import
#   NOMINA="java -jar nomina-app/target/nomina.jar" runs a jar built already (default ./nomina, which builds first;
#            a bare `java -jar` has none of the launcher's options: no class-data archive, tiered compilation where
#            the launcher runs figures and person with C1 alone, so it times more CPU than a user spends)
#   NOMINA_JAVA_OPTS: JVM options (default -Xmx4g; e.g. -XX:StartFlightRecording=filename=f.jfr to profile)
set -euo pipefail
cd "$(dirname "$0")/.."
REUSE=0
TRUTH_LINK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse) REUSE=1; shift ;;
    --truth-link) TRUTH_LINK=1; shift ;;
    *) break ;;
  esac
done
OUT=bench/out/figures
SIZES="${1:-2000 5000 20000}"
SEEDS="${2:-1 2 3}"
BIG="${3:-1000000}"
[ "$SIZES" = "none" ] && SIZES=""   # bench/figures.sh none none 1000000: only the big register
rm -rf "$OUT" && mkdir -p "$OUT"
NOMINA="${NOMINA:-./nomina}"
$NOMINA --version >/dev/null
export NOMINA_JAVA_OPTS="${NOMINA_JAVA_OPTS:--Xmx4g}"
NOMINA="${NOMINA/ -jar / ${NOMINA_JAVA_OPTS} -jar }"   # java -jar: the options go before -jar (./nomina reads them itself)
INCIDENT="Attack on Nomkənd"

load_town() { # dir, db [nolink]
  local dir="$1" db="$2" nolink="${3:-}"
  $NOMINA --db "$db" incident add "$INCIDENT" --from 1994-11-14 --to 1994-11-15 --place Nomkənd --kind attack >/dev/null
  $NOMINA --db "$db" import "$dir/lists/town_residents.csv" --source "Town residents" --kind residents --incident "$INCIDENT" >/dev/null
  $NOMINA --db "$db" import "$dir/lists/killed.csv" --source "Killed" --mapping "$dir/mappings/killed.yaml" --incident "$INCIDENT" >/dev/null
  $NOMINA --db "$db" import "$dir/lists/injured.csv" --source "Injured" --incident "$INCIDENT" >/dev/null
  $NOMINA --db "$db" import "$dir/lists/hostages_taken.tsv" --source "Hostages taken" --incident "$INCIDENT" >/dev/null
  $NOMINA --db "$db" import "$dir/lists/hostages_released.csv" --source "Hostages released" --incident "$INCIDENT" >/dev/null
  $NOMINA --db "$db" import "$dir/lists/commission_missing.csv" --source "Commission on the missing" --kind official --incident "$INCIDENT" >/dev/null
  [ -n "$nolink" ] || $NOMINA --db "$db" link >/dev/null 2>&1
}

truth_link() { # dir, db: person_record from truth.csv (a perfect link), through H2's own shell in the jar
  local dir="$1" db="$2"
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${NOMINA_JAVA_OPTS} -cp nomina-app/target/nomina.jar org.h2.tools.Shell -url "$db" -user sa -password "" -sql "
    CREATE TABLE truth_link AS SELECT source, record_id, CAST(person_id AS BIGINT) AS person_id FROM CSVREAD('$PWD/$dir/truth.csv');
    INSERT INTO person (id, display_name, created_at) SELECT DISTINCT person_id, 'person ' || person_id, CURRENT_TIMESTAMP FROM truth_link;
    INSERT INTO person_record (person_id, source_record_id) SELECT t.person_id, r.id FROM truth_link t JOIN source s ON s.name = t.source
      JOIN source_record r ON r.source_id = s.id AND r.record_id = t.record_id;
    DROP TABLE truth_link;" >/dev/null
}

compare() { # figures.json truth_figures.csv label; prints each figure and returns 1 if any is out of tolerance
  python3 - "$1" "$2" "$3" <<'PY'
import csv, json, sys
figures = {(f["category"], f.get("subgroup", "")): f for f in json.load(open(sys.argv[1]))["figures"]}
bad = 0
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
print(f"  {sys.argv[3]}")
for t in rows:
    key = (t["category"], t["subgroup"])
    truth = int(t["count"])
    got = figures.get(key, {"count": None, "unknown": 0})
    ok = got["count"] is not None and (abs(got["count"] - truth) <= 2 if truth < 100 else abs(got["count"] - truth) <= 0.02 * truth)
    bad += not ok
    label = key[0] + ("/" + key[1] if key[1] else "")
    print(f"    {label:34s} truth {truth:7d}   figure {got['count'] if got['count'] is not None else '-':>7}   unknown {got['unknown']:5d}   {'ok' if ok else 'OUT OF TOLERANCE'}")
print(f"    {len(rows) - bad} of {len(rows)} figures within tolerance")
sys.exit(1 if bad else 0)
PY
}

status=0
for size in $SIZES; do
  for seed in $SEEDS; do
    dir="$OUT/town-$size-$seed"
    $NOMINA generate "$dir" --case town --people "$size" --seed "$seed" >/dev/null
    db="jdbc:h2:file:$PWD/$dir/db"
    load_town "$dir" "$db"
    $NOMINA --db "$db" figures --json > "$dir/figures.json"
    compare "$dir/figures.json" "$dir/truth_figures.csv" "town of $size residents, seed $seed" || status=1
  done
done

if [ "$BIG" != "0" ]; then
  echo "A town of $BIG residents: the time of figures and person show"
  big="bench/out/figures-big-$BIG"
  dir="$big/town"
  db="jdbc:h2:file:$PWD/$big/db"
  if [ "$REUSE" = 1 ] && [ -f "$big/built" ]; then
    echo "  reusing the register in $big (built $(cat "$big/built"))"
  else
    rm -rf "$big" && mkdir -p "$big"
    start=$(date +%s)
    $NOMINA generate "$dir" --case town --people "$BIG" --seed 9 >/dev/null
    if [ "$TRUTH_LINK" = 1 ]; then
      load_town "$dir" "$db" nolink
      truth_link "$dir" "$db"
      echo "$(date -u +%FT%TZ), $(( $(date +%s) - start )) s, linked by truth.csv (a perfect link)" > "$big/built"
    else
      load_town "$dir" "$db"
      echo "$(date -u +%FT%TZ), $(( $(date +%s) - start )) s" > "$big/built"
    fi
    echo "  built in $(( $(date +%s) - start )) s (generate, six imports, $([ "$TRUTH_LINK" = 1 ] && echo "truth.csv as the link" || echo link))"
  fi
  # The first run after a build, a link or an upgrade also migrates the register, or reads every record and
  # writes the figures projection (when link did not): timed apart, then three runs as the register stays.
  for run in first 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" $NOMINA --db "$db" figures --json > "$OUT/big-figures.json" 2> "$OUT/figures.err"
    read -r wall user sys rss < "$OUT/time.txt"
    persons=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(f["count"] for f in d["figures"] if f["category"]=="population"))' "$OUT/big-figures.json")
    printf '  figures --json on %s residents (population), run %s: %s s wall, JVM start included (%s s user, %s s system CPU, %s MB RSS; load average %s); %s\n' \
      "$persons" "$run" "$wall" "$user" "$sys" "$(( rss / 1024 ))" "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -o 'counted in .*' "$OUT/figures.err")"
  done
  compare "$OUT/big-figures.json" "$dir/truth_figures.csv" "town of $BIG residents, seed 9" || status=1
  # A killed person, and a child orphaned of both parents (else of one), each with their family.
  for category in killed orphaned_both_parents,orphaned_one_parent; do
    person=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ids=[i for c in sys.argv[2].split(",") for f in d["figures"] if f["category"]==c for i in f["person_ids"]]; print(ids[0] if ids else "")' "$OUT/big-figures.json" "$category")
    if [ -n "$person" ]; then $NOMINA --db "$db" person show "$person" --timing 2>&1 >/dev/null | sed 's/^/  /'; fi
  done
fi
exit $status
