#!/usr/bin/env python3
"""Recall of true pairs per pair of lists, from a clusters export and a truth file.

    python3 bench/heldout/pair_recall.py clusters.csv truth.csv

Shows which lists link to which (a list that never links to the others shows as a low row); the
overall figures come from `nomina evaluate`. Records missing from either file are left out, as
`evaluate` does. Standard library only.
"""
import collections
import csv
import itertools
import sys


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        return {(r[0], r[1]): r[2] for r in rows if len(r) >= 3}


def main():
    clusters, truth = read(sys.argv[1]), read(sys.argv[2])
    by_entity = collections.defaultdict(list)
    for k, e in truth.items():
        if k in clusters:
            by_entity[e].append(k)
    total, found = collections.Counter(), collections.Counter()
    for keys in by_entity.values():
        for a, b in itertools.combinations(sorted(keys), 2):
            pair = tuple(sorted((a[0], b[0])))
            total[pair] += 1
            found[pair] += clusters[a] == clusters[b]
    for pair in sorted(total, key=lambda p: found[p] / total[p]):
        print(f"    {pair[0]:>12} - {pair[1]:<12} true pairs {total[pair]:7}  recall {found[pair] / total[pair]:.3f}")


if __name__ == "__main__":
    main()
