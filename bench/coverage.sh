#!/usr/bin/env bash
# Coverage study: generated populations of known size (2,000) under six kinds of heterogeneity and dependence,
# every estimation method on each; prints per method the coverage of the 95% interval, median relative width
# and median relative error. The default method is the one that covers at least 90% with the narrowest width.
# Usage: bench/coverage.sh [cases-per-scenario (default 20)] [seed (default 2026)]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/engine-main.sh org.nomina.engine.estimation.CoverageBenchmark "$@"
