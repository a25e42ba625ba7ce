"""A stand-in for the dlm-exact command line, for tests of how the package calls it.

Its first argument is a JSON file: {"log": a file to which each run appends its arguments and the
files it was given as a JSON line, "sampler": whether the --sampler option exists, "trajectories":
whether the 'validate trajectories' command exists, "exit": the exit code of a validation, "message":
the error message when that code is 2}.
"""

import json
import sys

SAMPLES_HELP = """Usage: dlm-exact validate samples [-hV] [--json] [--alpha=A] --law=NAME:ARGS|FILE
      --alpha=A              Significance level.
      --rule=R               An adaptive rule (see --sampler for more).
      --schedule=S           Random-order sampler.
"""
SAMPLER_LINE = "      --sampler=NAME:KEY=VALUE,...\n                             A sampler.\n"
VALIDATE_HELP = """Usage: dlm-exact validate [-hV] [COMMAND]
Commands:
  values   Compare a results file.
  samples  G-test of samples, and
             trajectories are not a command on this line.
"""


def main(config_path, argv):
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    log = config["log"]
    files = {}
    for opt in ("--samples", "--trajectories"):
        if opt in argv:
            with open(argv[argv.index(opt) + 1], encoding="utf-8") as f:
                files[opt] = f.read()
    with open(log, "a", encoding="utf-8") as f:
        f.write(json.dumps({"argv": argv, "files": files}) + "\n")
    if argv[-1] == "--help":
        if argv[:2] == ["validate", "samples"]:
            sys.stdout.write(SAMPLES_HELP + (SAMPLER_LINE if config["sampler"] else ""))
        elif argv[:1] == ["validate"]:
            extra = "  trajectories  Step-by-step G-tests.\n" if config["trajectories"] else ""
            sys.stdout.write(VALIDATE_HELP + extra)
        return 0
    if argv[:1] == ["law"]:
        sys.stdout.write('{"schema":"dlm-exact/law@1","alphabetSize":2,"length":2,"support":[\n'
                         '  {"x":[0,0],"p":"1/2"},\n  {"x":[1,1],"p":"1/2"}\n]}\n')
        return 0
    code = config["exit"]
    if code == 2:
        sys.stderr.write("dlm-exact: error: " + config["message"] + "\n")
        return 2
    if "--json" not in argv:
        sys.stdout.write("text report\n")
        return code
    if argv[:2] == ["validate", "trajectories"]:
        out = {"verdict": "consistent" if code == 0 else "not consistent", "G": 3.5, "df": 4, "pValue": 0.48,
               "alpha": float(argv[argv.index("--alpha") + 1]),
               "steps": [{"step": 1, "G": 3.5, "df": 4, "pValue": 0.48}],
               "worstContexts": [{"step": 1, "state": [-1, -1], "pValue": 0.48, "observed": {}, "expected": {}}],
               "decisionBoundaries": [{"step": 1, "kind": "tie", "positions": [0, 1]}]}
    else:
        out = {"samples": 2, "cells": 2, "pooledOutcomes": 0, "statistic": 0.5, "degreesOfFreedom": 1, "pValue": 0.48,
               "alpha": float(argv[argv.index("--alpha") + 1]), "consistent": code == 0, "impossible": [],
               "top": [{"x": [0, 0], "observed": 1, "expected": 1.0, "nu": "1/2", "residual": 0.0}]}
    sys.stdout.write(json.dumps(out))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
