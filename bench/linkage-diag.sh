#!/usr/bin/env bash
# Diagnoses a linkage against the truth, class by class (docs/linkage.md, sixth pass): relinks an imported register
# in memory with the engine's classes (what `nomina link` does, without writing), prints pairwise precision, recall
# and F1, the lost true pairs by class (never proposed by blocking, lowered by one_to_one, scored low, kept apart by a
# veto, by a namesake that joined first …), the false pairs by class (one record without year or father's name, two
# records of one list), and for the pairs no rule proposed which blocking key parts the two records share. A pair kept
# apart with nothing of its own objecting (apart:other:…) is classed by the other pairs across the two clusters: a
# record of the same list, a veto's field, a pair one_to_one lowered (o2o-lowered-across, with -Ddiag.o2o=true), a pair
# proposed but scored below the review band (low: it counts in the clusterer's mean, though the run does not report it),
# the mean, or unscored (other pairs across that no rule proposed); OUT_FILE then lists both clusters, and for a pair one_to_one lowered each record's strongest rival.
# A held-out register (bench/heldout/lists.sh) is read the same way: copy its db.mv.db to DB_DIR/nomina.mv.db.
#
# Usage: bench/linkage-diag.sh JAR DB_DIR TRUTH_CSV [OUT_FILE [CONFIG_YAML]]
#   JAR       a built nomina.jar (copy it: the tool runs against its classes)
#   DB_DIR    a directory holding nomina.mv.db of an imported register, e.g. a copy of
#             $NOMINA_BENCH_DIR/seed-11/db from bench/hard-case.sh (the register is only read)
#   OUT_FILE  every lost and false pair with its records and field levels
#   NOMINA_DIAG_OPTS  JVM options, e.g. "-Xmx4g -Ddiag.o2o=true" (link again without one_to_one to tell the pairs it lowered)
# The sources live in bench/linkage-diag/src, in the engine's and the store's packages (they read package-private
# classes of the jar), and are compiled against the jar on each run.
set -euo pipefail
jar=$1 db=$2 truth=$3
shift 3
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
src="$(cd "$(dirname "$0")" && pwd)/linkage-diag/src"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
mapfile -t sources < <(find "$src" -name '*.java')
"$java_home/bin/javac" -nowarn -cp "$jar" -d "$classes" "${sources[@]}"
# shellcheck disable=SC2086
"$java_home/bin/java" ${NOMINA_DIAG_OPTS:--Xmx3g} -cp "$jar:$classes" org.nomina.store.linkage.Diag \
    "jdbc:h2:file:$(cd "$db" && pwd)/nomina" "$truth" "$@" 2> >(grep -v '^SLF4J' >&2)
