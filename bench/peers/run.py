#!/usr/bin/env python3
"""Runs `dlm-exact info` and the peers a user would pick instead side by side, as whole processes.

For each length L the fixed weight law of mod_law.py (V = 2, weight 1 + (index mod 13)) is
written to a temporary law file; then every peer reads that file and prints the information
measures: `dlm-exact info` (exact, through the repository's launcher, JVM start included),
info_numpy.py (float64 numpy) and, where the dit library is installed, info_dit.py. Each run is
timed by /usr/bin/time -v (wall clock, user + system CPU, peak resident set size); the runs of
one length alternate between the peers, and the median of --repeat runs is reported. The float
peers' H(X) is checked against the exact certified decimal (relative error below 1e-9).

Standard library only. Usage:
  python3 bench/peers/run.py [--lengths 10,12,14,16] [--repeat 3] [--modulus 13]
Prints a Markdown table and the growth of each cost from one length to the next.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"  # Debian's python3, where apt's python3-numpy is installed


def has_module(name):
    return subprocess.run([PYTHON, "-c", "import " + name], capture_output=True).returncode == 0


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall s, cpu s, peak RSS MB)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr[-2000:]))
    err = r.stderr
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", err)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", err).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", err).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    return r.stdout, seconds, user + system, rss


def entropy_line(out):
    m = re.search(r"^H\(X\)\s+(\S+)", out, re.M)
    return float(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lengths", default="10,12,14,16")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--modulus", type=int, default=13)
    args = ap.parse_args()
    lengths = [int(x) for x in args.lengths.split(",")]

    peers = [("dlm-exact (exact)", lambda f: [os.path.join(REPO, "dlm-exact"), "info", "--law", f])]
    if has_module("numpy"):
        peers.append(("numpy float64", lambda f: [PYTHON, os.path.join(HERE, "info_numpy.py"), f]))
    else:
        print("numpy is not installed for %s (apt-get install python3-numpy): its column is left out" % PYTHON)
    if has_module("dit"):
        peers.append(("dit float64", lambda f: [PYTHON, os.path.join(HERE, "info_dit.py"), f]))
    else:
        print("dit is not installed for %s: its column is left out" % PYTHON)

    # build the jar (and its class-data archive) before anything is timed
    subprocess.run([os.path.join(REPO, "dlm-exact"), "info", "--law", "pairs:4"], check=True, capture_output=True)

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for l in lengths:
            law = os.path.join(tmp, "mod%d-2-%d.json" % (args.modulus, l))
            subprocess.run([PYTHON, os.path.join(HERE, "mod_law.py"), "2", str(l), str(args.modulus), law], check=True)
            runs = {name: [] for name, _ in peers}
            outs = {}
            for _ in range(args.repeat):
                for name, cmd in peers:
                    out, wall, cpu, rss = timed(cmd(law))
                    runs[name].append((wall, cpu, rss))
                    outs[name] = out
            exact = entropy_line(outs[peers[0][0]])
            for name, _ in peers[1:]:
                h = entropy_line(outs[name])
                if abs(h - exact) > 1e-9 * abs(exact):
                    sys.exit("%s: H(X) = %r differs from the exact %r at L = %d" % (name, h, exact, l))
            results[l] = {name: tuple(statistics.median(r[i] for r in rs) for i in range(3))
                          for name, rs in runs.items()}
            print("L = %d done" % l, file=sys.stderr)

    names = [name for name, _ in peers]
    head = ["L", "outcomes"]
    for name in names:
        head += [name + " wall (s)", "CPU (s)", "peak RSS (MB)"]
    if len(names) > 1:
        head.append("numpy / exact wall")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for l in lengths:
        row = [str(l), str(2 ** l)]
        for name in names:
            wall, cpu, rss = results[l][name]
            row += ["%.2f" % wall, "%.2f" % cpu, "%.0f" % rss]
        if len(names) > 1:
            row.append("%.1f" % (results[l][names[1]][0] / results[l][names[0]][0]))
        print("| " + " | ".join(row) + " |")
    print()
    print("growth from one length to the next (factor per +%d in L):" % (lengths[1] - lengths[0]) if len(lengths) > 1 else "")
    for a, b in zip(lengths, lengths[1:]):
        parts = []
        for name in names:
            wa, ca, ra = results[a][name]
            wb, cb, rb = results[b][name]
            parts.append("%s: wall x%.1f, CPU x%.1f, RSS x%.1f" % (name, wb / wa, cb / ca, rb / ra))
        print("  L %d -> %d: %s" % (a, b, "; ".join(parts)))


if __name__ == "__main__":
    main()
