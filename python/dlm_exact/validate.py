"""Validating samples and trajectories of a sampler against the exact law (``dlm-exact validate``)."""

from __future__ import annotations

import contextlib
import json
import math
import os
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import samplers
from ._cli import Cli, CommandUnavailable, DlmExactError, default_cli
from ._data import sequence, sequences, tolist
from .law import Law, _temporary_file

__all__ = ["ImpossibleOutcome", "Outcome", "SampleValidation", "TrajectoryValidation", "Validation",
           "validate_samples", "validate_trajectories"]

LawLike = Union[Law, str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Outcome:
    """An outcome among those contributing most to the test statistic."""

    x: Tuple[int, ...]
    observed: int
    expected: float
    nu: Fraction
    """Its exact probability under the sampler's output law."""
    residual: float
    """Pearson residual ``(observed - expected) / sqrt(expected)``."""


@dataclass(frozen=True)
class ImpossibleOutcome:
    """A sampled outcome that the sampler cannot produce (``nu(x) = 0``)."""

    x: Tuple[int, ...]
    observed: int


class _Invocation:
    """One validation command, kept so that the text report can be produced on demand."""

    def __init__(self, cli: Cli, law: LawLike, command: List[str], sampler: str, options: List[str],
                 file_option: str, file_name: str, content: str) -> None:
        self.cli = cli
        self.sampler = sampler
        self.law = law
        self.command = command
        self.options = options
        self.file_option = file_option
        self.file_name = file_name
        self.content = content

    def run(self, as_json: bool) -> "subprocess.CompletedProcess[str]":
        with _law_argument(self.law) as a, _temporary_file(self.content, self.file_name) as f:
            try:
                return self.cli.run([*self.command, "--law", a, *self.options, self.file_option, f]
                                    + (["--json"] if as_json else []), ok=(0, 1))
            except DlmExactError as e:
                u = samplers.unavailable(e, self.sampler, self.cli)
                if u is not None:
                    raise u from e
                raise


class Validation:
    """The verdict of a statistical validation (the p-value is a float by nature; it decides only
    this verdict)."""

    def __init__(self, raw: Dict[str, Any], exit_code: int, invocation: _Invocation) -> None:
        self.raw = raw
        """The command's JSON output."""
        self.exit_code = exit_code
        self.consistent: bool = exit_code == 0
        """Whether the samples are consistent with the exact law at level :attr:`alpha`."""
        p = raw.get("pValue")
        self.p_value: float = math.nan if p is None else float(p)
        self.alpha: float = float(raw.get("alpha", math.nan))
        self.decision_boundaries: Tuple[Dict[str, Any], ...] = tuple(raw.get("decisionBoundaries") or ())
        """Decisions of the sampler that rest on an exact tie or threshold equality (when dlm-exact
        reports them): there the verdict depends on how an implementation breaks ties or rounds."""
        self._invocation = invocation
        self._report: Optional[str] = None

    @property
    def report(self) -> str:
        """The command's text report (produced on first use: the command runs again without ``--json``)."""
        if self._report is None:
            self._report = self._invocation.run(as_json=False).stdout
        return self._report

    def assert_consistent(self) -> None:
        """Raises ``AssertionError`` with the report when the samples are not consistent."""
        if not self.consistent:
            raise AssertionError("not consistent with the exact law:\n" + self.report)

    def __repr__(self) -> str:
        verdict = "consistent" if self.consistent else "NOT consistent"
        return f"{type(self).__name__}({verdict}, p_value={self.p_value:.4g}, alpha={self.alpha:g})"


class SampleValidation(Validation):
    """The result of :func:`validate_samples` (``dlm-exact validate samples --json``)."""

    def __init__(self, raw: Dict[str, Any], exit_code: int, invocation: _Invocation) -> None:
        super().__init__(raw, exit_code, invocation)
        self.samples: int = int(raw["samples"])
        self.cells: int = int(raw["cells"])
        self.pooled_outcomes: int = int(raw["pooledOutcomes"])
        s = raw.get("statistic")
        self.statistic: float = math.nan if s is None else float(s)
        """The G statistic (NaN when impossible outcomes decided the verdict)."""
        self.degrees_of_freedom: int = int(raw["degreesOfFreedom"])
        self.worst: Tuple[Outcome, ...] = tuple(
            Outcome(tuple(o["x"]), int(o["observed"]), float(o["expected"]), Fraction(o["nu"]),
                    float(o["residual"])) for o in raw.get("top", ()))
        """The outcomes with the largest absolute residuals, largest first."""
        self.impossible: Tuple[ImpossibleOutcome, ...] = tuple(
            ImpossibleOutcome(tuple(o["x"]), int(o["observed"])) for o in raw.get("impossible", ()))


class TrajectoryValidation(Validation):
    """The result of :func:`validate_trajectories` (``dlm-exact validate trajectories --json``)."""

    def __init__(self, raw: Dict[str, Any], exit_code: int, invocation: _Invocation) -> None:
        super().__init__(raw, exit_code, invocation)
        g = raw.get("G")
        self.statistic: float = math.nan if g is None else float(g)
        self.degrees_of_freedom: Optional[int] = None if raw.get("df") is None else int(raw["df"])
        self.steps: Tuple[Dict[str, Any], ...] = tuple(raw.get("steps") or ())
        """Per step: ``{"step", "G", "df", "pValue"}``."""
        self.worst_contexts: Tuple[Dict[str, Any], ...] = tuple(raw.get("worstContexts") or ())
        """The visited ``(step, state)`` contexts most at odds with the exact kernel, most significant first."""


@contextlib.contextmanager
def _law_argument(law: LawLike) -> Iterator[str]:
    if isinstance(law, Law):
        with law.argument() as a:
            yield a
    elif isinstance(law, (str, os.PathLike)):
        yield os.fspath(law)
    else:
        raise TypeError(f"law must be a Law, a built-in family such as 'pairs:4' or a law file, got {law!r}")


def _cli_of(law: LawLike, cli: Optional[Cli]) -> Cli:
    if cli is not None:
        return cli
    return law.cli if isinstance(law, Law) else default_cli()


def _options(sampler: str, cli: Cli, alpha: float, predictor: str) -> List[str]:
    """The sampler, predictor (when not the default) and level options of a validation command."""
    a = float(alpha)
    if not 0 < a < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")
    options = samplers.arguments(sampler, cli)
    if predictor != "optimal":
        options += ["--predictor", os.fspath(predictor)]
    return options + ["--alpha", repr(a)]


def validate_samples(samples: Any, law: LawLike, sampler: str, alpha: float = 0.001, *,
                     predictor: str = "optimal", cli: Optional[Cli] = None) -> SampleValidation:
    """Tests final samples of a sampler against the exact output law of ``sampler`` (a spec such as
    ``"random-order:2,2"`` or ``"low-confidence:2,2"``, see :mod:`dlm_exact.samplers`) for the data
    law ``law`` and the predictor ``predictor`` (``optimal``, ``smoothed:LAMBDA`` or a
    ``dlm-exact/predictor@1`` file): a G-test at level ``alpha``.

    ``samples`` is a list of sequences of tokens in ``[0, V)`` or anything with ``tolist()`` (a
    tensor or an array of shape ``(n, L)``).
    """
    c = _cli_of(law, cli)
    rows = sequences(samples, "samples")
    if not rows:
        raise ValueError("no samples")
    content = "".join(" ".join(map(str, r)) + "\n" for r in rows)
    options = _options(sampler, c, alpha, predictor)
    inv = _Invocation(c, law, ["validate", "samples"], sampler, options, "--samples", "samples.txt", content)
    p = inv.run(as_json=True)
    return SampleValidation(json.loads(p.stdout), p.returncode, inv)


def _states(run: Any, where: str) -> List[List[int]]:
    run = tolist(run)
    if isinstance(run, dict):
        if "states" not in run:
            raise ValueError(f"{where} is a dict without 'states'")
        run = run["states"]
    return [sequence(s, f"{where}.states[{n}]") for n, s in enumerate(tolist(run))]


def trajectory_lines(trajectories: Any) -> str:
    """The JSON Lines text of ``validate trajectories``: one ``{"states": [[...], ...]}`` per run.

    ``trajectories`` is a :class:`~dlm_exact.trajectories.TrajectoryRecorder`, or an iterable of runs,
    each a list of states (``-1`` for a masked position) or a dict with ``"states"``.
    """
    runs: Iterable[Any] = getattr(trajectories, "trajectories", trajectories)
    lines = [json.dumps({"states": _states(r, f"trajectories[{n}]")}, separators=(",", ":"))
             for n, r in enumerate(runs)]
    if not lines:
        raise ValueError("no trajectories")
    return "\n".join(lines) + "\n"


def validate_trajectories(trajectories: Any, law: LawLike, sampler: str, alpha: float = 0.001, *,
                          predictor: str = "optimal", cli: Optional[Cli] = None) -> TrajectoryValidation:
    """Tests every step of recorded runs against the exact step kernel of ``sampler``
    (``dlm-exact validate trajectories``): the state after each step, ``-1`` for a masked position,
    starting from the all-masked state and ending with the output (see
    :class:`~dlm_exact.trajectories.TrajectoryRecorder`). The G-tests of all visited ``(step, state)``
    contexts are combined into one verdict at level ``alpha``; the worst contexts say where a sampler
    goes wrong.

    Raises :class:`~dlm_exact.CommandUnavailable` when the dlm-exact in use has no
    ``validate trajectories`` command yet (validate the final samples with :func:`validate_samples`
    meanwhile).
    """
    c = _cli_of(law, cli)
    if not c.has_command("validate", "trajectories"):
        raise CommandUnavailable(
            f"validate_trajectories needs the command 'validate trajectories', which this dlm-exact "
            f"({' '.join(c.command)}) does not have yet; validate the final samples with validate_samples meanwhile")
    content = trajectory_lines(trajectories)
    options = _options(sampler, c, alpha, predictor)
    inv = _Invocation(c, law, ["validate", "trajectories"], sampler, options, "--trajectories", "trajectories.jsonl",
                      content)
    p = inv.run(as_json=True)
    return TrajectoryValidation(json.loads(p.stdout), p.returncode, inv)

