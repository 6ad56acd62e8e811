#!/usr/bin/env python3
"""Scores `nomina claims --json` outputs against the held-out expected claims.

    python3 bench/heldout/score_claims.py CLAIMS_DIR OUTPUT_DIR

For every CLAIMS_DIR/NAME.expected.json, reads OUTPUT_DIR/NAME.json (the command's stdout; absent or
unreadable counts as nothing extracted, with OUTPUT_DIR/NAME.err shown). A claim matches an expected
one when category, subgroup, qualifier and value agree; the value is (low, high) for a range, else the
count (or low when the command gives low == high and no count). Matching is one to one, in order.
Prints precision, recall and F1 per language and overall, then parent and incident agreement over the
matched claims, and every miss and every false claim. Standard library only.

Parent agreement: the matched claim's parent is the claim matched to the expected parent (or both
have none). Incident agreement: the command's incident labels are free; the label most of its claims
in a text carry is read as "main" (ties: the earliest claim's), every other label as "other".
"""
import collections
import glob
import json
import os
import sys


def value(c):
    if c.get("qualifier") == "range":
        return (c.get("low"), c.get("high"))
    if c.get("count") is not None:
        return c["count"]
    if c.get("low") is not None and c.get("low") == c.get("high"):
        return c["low"]
    return None


def key(c):
    return (c.get("category"), c.get("subgroup") or None, c.get("qualifier"), value(c))


def show(c):
    v = value(c)
    v = f"{v[0]}-{v[1]}" if isinstance(v, tuple) else v
    s = f"{c.get('category')}{'/' + c['subgroup'] if c.get('subgroup') else ''} {c.get('qualifier')} {v}"
    if c.get("quote"):
        s += f'  «{c["quote"]}»'
    return s


def main():
    claims_dir, out_dir = sys.argv[1], sys.argv[2]
    per_lang = collections.defaultdict(lambda: collections.Counter())
    misses, falses, notes = [], [], []
    for exp_path in sorted(glob.glob(os.path.join(claims_dir, "*.expected.json"))):
        name = os.path.basename(exp_path)[: -len(".expected.json")]
        expected_doc = json.load(open(exp_path, encoding="utf-8"))
        lang = expected_doc["language"]
        expected = expected_doc["claims"]
        actual, got_lang = [], None
        try:
            doc = json.load(open(os.path.join(out_dir, name + ".json"), encoding="utf-8"))
            actual = doc.get("claims") or []
            got_lang = doc.get("language")
        except (OSError, ValueError) as e:
            err = ""
            try:
                err = open(os.path.join(out_dir, name + ".err"), encoding="utf-8", errors="replace").read().strip()
            except OSError:
                pass
            notes.append(f"{name}: no JSON from the command ({e.__class__.__name__}); stderr: {err[:300]}")
        if got_lang is not None and got_lang != lang:
            notes.append(f"{name}: language given as {got_lang!r}, the text is {lang!r}")
        labels = collections.Counter(a.get("incident") for a in actual)
        main_label = None
        if labels:
            top = max(labels.values())
            firsts = sorted((a.get("start") if a.get("start") is not None else 10 ** 9, i)
                            for i, a in enumerate(actual) if labels[a.get("incident")] == top)
            main_label = actual[firsts[0][1]].get("incident")
        matched = {}  # expected index -> actual index
        used = set()
        for i, e in enumerate(expected):
            for j, a in enumerate(actual):
                if j not in used and key(a) == key(e):
                    matched[i] = j
                    used.add(j)
                    break
        c = per_lang[lang]
        c["expected"] += len(expected)
        c["extracted"] += len(actual)
        c["matched"] += len(matched)
        ids = {a.get("id"): j for j, a in enumerate(actual)}
        for i, j in matched.items():
            e, a = expected[i], actual[j]
            pe = e.get("parent_index")
            pa = ids.get(a.get("parent")) if a.get("parent") is not None else None
            c["parent_ok"] += (pe is None and pa is None) or (pe is not None and matched.get(pe) == pa and pa is not None)
            inc = "main" if a.get("incident") == main_label else "other"
            c["incident_ok"] += inc == e.get("incident")
        for i, e in enumerate(expected):
            if i not in matched:
                misses.append(f"{name}: {show(e)}")
        for j, a in enumerate(actual):
            if j not in used:
                falses.append(f"{name}: {show(a)}")

    def prf(c):
        p = c["matched"] / c["extracted"] if c["extracted"] else 0.0
        r = c["matched"] / c["expected"] if c["expected"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    total = collections.Counter()
    print(f"{'language':9} {'expected':>8} {'extracted':>9} {'matched':>7} {'precision':>9} {'recall':>7} {'F1':>6} {'parent':>7} {'incident':>8}")
    for lang in sorted(per_lang) + ["all"]:
        c = per_lang[lang] if lang != "all" else total
        if lang != "all":
            total.update(c)
        p, r, f = prf(c)
        m = c["matched"] or 1
        print(f"{lang:9} {c['expected']:8} {c['extracted']:9} {c['matched']:7} {p:9.3f} {r:7.3f} {f:6.3f} "
              f"{c['parent_ok'] / m:7.3f} {c['incident_ok'] / m:8.3f}")
    print("(parent, incident: share of matched claims whose parent / incident agrees)")
    for n in notes:
        print("note:", n)
    print(f"\nmissed ({len(misses)}):")
    for m in misses:
        print("  " + m)
    print(f"\nfalse claims ({len(falses)}):")
    for f in falses:
        print("  " + f)


if __name__ == "__main__":
    main()
