#!/usr/bin/env bash
# Precision and recall of claim extraction over the project's fictional test texts, per language and overall,
# on the texts the extractor was developed on and on held-out texts it was never tuned on.
# Usage: bench/claims.sh   (from anywhere; builds the engine's test classes if needed, offline when possible)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/engine-main.sh org.nomina.engine.claims.ClaimsBenchmark nomina-engine/src/test/resources/claims
