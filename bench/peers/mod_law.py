#!/usr/bin/env python3
"""Writes the benchmark's fixed weight law as a dlm-exact/law@1 file (canonical form).

Outcome x of [V]^L with index i (lexicographic, position 0 most significant) gets weight
1 + (i mod M); the law is the weights over their sum. Deterministic: the same arguments give the
same bytes, and `dlm-exact law --law FILE` prints them back unchanged.

Usage: python3 mod_law.py V L M OUT.json
"""
import sys
from fractions import Fraction


def main(v, l, m, out):
    n = v ** l
    weights = [1 + (i % m) for i in range(n)]
    total = sum(weights)
    lines = []
    for i, w in enumerate(weights):
        x, r = [], i
        for _ in range(l):
            x.append(r % v)
            r //= v
        p = Fraction(w, total)
        text = str(p.numerator) if p.denominator == 1 else "%d/%d" % (p.numerator, p.denominator)
        lines.append('  {"x":[%s],"p":"%s"}' % (",".join(map(str, reversed(x))), text))
    with open(out, "w") as f:
        f.write('{"schema":"dlm-exact/law@1","alphabetSize":%d,"length":%d,"support":[\n' % (v, l))
        f.write(",\n".join(lines))
        f.write("\n]}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
