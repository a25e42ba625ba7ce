"""Sampler specifications: ``NAME:PARAMETERS`` strings, and the command-line options they become.

The names are those of dlm-exact's ``--sampler`` option:

================================  =================================================================
``random-order:SIZES``            the random-order sampler with batch sizes ``SIZES`` (``2,1,1``,
                                  ``balanced:T``, ``ones``, ``one-shot``; reveal order)
``entropy-sum:T``                 reveal the lowest-entropy positions while their entropy sum <= T
``top-probability:K``             reveal the ``k_j`` positions with the largest top probability
``low-confidence:K``              LLaDA's low-confidence remasking with counts ``K``
``mdlm:...``, ``bernoulli:...``,  implementation profiles (``KEY=VALUE,...``); they need a
``dream:...``, ``llada:...``,     dlm-exact that has them (:class:`CommandUnavailable` otherwise)
``fast-dllm:...``, ``eb:...``,
``remdm:...``
================================  =================================================================

A dlm-exact without ``--sampler`` still runs the first four, through ``--schedule`` and ``--rule``.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ._cli import Cli, CommandUnavailable, DlmExactError

__all__ = ["NAMES", "RULES", "arguments", "supports_sampler_option", "unavailable"]

RULES: Tuple[str, ...] = ("entropy-sum", "top-probability", "low-confidence")
"""The adaptive rules that ``--rule`` takes."""

NAMES: Tuple[str, ...] = ("random-order",) + RULES + (
    "mdlm", "bernoulli", "dream", "llada", "fast-dllm", "eb", "remdm")
"""Every sampler name this package knows (a newer dlm-exact may know more)."""


def supports_sampler_option(cli: Cli) -> bool:
    """Whether this dlm-exact has ``--sampler`` (read once from ``validate samples --help``)."""
    return cli.has_option("--sampler", "validate", "samples")


def arguments(spec: str, cli: Cli) -> List[str]:
    """The options that select the sampler ``spec``: ``--sampler SPEC`` when the command line has
    that option; otherwise ``--schedule SIZES`` for ``random-order:SIZES`` and ``--rule SPEC`` for
    a rule. Raises :class:`CommandUnavailable` for a profile this dlm-exact cannot run yet and
    :class:`ValueError` for a malformed or unknown name."""
    if not isinstance(spec, str):
        raise TypeError(f"a sampler is a string such as 'random-order:2,2', got {spec!r}")
    text = spec.strip()
    name, colon, rest = text.partition(":")
    if not colon or not name or not rest:
        raise ValueError(f"a sampler is NAME:PARAMETERS such as 'random-order:2,2' or 'low-confidence:2,2', "
                         f"got '{spec}'")
    if supports_sampler_option(cli):
        return ["--sampler", text]
    if name == "random-order":
        return ["--schedule", rest]
    if name in RULES:
        return ["--rule", text]
    if name in NAMES:
        raise CommandUnavailable(
            f"the sampler '{text}' needs dlm-exact's --sampler option, which this dlm-exact ({' '.join(cli.command)}) "
            f"does not have yet; it runs random-order:SIZES, " + ", ".join(r + ":..." for r in RULES))
    raise ValueError(f"unknown sampler '{name}' in '{spec}'; known: " + ", ".join(NAMES))


def unavailable(error: DlmExactError, spec: str, cli: Cli) -> Optional[CommandUnavailable]:
    """The refusal of a sampler name that this package knows but the dlm-exact in use does not know
    yet (an implementation profile it predates), as :class:`CommandUnavailable`; else ``None``."""
    m = re.search(r"unknown sampler '([^']+)'", error.message)
    if error.exit_code != 2 or m is None or m.group(1) not in NAMES:
        return None
    return CommandUnavailable(f"the sampler '{spec.strip()}' is not in this dlm-exact ({' '.join(cli.command)}) "
                              f"yet: {error.message}")
