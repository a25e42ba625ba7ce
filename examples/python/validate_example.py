#!/usr/bin/env python3
"""A consumer of dlm-exact in another language (standard library only).

1. Implements the random-order masked diffusion sampler in floating point for a
   dlm-exact/law@1 file, draws samples and writes them, one sequence per line.
2. Validates itself with `./dlm-exact validate samples` (the exact output law nu,
   a G-test); a deliberately buggy variant (a batch drawn jointly instead of
   independently) must be rejected.
3. Computes the information measures of every law in test-vectors/info.json in
   floating point, writes a dlm-exact/results@1 file and checks it with
   `./dlm-exact validate values`.

Run from anywhere: python3 examples/python/validate_example.py [--keep DIR]
Exit code 0 when every check came out as expected.
"""
import argparse
import itertools
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DLM = os.path.join(ROOT, "dlm-exact")


def read_law(path):
    """The law as (V, L, {outcome tuple: float probability})."""
    with open(path) as f:
        doc = json.load(f)
    assert doc["schema"] == "dlm-exact/law@1", doc.get("schema")
    return law_from_doc(doc)


def law_from_doc(doc):
    probs = {tuple(e["x"]): float(Fraction(str(e["p"]))) for e in doc["support"]}
    return doc["alphabetSize"], doc["length"], probs


class FloatSampler:
    """Random-order sampler: uniformly random ordered partition with sizes k_1..k_T (reveal
    order); every token of batch j drawn independently from mu(x_i | x_visible)."""

    def __init__(self, law, schedule, joint_bug=False):
        self.v, self.l, self.mu = law
        self.k = schedule
        assert sum(schedule) == self.l
        self.joint_bug = joint_bug
        self.cache = {}

    def conditional(self, visible, x, i):
        """mu(X_i = . | X_visible = x_visible) as a list of V floats."""
        key = (visible, tuple(x[p] for p in visible), i)
        if key not in self.cache:
            w = [0.0] * self.v
            for y, p in self.mu.items():
                if all(y[q] == x[q] for q in visible):
                    w[y[i]] += p
            s = math.fsum(w)
            self.cache[key] = [a / s for a in w]
        return self.cache[key]

    def joint(self, visible, x, block):
        """mu(X_block = . | X_visible = x_visible) as (outcomes, weights): the BUG variant."""
        w = {}
        for y, p in self.mu.items():
            if all(y[q] == x[q] for q in visible):
                key = tuple(y[q] for q in block)
                w[key] = w.get(key, 0.0) + p
        keys = sorted(w)
        return keys, [w[k] for k in keys]

    def sample(self, rng):
        order = list(range(self.l))
        rng.shuffle(order)
        x = [None] * self.l
        visible = ()
        start = 0
        for size in self.k:
            block = order[start:start + size]
            start += size
            if self.joint_bug:
                keys, weights = self.joint(visible, x, block)
                values = rng.choices(keys, weights)[0]
                for q, a in zip(block, values):
                    x[q] = a
            else:
                for i in block:
                    x[i] = rng.choices(range(self.v), self.conditional(visible, x, i))[0]
            visible = tuple(sorted(visible + tuple(block)))
        return x


def entropy(probs):
    return -math.fsum(p * math.log(p) for p in probs if p > 0)


def measures(v, l, mu):
    """H, TC, DTC, SumI, Z_1..Z_L and e_0..e_L in floating point."""
    h = {}
    for r in range(l + 1):
        for s in itertools.combinations(range(l), r):
            marg = {}
            for y, p in mu.items():
                key = tuple(y[q] for q in s)
                marg[key] = marg.get(key, 0.0) + p
            h[s] = entropy(marg.values()) if s else 0.0
    full = tuple(range(l))
    e = [math.fsum(h[s] for s in itertools.combinations(range(l), k)) / math.comb(l, k) for k in range(l + 1)]
    z = [math.fsum([e[1], e[j - 1], -e[j]]) for j in range(1, l + 1)]
    singles = [h[(i,)] for i in range(l)]
    rest = [h[tuple(q for q in full if q != i)] for i in range(l)]
    tc = math.fsum(singles + [-h[full]])
    dtc = math.fsum(rest + [(1 - l) * h[full]])
    sumi = math.fsum(singles + rest + [-l * h[full]])
    return {"entropy": h[full], "totalCorrelation": tc, "dualTotalCorrelation": dtc,
            "sumMutualInformation": sumi, "informationCurve": z, "averageEntropies": e}


def run(args, expect):
    print("$ " + " ".join(args[1:] if args[0] == DLM else args))
    p = subprocess.run(args, capture_output=True, text=True)
    out = p.stdout.strip().splitlines()
    for line in out[:12]:
        print("  " + line)
    if len(out) > 12:
        print("  ... (%d more lines)" % (len(out) - 12))
    if p.stderr.strip():
        print("  stderr: " + p.stderr.strip())
    ok = p.returncode == expect
    print("  exit %d (expected %d): %s" % (p.returncode, expect, "ok" if ok else "UNEXPECTED"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--law", default=os.path.join(ROOT, "examples", "python", "law.json"))
    ap.add_argument("--schedule", default="2,2")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="write the samples and results here instead of a temporary folder")
    a = ap.parse_args()
    schedule = [int(s) for s in a.schedule.split(",")]
    law = read_law(a.law)
    out_dir = a.keep or tempfile.mkdtemp(prefix="dlm-exact-example-")
    os.makedirs(out_dir, exist_ok=True)
    ok = True

    # 1-2: sample in floating point, validate against the exact output law
    for bug, expect in ((False, 0), (True, 1)):
        rng = random.Random(a.seed)
        sampler = FloatSampler(law, schedule, joint_bug=bug)
        path = os.path.join(out_dir, "samples-joint-bug.txt" if bug else "samples.txt")
        with open(path, "w") as f:
            for _ in range(a.count):
                f.write(" ".join(map(str, sampler.sample(rng))) + "\n")
        print("\n# %d samples from the float sampler%s" % (a.count, " WITH the joint-batch bug" if bug else ""))
        ok &= run([DLM, "validate", "samples", "--law", a.law, "--schedule", a.schedule, "--samples", path], expect)

    # 3: information measures of every law in the info vectors, as a results file
    vectors = os.path.join(ROOT, "test-vectors")
    with open(os.path.join(vectors, "info.json")) as f:
        info = json.load(f)
    results = []
    for group in info["testGroups"]:
        for case in group["tests"]:
            if "law" not in case:
                continue  # sweep digests need an exact implementation
            m = measures(*law_from_doc(case["law"]))
            for field, value in m.items():
                if isinstance(value, list):
                    results += [{"file": "info.json", "tcId": case["tcId"], "field": "%s[%d]" % (field, n),
                                 "value": x} for n, x in enumerate(value)]
                else:
                    results.append({"file": "info.json", "tcId": case["tcId"], "field": field, "value": value})
    res_path = os.path.join(out_dir, "results.json")
    with open(res_path, "w") as f:
        json.dump({"schema": "dlm-exact/results@1", "implementation": "examples/python float64", "results": results},
                  f, indent=1)
    print("\n# %d float values for the info vectors" % len(results))
    ok &= run([DLM, "validate", "values", "--vectors", vectors, "--results", res_path, "--failures-only"], 0)
    print("\nall checks as expected" if ok else "\nSOME CHECK DID NOT COME OUT AS EXPECTED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
