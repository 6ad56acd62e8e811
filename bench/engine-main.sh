#!/usr/bin/env bash
# Runs a main class of the engine's test sources (a benchmark harness) on the engine's classpath.
# Usage: bench/engine-main.sh CLASS [ARGS…]   (builds the engine's test classes if needed, offline when possible)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
./mvnw -B -q -o -pl nomina-engine test-compile 2>/dev/null || ./mvnw -B -q -pl nomina-engine test-compile
classpath_file="nomina-engine/target/bench-classpath.txt"
# the dependency plugin may not be in the local repository yet: fall back to online for this one step
./mvnw -B -q -o -pl nomina-engine dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null 2>&1 \
  || ./mvnw -B -q -pl nomina-engine dependency:build-classpath -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
class="$1"; shift
exec "$JAVA_HOME/bin/java" -Xmx2g -Dnomina.reference.data="${NOMINA_REFERENCE_DATA:-$PWD/../shared/data}" \
  -cp "nomina-engine/target/test-classes:nomina-engine/target/classes:$(cat "$classpath_file")" "$class" "$@"
