#!/usr/bin/env bash
# Times multiple systems estimation (design target: 5 lists, stepwise + bootstrap interval, ≤ 5 s on 2 cores),
# LCMCR's convergence on Kosovo for three seeds, and model averaging; prints each figure with its interval.
# Usage: bench/estimate.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/engine-main.sh org.nomina.engine.estimation.EstimationBenchmark "${NOMINA_SHARED_DATA:-$PWD/../shared/data}"
