"""The golden test vectors of dlm-exact, case by case, for your own test suite.

>>> from dlm_exact import vectors
>>> for case in vectors.cases("info"):                                # doctest: +SKIP
...     h = my_entropy(case.law)
...     assert case.tolerance.accepts(h, case.quantity("entropy")), case.comment

Kinds: ``info``, ``sampler``, ``output-law``, ``bounds``, ``invalid`` (see ``test-vectors/README.md``
of the repository for every field). The vectors are read from, in this order: the ``directory``
argument, the folder named by ``DLM_EXACT_VECTORS``, the ``test-vectors`` folder of the repository
the dlm-exact in use belongs to, or else they are generated once per process by
``dlm-exact vectors generate`` (deterministic: the same bytes as the checked-in files).
"""

from __future__ import annotations

import atexit
import json
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple, Union

from ._cli import Cli, default_cli
from .law import Law, Quantity

__all__ = ["KINDS", "Case", "Tolerance", "cases", "default_directory"]

KINDS: Tuple[str, ...] = ("info", "sampler", "output-law", "bounds", "invalid")

_generated: Dict[Tuple[str, ...], Path] = {}


@dataclass(frozen=True)
class Tolerance:
    """A group's tolerance: ``|x - v| <= max(absolute, relative * |v|)``, and why it is that."""

    relative: float
    absolute: float
    why: str

    def accepts(self, value: float, expected: Union[Quantity, float]) -> bool:
        """The comparison in floating point (``dlm-exact validate values`` decides it exactly)."""
        v = float(expected)
        if math.isinf(v) or math.isinf(value):
            return v == value
        return abs(value - v) <= max(self.absolute, self.relative * abs(v))


@dataclass(frozen=True)
class Case:
    """One test case: its id (``tcId``), comment, flags, expected ``result`` (``valid``, ``invalid``,
    ``acceptable``), group, the group's tolerance and the whole case as read (``data``)."""

    kind: str
    id: int
    comment: str
    flags: Tuple[str, ...]
    result: str
    group: str
    tolerance: Optional[Tolerance]
    data: Dict[str, Any]

    @property
    def values(self) -> Dict[str, Any]:
        """The expected values (empty for refused inputs)."""
        v = self.data.get("values")
        return v if isinstance(v, dict) else {}

    @property
    def law(self) -> Optional[Law]:
        """The case's data law (``None`` for ``invalid`` cases, whose input is text)."""
        doc = self.data.get("law")
        if not isinstance(doc, dict):
            return None
        return Law._from_canonical(doc, str(self.data.get("lawName", f"{self.kind} tcId {self.id}")))

    def quantity(self, field: str) -> Quantity:
        """The quantity at a field path of :attr:`values`, such as ``"entropy"``,
        ``"informationCurve[1]"``, ``"trainingError.stepWeighted"`` or ``"outputLaw[3].p"``."""
        if not re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[\d+\])*", field):
            raise ValueError(f"malformed field path '{field}'")
        node: Any = self.values
        for m in re.finditer(r"([A-Za-z_]\w*)|\[(\d+)\]", field):
            try:
                node = node[m.group(1)] if m.group(1) is not None else node[int(m.group(2))]
            except (KeyError, IndexError, TypeError):
                raise KeyError(f"{self.kind} tcId {self.id} has no field '{field}'") from None
        return Quantity.from_json(node)


def default_directory(cli: Optional[Cli] = None) -> Path:
    """The folder the vectors are read from when no directory is given (see the module documentation)."""
    env = os.environ.get("DLM_EXACT_VECTORS")
    if env:
        return Path(env)
    c = cli or default_cli()
    if c.root is not None and (c.root / "test-vectors" / "info.json").is_file():
        return c.root / "test-vectors"
    if c.command not in _generated:
        out = Path(tempfile.mkdtemp(prefix="dlm-exact-vectors-"))
        atexit.register(shutil.rmtree, out, True)
        c.run(["vectors", "generate", "--out", str(out)])
        _generated[c.command] = out
    return _generated[c.command]


def cases(kind: str, directory: "os.PathLike[str] | str | None" = None, *, cli: Optional[Cli] = None) -> Iterator[Case]:
    """Every case of the vector file ``<kind>.json``, in file order."""
    if kind not in KINDS:
        raise ValueError(f"unknown vector kind '{kind}'; kinds: {', '.join(KINDS)}")
    folder = Path(directory) if directory is not None else default_directory(cli)
    with open(folder / f"{kind}.json", encoding="utf-8") as f:
        doc = json.load(f)
    for g in doc["testGroups"]:
        t = g.get("tolerance")
        tol = None if t is None else Tolerance(float(t["relative"]), float(t["absolute"]), str(t["why"]))
        for c in g["tests"]:
            yield Case(kind, int(c["tcId"]), str(c.get("comment", "")), tuple(c.get("flags", ())),
                       str(c.get("result", "")), str(g["groupId"]), tol, c)
