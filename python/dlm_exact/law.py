"""Data laws with exact probabilities, their conditionals and information measures, from dlm-exact."""

from __future__ import annotations

import contextlib
import json
import math
import operator
import os
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from ._cli import Cli, default_cli

__all__ = ["ConditionalTable", "Info", "Law", "Quantity"]

Outcome = Tuple[int, ...]
Row = Tuple[Fraction, ...]


@dataclass(frozen=True)
class Quantity:
    """An exact value as dlm-exact prints it: its exact text (``2*ln(2) - ln(3)``, SPEC §2.2), a
    certified decimal and, in golden vectors, the nearest double. ``float(q)`` gives a float."""

    exact: str
    decimal: str
    float64: Optional[float] = None

    @classmethod
    def from_json(cls, node: Any) -> "Quantity":
        if node == "+inf" or (isinstance(node, dict) and node.get("exact") == "+inf"):
            return cls("+inf", "+inf", math.inf)
        if not isinstance(node, dict) or "exact" not in node:
            raise ValueError(f"not a quantity: {node!r}")
        f = node.get("float64")
        return cls(str(node["exact"]), str(node["decimal"]), None if f is None else float(f))

    def __float__(self) -> float:
        if self.float64 is not None:
            return self.float64
        return math.inf if self.decimal == "+inf" else float(self.decimal)

    @property
    def is_infinite(self) -> bool:
        return self.exact == "+inf"


@dataclass(frozen=True)
class Info:
    """The information measures of a law (``dlm-exact info``, in nats)."""

    entropy: Quantity
    total_correlation: Quantity
    dual_total_correlation: Quantity
    sum_mutual_information: Quantity
    information_curve: Tuple[Quantity, ...]
    """``Z_1 .. Z_L``."""
    average_entropies: Tuple[Quantity, ...]
    """``e_0 .. e_L``."""


class ConditionalTable:
    """The optimal predictor of a law, read from ``dlm-exact law --conditionals``: for every visible
    set, visible values and masked position the exact row ``mu(X_i = . | X_C = x_C)``. Contexts of
    probability zero carry the uniform row (the row dlm-exact's samplers give them) and are listed in
    :attr:`zero_probability`."""

    def __init__(self, text: str) -> None:
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("schema") != "dlm-exact/predictor@1":
            raise ValueError("not a dlm-exact/predictor@1 table")
        self.text = text
        self.alphabet_size: int = int(doc["alphabetSize"])
        self.length: int = int(doc["length"])
        self.rows: Dict[Tuple[int, Outcome, int], Row] = {}
        zero = set()
        for e in doc["entries"]:
            mask = 0
            for p in e["visible"]:
                mask |= 1 << p
            values = tuple(e["values"])
            self.rows[(mask, values, e["position"])] = tuple(Fraction(str(q)) for q in e["p"])
            if e.get("zeroProbability", False):
                zero.add((mask, values))
        self.zero_probability: FrozenSet[Tuple[int, Outcome]] = frozenset(zero)
        """The contexts ``(visible bit mask, visible values)`` of probability zero."""

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, visible_positions: Sequence[int], values: Sequence[int], position: int) -> Row:
        mask, vals = _context(self.alphabet_size, self.length, visible_positions, values, position)
        return self.rows[(mask, vals, operator.index(position))]


