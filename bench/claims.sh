#!/usr/bin/env bash
# Precision and recall of claim extraction over the project's fictional test texts, per language and overall,
# on the texts the extractor was developed on and on held-out texts it was never tuned on.
# Usage: bench/claims.sh   (from anywhere; builds the engine's test classes if needed, offline when possible)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -q -o -pl nomina-engine test-compile 2>/dev/null || ./mvnw -B -q -pl nomina-engine test-compile
classpath_file="nomina-engine/target/bench-classpath.txt"
./mvnw -B -q -o -pl nomina-engine dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null 2>&1 \
  || ./mvnw -B -q -pl nomina-engine dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
exec "$JAVA_HOME/bin/java" \
  -cp "nomina-engine/target/test-classes:nomina-engine/target/classes:$(cat "$classpath_file")" \
  org.nomina.engine.claims.ClaimsBenchmark nomina-engine/src/test/resources/claims
