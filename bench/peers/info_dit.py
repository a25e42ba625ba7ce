#!/usr/bin/env python3
"""Information measures of a dlm-exact/law@1 file with the dit library (float64).

The peer of `dlm-exact info` for users of dit: the law as a dit.Distribution, H(X_S) by
dit.shannon.entropy for every subset S (dit reports bits; converted to nats), then the same
averages and measures as info_numpy.py (whose report it uses). Not run on the development machine: dit is not
installable there (bench/peers/run.py skips it when `import dit` fails).

Usage: python3 info_dit.py LAW.json
"""
import itertools
import json
import math
import sys
from fractions import Fraction

import dit

from info_numpy import report


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
    report(path, v, l, e, "float64, dit")


if __name__ == "__main__":
    main(sys.argv[1])
