"""Shared helpers of the package's tests: the command line, laws built once, independent computations."""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Tuple

import dlm_exact
from dlm_exact import Cli, Law

HAVE_TORCH = importlib.util.find_spec("torch") is not None
TORCH_SKIP_REASON = "torch is not installed (on Debian: apt-get install python3-torch, for /usr/bin/python3)"
FAKE = Path(__file__).with_name("fake_dlm_exact.py")


@functools.lru_cache(maxsize=None)
def cli() -> Cli:
    return dlm_exact.default_cli()


@functools.lru_cache(maxsize=None)
def law(spec: str) -> Law:
    return Law.from_spec(spec)


def sample(spec: str, sampler: Sequence[str], count: int, seed: int) -> List[List[int]]:
    """Exact samples from dlm-exact's own sampler (``sampler`` as options, e.g. ["--schedule", "2,2"])."""
    out = cli().run(["sample", "--law", spec, *sampler, "--count", str(count), "--seed", str(seed)]).stdout
    return [[int(t) for t in line.split()] for line in out.splitlines()]


def contexts(v: int, length: int) -> Iterator[Tuple[List[int], List[int], int]]:
    """Every (visible positions, values, masked position) of [V]^L."""
    for mask in range(1 << length):
        visible = [i for i in range(length) if mask >> i & 1]
        for values in itertools.product(range(v), repeat=len(visible)):
            for i in range(length):
                if not mask >> i & 1:
                    yield visible, list(values), i


def brute_conditional(support: Dict[Tuple[int, ...], Fraction], v: int, visible: Sequence[int],
                      values: Sequence[int], i: int) -> Tuple[Fraction, ...]:
    """mu(X_i = . | X_C = x_C) by summing over the support; uniform where the context has probability 0."""
    weights = [Fraction(0)] * v
    for x, p in support.items():
        if all(x[q] == a for q, a in zip(visible, values)):
            weights[x[i]] += p
    total = sum(weights)
    return tuple(w / total for w in weights) if total else tuple(Fraction(1, v) for _ in range(v))


def fake_cli(folder: Path, sampler_option: bool, trajectories: bool, exit_code: int = 0,
             message: str = "something is wrong (line 3)") -> Tuple[Cli, Path]:
    """A stand-in command line (tests/fake_dlm_exact.py) and the log of its runs (one JSON line each)."""
    log = folder / "log.jsonl"
    config = folder / "config.json"
    config.write_text(json.dumps({"log": str(log), "sampler": sampler_option, "trajectories": trajectories,
                                  "exit": exit_code, "message": message}))
    return Cli([sys.executable, str(FAKE), str(config)]), log


def runs(log: Path) -> List[dict]:
    """The runs a fake command line logged."""
    return [json.loads(line) for line in log.read_text().splitlines()]


def temporary_directory() -> "tempfile.TemporaryDirectory[str]":
    return tempfile.TemporaryDirectory(prefix="dlm-exact-test-")


def run_python(code: str, cwd: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False)
