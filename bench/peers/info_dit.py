#!/usr/bin/env python3
"""Information measures of a dlm-exact/law@1 file with the dit library (float64).

The peer of `dlm-exact info` for users of dit: the law as a dit.Distribution, H(X_S) by
dit.shannon.entropy for every subset S (dit reports bits; converted to nats), then the same
averages and measures as info_numpy.py. Not run on the development machine: dit is not
installable there (bench/peers/run.py skips it when `import dit` fails).

Usage: python3 info_dit.py LAW.json
"""
import itertools
import json
import math
import sys
from fractions import Fraction

import dit


def main(path):
    with open(path) as f:
        law = json.load(f)
    v, l = law["alphabetSize"], law["length"]
    outcomes = [tuple(entry["x"]) for entry in law["support"]]
    pmf = [float(Fraction(entry["p"])) for entry in law["support"]]
    d = dit.Distribution(outcomes, pmf)
    e = [0.0] * (l + 1)
    for k in range(1, l + 1):
        subsets = list(itertools.combinations(range(l), k))
        e[k] = sum(dit.shannon.entropy(d, list(s)) for s in subsets) * math.log(2) / len(subsets)
    z = [e[1] + e[j - 1] - e[j] for j in range(1, l + 1)]
    tc = l * e[1] - e[l]
    dtc = l * e[l - 1] - (l - 1) * e[l]
    rows = [("H(X)", e[l]), ("TC", tc), ("DTC", dtc), ("SumI", tc + dtc)]
    rows += [("Z_%d" % (j + 1), zj) for j, zj in enumerate(z)]
    rows += [("e_%d" % k, e[k]) for k in range(1, l + 1)]
    print("law %s: alphabetSize %d, length %d (nats, float64, dit)" % (path, v, l))
    for name, value in rows:
        print("%-5s %.17g" % (name, value))


if __name__ == "__main__":
    main(sys.argv[1])
