"""Turning samples and states (lists, tuples, tensors, arrays) into lists of integers."""

from __future__ import annotations

import operator
from typing import Any, List


def tolist(obj: Any) -> Any:
    """``obj.tolist()`` for tensors and arrays (moved to the CPU first when needed), else ``obj``."""
    if hasattr(obj, "detach"):
        obj = obj.detach()
    if hasattr(obj, "cpu"):
        obj = obj.cpu()
    return obj.tolist() if hasattr(obj, "tolist") else obj


def sequence(obj: Any, where: str) -> List[int]:
    """One sequence of integer tokens (``bool`` and ``float`` are refused)."""
    row = tolist(obj)
    try:
        items = list(row)
    except TypeError:
        raise TypeError(f"{where} is not a sequence of tokens: {row!r}") from None
    out = []
    for n, t in enumerate(items):
        if isinstance(t, bool):
            raise TypeError(f"{where}[{n}] is the bool {t!r}, not a token")
        try:
            out.append(operator.index(t))
        except TypeError:
            raise TypeError(f"{where}[{n}] = {t!r} is not an integer token") from None
    return out


def sequences(obj: Any, what: str) -> List[List[int]]:
    """A batch of sequences: a list of lists or anything with ``tolist()`` giving one."""
    rows = tolist(obj)
    try:
        items = list(rows)
    except TypeError:
        raise TypeError(f"{what} must be a list of sequences or have tolist(), got {type(obj).__name__}") from None
    return [sequence(r, f"{what}[{n}]") for n, r in enumerate(items)]
