#!/usr/bin/env python3
"""Information measures of a dlm-exact/law@1 file in float64 with numpy: what a user writes.

The peer of `dlm-exact info` in the benchmark (bench/README.md): the joint law as a dense array
of shape (V,)*L, the marginal of every subset S summed from it directly (numpy's sum over the
axes outside S), H(X_S) = -sum q ln q, e_k the average over |S| = k, then
Z_j = e_1 + e_{j-1} - e_j, TC = L e_1 - e_L, DTC = L e_{L-1} - (L-1) e_L, SumI = TC + DTC.
Natural logarithms (nats). Prints the same quantities as `dlm-exact info` with 17 significant
digits (float64, no guarantee on any digit).

Usage: python3 info_numpy.py LAW.json
"""
import itertools
import json
import sys
from fractions import Fraction

import numpy as np


def read_law(path):
    with open(path) as f:
        law = json.load(f)
    v, l = law["alphabetSize"], law["length"]
    p = np.zeros((v,) * l, dtype=np.float64)
    for entry in law["support"]:
        p[tuple(entry["x"])] = float(Fraction(entry["p"]))
    return v, l, p


def entropy(q):
    q = q[q > 0]
    return float(-(q * np.log(q)).sum())


def report(path, v, l, e, how):
    """Prints H(X), TC, DTC, SumI, Z_1..Z_L and e_1..e_L from the averages e_0..e_L."""
    z = [e[1] + e[j - 1] - e[j] for j in range(1, l + 1)]
    tc = l * e[1] - e[l]
    dtc = l * e[l - 1] - (l - 1) * e[l]
    rows = [("H(X)", e[l]), ("TC", tc), ("DTC", dtc), ("SumI", tc + dtc)]
    rows += [("Z_%d" % (j + 1), zj) for j, zj in enumerate(z)]
    rows += [("e_%d" % k, e[k]) for k in range(1, l + 1)]
    print("law %s: alphabetSize %d, length %d (nats, %s)" % (path, v, l, how))
    for name, value in rows:
        print("%-5s %.17g" % (name, value))


def main(path):
    v, l, p = read_law(path)
    e = [0.0] * (l + 1)
    for k in range(1, l + 1):
        total = 0.0
        subsets = list(itertools.combinations(range(l), k))
        for s in subsets:
            rest = tuple(i for i in range(l) if i not in s)
            total += entropy(p.sum(axis=rest) if rest else p)
        e[k] = total / len(subsets)
    report(path, v, l, e, "float64")


if __name__ == "__main__":
    main(sys.argv[1])
