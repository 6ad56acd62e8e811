#!/usr/bin/env python3
"""Prints each figure of `nomina figures --json` beside the held-out town's truth (make_town.py).

    python3 bench/heldout/compare_figures.py truth_figures.json figures.json

One line per category and subgroup of the truth: truth, the command's count, its `unknown`, the
relative error, and whether it is within issue #9's target (2%, or ±2 where the truth is under 100).
A figure the command does not give is shown as missing and is not within target. Exits 0; the last
line counts the figures within target. Standard library only.
"""
import json
import sys


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        got_doc = json.load(open(sys.argv[2], encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"  no JSON from figures ({e.__class__.__name__}: {e})")
        got_doc = {}
    got = {}
    for f in got_doc.get("figures") or []:
        got[(f.get("category"), f.get("subgroup") or None)] = f
    ok = 0
    print(f"  {'category':22} {'subgroup':9} {'truth':>7} {'figures':>8} {'unknown':>8} {'rel.err':>8}  target")
    for t in truth["figures"]:
        k = (t["category"], t["subgroup"])
        f = got.get(k)
        tc = t["count"]
        if f is None or f.get("count") is None:
            print(f"  {k[0]:22} {k[1] or '':9} {tc:7} {'missing':>8} {'':>8} {'':>8}  no")
            continue
        c = f["count"]
        err = (c - tc) / tc if tc else (0.0 if c == 0 else float("inf"))
        within = abs(c - tc) <= 2 if tc < 100 else abs(err) <= 0.02
        ok += within
        unknown = f.get("unknown", "")
        print(f"  {k[0]:22} {k[1] or '':9} {tc:7} {c:8} {unknown!s:>8} {err:+8.1%}  {'yes' if within else 'NO'}")
    print(f"  within target: {ok} of {len(truth['figures'])}")


if __name__ == "__main__":
    main()
