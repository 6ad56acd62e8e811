#!/usr/bin/env bash
# The engine's Jaro–Winkler and its former hand-written bounded Levenshtein against commons-text's, on the same fictional pairs:
# ns/pair for each and whether they agree on the linker's thresholds (0.92, 0.88, 0.80, 0.70), Levenshtein bounded at 2
# (identity numbers) and at 1 (names one typo apart).
# Usage: bench/jarowinkler.sh [people]   (default 20000)
set -euo pipefail
exec "$(dirname "$0")/engine-main.sh" org.nomina.engine.linkage.StringSimilarityBenchmark "$@"
