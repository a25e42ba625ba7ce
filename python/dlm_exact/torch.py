"""An oracle model for PyTorch masked-diffusion samplers (needs ``torch``).

Swap your network for :class:`OracleModel` and your sampler's output law is known exactly (it is
the law dlm-exact computes for that sampler with the optimal predictor), so any deviation found by
:func:`dlm_exact.validate_samples` is a bug of the sampler.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, List, Optional, Union

import torch
from torch import nn

from .law import Law

__all__ = ["CONVENTIONS", "OracleModel", "OracleOutput"]

CONVENTIONS = ("llada", "mdlm-subs", "dream")


class OracleOutput:
    """What a Hugging Face model returns, as far as samplers use it: ``.logits``."""

    def __init__(self, logits: torch.Tensor) -> None:
        self.logits = logits

    def __getitem__(self, index: int) -> torch.Tensor:
        if index != 0:
            raise IndexError(index)
        return self.logits


def _log(p: Fraction) -> float:
    """``ln p`` in float64 from the exact fraction (``-inf`` for 0), accurate also for huge terms."""
    if p == 0:
        return -math.inf
    return math.log(p.numerator) - math.log(p.denominator)


class OracleModel(nn.Module):
    """A model whose predictions are the exact conditionals of a law: for a masked position ``i`` of
    an input ``x``, ``logits[b, i, a] = log mu(X_i = a | the visible tokens of x[b])`` for the data
    tokens ``a = 0 .. V-1``, and ``-inf`` at ``mask_id``. A visible position's row is one-hot (0 at
    its token, ``-inf`` elsewhere). Where the visible tokens have probability zero under the law
    (a sampler drawing positions independently can get there) the row is uniform, the row dlm-exact
    uses there, so the exact output law of the sampler is the one dlm-exact computes with the
    ``optimal`` predictor.

    Inputs are ``LongTensor`` batches of shape ``(batch, prompt_length + L)``: a prompt (ignored),
    then the ``L`` positions of the law, each a data token in ``[0, V)`` or ``mask_id``. The output
    has shape ``(batch, prompt_length + L, vocab_size)``, ``vocab_size = max(V, mask_id + 1)`` by
    default (``mask_id = V`` gives ``V + 1``, MDLM's layout; a larger ``mask_id`` such as LLaDA's
    126336 works too, the extra columns are ``-inf``). Prompt rows are 0 over the data tokens.

    ``convention`` says how the model is called and what it returns, as the families do:

    ``"llada"``
        ``model(x, attention_mask=None)`` returns an object with ``.logits``, and ``model.device``
        is a property, like a Hugging Face model (LLaDA's ``generate``). Samplers ignore the rows of
        visible positions. Use ``cfg_scale=0``: the oracle ignores the prompt, so guidance has
        nothing to amplify, and ``-inf - -inf`` would make it NaN.
    ``"mdlm-subs"``
        ``model(x, sigma)`` returns the logits tensor itself, in MDLM's SUBS parameterisation:
        normalised log-probabilities, ``-inf`` at the mask, visible rows one-hot. It can stand in for
        MDLM's ``Diffusion.forward`` or its ``backbone`` (SUBS then changes nothing); ``sigma`` is
        ignored (the oracle is time-independent, like MDLM without time conditioning).
    ``"dream"``
        ``model(x, attention_mask, tok_idx)`` returns ``.logits`` shifted as Dream's models are: the
        output at ``i - 1`` predicts position ``i`` (Dream's sampler shifts it back). So the first law
        position is predicted from the prompt's last position: ``prompt_length >= 1``. The output
        at the last position predicts nothing and is 0 over the data tokens.

    The table of every context's row is computed once from ``law.conditionals()`` (``(V+1)^L``
    states; dlm-exact refuses tables above a million entries) and a batch is looked up in one
    indexing operation. ``dtype`` is that of the logits returned, ``float64`` by default: the exact
    conditionals rounded once. With ``float32`` or ``bfloat16`` logits are rounded much more, so
    the probabilities a sampler computes from them (and the order of close confidences) are no
    longer the law's: the sampler's output law moves, and with enough samples a correct sampler can
    fail validation. That is the effect of low-precision logits on your sampler; validate with the
    default to test the sampler's logic.
    """

    def __init__(self, law: Union[Law, str], mask_id: int, convention: str = "llada", *, prompt_length: int = 0,
                 vocab_size: Optional[int] = None, dtype: torch.dtype = torch.float64,
                 device: Union[str, torch.device, None] = None) -> None:
        super().__init__()
        if isinstance(law, str):
            law = Law.from_spec(law)
        if convention not in CONVENTIONS:
            raise ValueError(f"unknown convention '{convention}'; conventions: {', '.join(CONVENTIONS)}")
        v = law.alphabet_size
        length = law.length
        if mask_id < v:
            raise ValueError(f"mask_id {mask_id} is a data token of the law (tokens 0..{v - 1}); use mask_id >= {v}")
        vocab = max(v, mask_id + 1) if vocab_size is None else vocab_size
        if vocab <= mask_id:
            raise ValueError(f"vocab_size {vocab} has no column for mask_id {mask_id}")
        if prompt_length < 0 or (convention == "dream" and prompt_length < 1):
            raise ValueError("the dream convention predicts position i from output i - 1, so it needs a prompt: "
                             "prompt_length >= 1" if convention == "dream" else "prompt_length must be >= 0")
        if not dtype.is_floating_point:
            raise ValueError(f"dtype must be a floating-point type, got {dtype}")
        self.law = law
        self.alphabet_size = v
        self.length = length
        self.mask_id = mask_id
        self.convention = convention
        self.prompt_length = prompt_length
        self.vocab_size = vocab
        self.dtype = dtype
        states = (v + 1) ** length
        weights = [(v + 1) ** (length - 1 - i) for i in range(length)]
        flat: List[float] = [0.0] * (states * length * v)
        conditionals = law.conditionals()
        for (mask, values, position), row in conditionals.rows.items():
            code = 0
            it = iter(values)
            for i in range(length):
                code += (next(it) if mask >> i & 1 else v) * weights[i]
            base = (code * length + position) * v
            flat[base:base + v] = [_log(p) for p in row]
        table = torch.tensor(flat, dtype=torch.float64).reshape(states, length, v)
        self.register_buffer("table", table, persistent=False)
        self.register_buffer("weights", torch.tensor(weights, dtype=torch.long), persistent=False)
        if device is not None:
            self.to(device)

    @property
    def device(self) -> torch.device:
        """Where the table (and so the output) lives."""
        return self.table.device

    def extra_repr(self) -> str:
        return (f"law={self.law.name!r}, V={self.alphabet_size}, L={self.length}, mask_id={self.mask_id}, "
                f"convention={self.convention!r}, prompt_length={self.prompt_length}, dtype={self.dtype}")

    def forward(self, x: torch.Tensor, *args: Any, **kwargs: Any) -> Any:
        """The logits for the batch ``x`` (other arguments are accepted and ignored)."""
        if not isinstance(x, torch.Tensor) or x.dim() != 2 or x.dtype.is_floating_point or x.dtype == torch.bool:
            raise ValueError("the input must be an integer tensor of shape (batch, prompt_length + L), got "
                             + (f"{x.dtype} of shape {tuple(x.shape)}" if isinstance(x, torch.Tensor)
                                else type(x).__name__))
        p, length, v = self.prompt_length, self.length, self.alphabet_size
        if x.shape[1] != p + length:
            raise ValueError(f"the input has {x.shape[1]} positions; expected prompt_length {p} + L {length} = "
                             f"{p + length}")
        body = x[:, p:].to(self.table.device, torch.long)
        masked = body == self.mask_id
        bad = ~masked & ((body < 0) | (body >= v))
        if bool(bad.any()):
            b, i = (int(t) for t in bad.nonzero()[0])
            raise ValueError(f"token {int(body[b, i])} at batch {b}, position {p + i} is neither a data token in "
                             f"[0, {v}) nor the mask id {self.mask_id}")
        code = (torch.where(masked, torch.full_like(body, v), body) * self.weights).sum(-1)
        rows = self.table[code]
        tokens = torch.arange(v, device=body.device)
        zero = torch.zeros((), dtype=torch.float64, device=body.device)
        minus_inf = torch.full((), -math.inf, dtype=torch.float64, device=body.device)
        one_hot = torch.where(tokens == body.unsqueeze(-1), zero, minus_inf)
        data = torch.where(masked.unsqueeze(-1), rows, one_hot)
        out = torch.full((x.shape[0], p + length, self.vocab_size), -math.inf, dtype=torch.float64,
                         device=body.device)
        out[:, :, :v] = 0.0
        first = p - 1 if self.convention == "dream" else p
        out[:, first:first + length, :v] = data
        out = out.to(self.dtype)
        return out if self.convention == "mdlm-subs" else OracleOutput(out)
