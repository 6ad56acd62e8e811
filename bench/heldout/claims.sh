#!/usr/bin/env bash
# Held-out claims extraction: runs the public command on every text in bench/heldout/claims/ and
# scores its claims against NAME.expected.json (written by hand, by reading each text, before and
# independently of any extractor):
#   ./nomina --db <a fresh H2 under bench/out/heldout/claims> claims FILE --source heldout-NAME --json
# Prints precision, recall and F1 per language and overall (a claim matches when category,
# subgroup, count/low/high and qualifier agree), parent and incident agreement separately, and every
# missed and every false claim. The language is left to the command's detection.
# Exits 2 when this checkout has no `claims` command (issue #10) yet.
# Usage: bench/heldout/claims.sh
set -euo pipefail
case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  "") ;;
  *) echo "claims.sh: takes no arguments (see --help)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.."
HERE=bench/heldout
OUT=bench/out/heldout/claims
./nomina --version >/dev/null
if ! ./nomina --help 2>/dev/null | grep -q '^  claims '; then
  echo "claims.sh: this checkout has no 'nomina claims' command yet (issue #10); nothing to score." >&2
  echo "claims.sh: run it again after the claims branch is merged." >&2
  exit 2
fi
rm -rf "$OUT" && mkdir -p "$OUT"
DB="jdbc:h2:file:$PWD/$OUT/db"
for text in "$HERE"/claims/*.txt; do
  name="$(basename "$text" .txt)"
  rc=0
  ./nomina --db "$DB" claims "$text" --source "heldout-$name" --json >"$OUT/$name.json" 2>"$OUT/$name.err" || rc=$?
  [ "$rc" != 0 ] && echo "claims.sh: $name: the command exited $rc (see $OUT/$name.err)" >&2
done
python3 "$HERE/score_claims.py" "$HERE/claims" "$OUT"
