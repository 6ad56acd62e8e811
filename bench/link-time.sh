#!/usr/bin/env bash
# Times the first `nomina link` of the hard fictional case (`nomina generate --hard --lists 5`) on copies of one
# imported register, so that runs differ only in the link: wall seconds, user CPU, peak RSS, the seconds the command
# reports, its stages, the candidate pairs, and pairwise precision, recall and F1 against truth.csv. The case is
# generated and imported once per size and seed and kept in the work directory; later runs reuse it. Every person in
# the lists is invented. The issue 8 target: 1,000,000 records (`bench/link-time.sh 660000`) in 60 s wall, 4 GB RSS.
#
# Usage: bench/link-time.sh [PEOPLE] [SEED] [RUNS]    (default 660000 people, about a million records; seed 1994; 2 runs)
#   NOMINA_BENCH_DIR=/tmp/x   work directory (default /tmp/nomina-bench-link)
#   NOMINA_JAR=/tmp/a.jar     link with this jar (java from JAVA_HOME, -Xmx3072m as the launcher gives on 5 GB or
#                             more); several jars separated by ':' are run in turn, RUNS times round, to compare them
#                             on a machine whose speed wanders. Default: ./nomina with the launcher's defaults.
# The case is imported with the first jar (or ./nomina); a later jar with a newer schema migrates its copy first, and
# that counts in its wall time. Needs python3 and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-660000}
seed=${2:-1994}
runs=${3:-2}
work=${NOMINA_BENCH_DIR:-${TMPDIR:-/tmp}/nomina-bench-link}/hard-$people-$seed
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
IFS=: read -r -a jars <<< "${NOMINA_JAR:-}"
command_for() { # JAR_OR_EMPTY: sets the array nomina to nomina run with that jar, or to ./nomina
  if [[ -n $1 ]]; then nomina=("$java_bin" -Xmx3072m -jar "$1"); else nomina=(./nomina); fi
}
run_with() { # JAR_OR_EMPTY ARGS…
  local nomina
  command_for "$1"; shift
  "${nomina[@]}" "$@"
}
first=${jars[0]:-}
run_with "$first" --version >/dev/null
if [[ ! -s $work/imported.ok ]]; then
  echo "bench: generating and importing $people people, seed $seed, in $work …" >&2
  rm -rf "$work"
  mkdir -p "$work/db0"
  run_with "$first" generate "$work/case" --hard --lists 5 --people "$people" --seed "$seed" --no-xlsx > "$work/generate.txt"
  line_re='^(.+[^ ]) +[0-9,]+ rows  ([^ ]+)(  \(mapping ([^ )]+)\))?$'
  while IFS= read -r line; do
    [[ $line =~ $line_re ]] || continue
    args=(import "${BASH_REMATCH[2]}" --source "${BASH_REMATCH[1]}" --json)
    [[ -n ${BASH_REMATCH[4]} ]] && args+=(--mapping "${BASH_REMATCH[4]}")
    NOMINA_PROGRESS=0 run_with "$first" --db "jdbc:h2:file:$work/db0/nomina" "${args[@]}" > /dev/null
  done < "$work/generate.txt"
  date -u > "$work/imported.ok"
fi
(( ${#jars[@]} )) || jars=("")
printf '%-28s %8s %8s %8s %9s %10s  %-6s %-6s %-6s  %s\n' jar wall_s user_s rss_gb inside_s pairs P R F1 stages_s
for ((k = 0; k < runs; k++)); do
  for jar in "${jars[@]}"; do
    rm -rf "$work/db1"
    cp -r "$work/db0" "$work/db1"
    db="jdbc:h2:file:$work/db1/nomina"
    command_for "$jar"
    /usr/bin/time -f '%e %U %M' -o "$work/time.txt" env NOMINA_PROGRESS=0 "${nomina[@]}" --db "$db" link --json \
      > "$work/link.json" 2> "$work/link.err"
    run_with "$jar" --db "$db" export clusters --format csv --out "$work/clusters.csv" 2>/dev/null >/dev/null
    run_with "$jar" evaluate --clusters "$work/clusters.csv" --truth "$work/case/truth.csv" --json > "$work/evaluate.json"
    python3 - "$work" "${jar:-./nomina}" <<'PY'
import json, sys
w, jar = sys.argv[1], sys.argv[2]
wall, user, rss = open(w + "/time.txt").read().split()[-3:]
link = json.load(open(w + "/link.json"))
ev = json.load(open(w + "/evaluate.json"))
stages = " ".join("%s %.1f" % (k, v / 1000) for k, v in link["stage_millis"].items())
print("%-28s %8.1f %8.1f %8.2f %9.1f %10d  %.4f %.4f %.4f  %s" % (jar[-28:], float(wall), float(user), int(rss) / 1048576,
      link["seconds"], link["candidate_pairs"], ev["precision"], ev["recall"], ev["f1"], stages))
PY
  done
done