class Law:
    """A data law on ``[V]^L`` as dlm-exact validated it, with exact :class:`~fractions.Fraction`
    probabilities. Make one with :meth:`from_spec`, :meth:`from_file` or :meth:`from_support`."""

    def __init__(self, text: str, argument: Optional[str], cli: Optional[Cli], name: str) -> None:
        doc = json.loads(text)
        self.text = text
        """The canonical ``dlm-exact/law@1`` text."""
        self.alphabet_size: int = int(doc["alphabetSize"])
        self.length: int = int(doc["length"])
        self.support: Dict[Outcome, Fraction] = {tuple(e["x"]): Fraction(str(e["p"])) for e in doc["support"]}
        """Every outcome of positive probability, in lexicographic order, with its probability."""
        self.name = name
        self._argument = argument
        self._cli = cli
        self._conditionals: Optional[ConditionalTable] = None

    @classmethod
    def from_spec(cls, spec: str, *, cli: Optional[Cli] = None) -> "Law":
        """A built-in family such as ``"pairs:4"`` or ``"markov:4:9/10,1/10;1/5,4/5"`` (SPEC §3.2)."""
        c = cli or default_cli()
        return cls(c.run(["law", "--law", spec]).stdout, spec, cli, spec)

    @classmethod
    def from_file(cls, path: "os.PathLike[str] | str", *, cli: Optional[Cli] = None) -> "Law":
        """A ``dlm-exact/law@1`` file (SPEC §3.1)."""
        p = Path(path).resolve()
        if not p.is_file():
            raise FileNotFoundError(f"no law file '{path}'")
        c = cli or default_cli()
        return cls(c.run(["law", "--law", str(p)]).stdout, str(p), cli, str(path))

    @classmethod
    def from_support(cls, alphabet_size: int, length: int,
                     probabilities: Mapping[Sequence[int], Union[Fraction, int, str]], *,
                     cli: Optional[Cli] = None) -> "Law":
        """A law from its outcomes and exact probabilities (``Fraction``, ``int`` or text such as
        ``"1/3"``; floats are refused: write ``Fraction("0.1")``); dlm-exact checks that they sum to 1."""
        support = []
        for x, p in probabilities.items():
            if isinstance(p, float):
                raise TypeError(f"probability of {tuple(x)} is the float {p!r}; give an exact Fraction or text")
            support.append({"x": [operator.index(t) for t in x], "p": str(Fraction(p))})
        doc = {"schema": "dlm-exact/law@1", "alphabetSize": alphabet_size, "length": length, "support": support}
        c = cli or default_cli()
        with _temporary_file(json.dumps(doc)) as f:
            text = c.run(["law", "--law", f]).stdout
        return cls(text, None, cli, "law")

    @classmethod
    def _from_canonical(cls, doc: Mapping[str, Any], name: str, cli: Optional[Cli] = None) -> "Law":
        """A law already in canonical form (from a golden vector): not run through dlm-exact again."""
        text = json.dumps(doc, separators=(",", ":")) + "\n"
        return cls(text, None, cli, name)

    @property
    def cli(self) -> Cli:
        return self._cli or default_cli()

    @contextlib.contextmanager
    def argument(self) -> Iterator[str]:
        """The ``--law`` argument for this law (a temporary file while the block runs, if needed)."""
        if self._argument is not None:
            yield self._argument
        else:
            with _temporary_file(self.text) as f:
                yield f

    def __repr__(self) -> str:
        return (f"Law({self.name!r}: alphabetSize {self.alphabet_size}, length {self.length}, "
                f"support {len(self.support)})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Law) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def probability(self, x: Sequence[int]) -> Fraction:
        """``mu(x)``."""
        return self.support.get(tuple(operator.index(t) for t in x), Fraction(0))

    def marginal(self, visible_positions: Sequence[int], values: Sequence[int]) -> Fraction:
        """``mu(X_C = x_C)``, the probability of the visible values."""
        mask, vals = _context(self.alphabet_size, self.length, visible_positions, values, None)
        positions = [i for i in range(self.length) if mask >> i & 1]
        return sum((p for x, p in self.support.items() if tuple(x[i] for i in positions) == vals), Fraction(0))

    def conditional(self, visible_positions: Sequence[int], values: Sequence[int], position: int) -> Row:
        """``mu(X_i = . | X_C = x_C)`` for a masked position ``i``: ``V`` exact fractions. Where
        ``mu(X_C = x_C) = 0`` this is the uniform row, the row dlm-exact's samplers use there."""
        return self.conditionals().row(visible_positions, values, position)

    def conditionals(self) -> ConditionalTable:
        """The whole table of conditionals (``dlm-exact law --conditionals``; computed once)."""
        if self._conditionals is None:
            with self.argument() as a:
                self._conditionals = ConditionalTable(self.cli.run(["law", "--law", a, "--conditionals"]).stdout)
        return self._conditionals

    def info(self, digits: int = 20) -> Info:
        """Entropy, TC, DTC, SumI, the information curve and the average entropies (``dlm-exact info``)."""
        with self.argument() as a:
            doc = json.loads(self.cli.run(["info", "--law", a, "--json", "--digits", str(digits)]).stdout)
        q = Quantity.from_json
        return Info(q(doc["entropy"]), q(doc["totalCorrelation"]), q(doc["dualTotalCorrelation"]),
                    q(doc["sumMutualInformation"]), tuple(q(n) for n in doc["informationCurve"]),
                    tuple(q(n) for n in doc["averageEntropies"]))


def _context(v: int, length: int, visible_positions: Sequence[int], values: Sequence[int],
             position: Optional[int]) -> Tuple[int, Outcome]:
    """The bit mask of the visible positions and their values in increasing position order, checked."""
    pos = [operator.index(p) for p in visible_positions]
    vals = [operator.index(a) for a in values]
    if len(pos) != len(vals):
        raise ValueError(f"{len(pos)} visible positions but {len(vals)} values")
    if len(set(pos)) != len(pos):
        raise ValueError(f"visible positions {pos} repeat a position")
    for p, a in zip(pos, vals):
        if not 0 <= p < length:
            raise ValueError(f"visible position {p} is outside [0, {length})")
        if not 0 <= a < v:
            raise ValueError(f"value {a} at position {p} is outside [0, {v})")
    if position is not None:
        i = operator.index(position)
        if not 0 <= i < length:
            raise ValueError(f"position {i} is outside [0, {length})")
        if i in pos:
            raise ValueError(f"position {i} is visible; a predicted position must be masked")
    mask = 0
    for p in pos:
        mask |= 1 << p
    pairs: List[Tuple[int, int]] = sorted(zip(pos, vals))
    return mask, tuple(a for _, a in pairs)


@contextlib.contextmanager
def _temporary_file(text: str, name: str = "law.json") -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="dlm-exact-") as d:
        path = Path(d) / name
        path.write_text(text, encoding="utf-8")
        yield str(path)
