"""Recording a sampler's runs as trajectories: the state it calls the model with at every step."""

from __future__ import annotations

import json
import operator
import os
from typing import Any, Callable, List, Optional

from ._data import sequences

__all__ = ["RecordingModel", "TrajectoryRecorder"]

State = List[int]


class TrajectoryRecorder:
    """Records the inputs of a model as trajectories in the format of ``dlm-exact validate
    trajectories``: per run, the list of states, ``-1`` at a masked position, ``states[0]`` the
    all-masked start, ``states[j]`` the sequence after step ``j``, the output last.

    A sampler calls its model once per step with the current states of a batch of runs, so the
    recorder logs every call (:meth:`attach` or :meth:`wrap`, or :meth:`record` by hand) and, after
    each sampling call, :meth:`finish` adds the output and closes those runs. The state before step
    ``j`` is the state after step ``j - 1``, so this is exactly the list of states, provided the
    sampler calls the model at every step, including steps that reveal nothing (a loop that skips
    the model when nothing changed, as MDLM's cached sampler does, must call :meth:`record` itself
    each step) and with the batch as is (classifier-free guidance doubles it: record before that).

    ``mask_id`` is the mask token; the first ``prompt_length`` positions of each input (a prompt) are
    dropped, and the next ``length`` kept (all the rest when ``None``).
    """

    def __init__(self, mask_id: int, *, prompt_length: int = 0, length: Optional[int] = None) -> None:
        self.mask_id = operator.index(mask_id)
        self.prompt_length = operator.index(prompt_length)
        self.length = None if length is None else operator.index(length)
        if self.prompt_length < 0 or (self.length is not None and self.length < 1):
            raise ValueError("prompt_length must be >= 0 and length >= 1")
        self._pending: List[List[State]] = []
        self._finished: List[List[State]] = []

    def _states(self, x: Any, what: str) -> List[State]:
        rows = sequences(x, what)
        p = self.prompt_length
        out = []
        for n, r in enumerate(rows):
            end = len(r) if self.length is None else p + self.length
            if end > len(r) or end <= p:
                raise ValueError(f"{what}[{n}] has {len(r)} positions; expected a prompt of {p} and "
                                 f"{'at least one more' if self.length is None else self.length}")
            out.append([-1 if t == self.mask_id else t for t in r[p:end]])
        return out

    def record(self, x: Any) -> None:
        """Logs one model input: a batch of sequences, one per run (a tensor or a list of lists)."""
        batch = self._states(x, "model input")
        if self._pending and len(batch) != len(self._pending[0]):
            raise ValueError(f"a batch of {len(batch)} states after batches of {len(self._pending[0])}: record "
                             "the runs of one sampling call at a time, before any doubling of the batch")
        self._pending.append(batch)

    def finish(self, output: Any) -> None:
        """Adds the sampler's output (one sequence per run) and closes the runs recorded since the
        last :meth:`finish`."""
        if not self._pending:
            raise ValueError("finish() without any recorded model call: attach or wrap the model first")
        final = self._states(output, "output")
        if len(final) != len(self._pending[0]):
            raise ValueError(f"{len(final)} outputs for {len(self._pending[0])} recorded runs")
        self._pending.append(final)
        for b in range(len(final)):
            self._finished.append([step[b] for step in self._pending])
        self._pending = []

    @property
    def trajectories(self) -> List[List[State]]:
        """The finished runs, each a list of states."""
        return [list(map(list, run)) for run in self._finished]

    def __len__(self) -> int:
        return len(self._finished)

    def clear(self) -> None:
        """Forgets every run, finished or not."""
        self._pending = []
        self._finished = []

    def write(self, path: "os.PathLike[str] | str") -> None:
        """Writes the finished runs as JSON Lines, one ``{"states": [...]}`` per run."""
        with open(path, "w", encoding="utf-8") as f:
            for run in self._finished:
                f.write(json.dumps({"states": run}, separators=(",", ":")) + "\n")

    def attach(self, module: Any) -> Any:
        """Records the first positional argument of every call of a ``torch.nn.Module`` (a forward
        pre-hook; the module stays the same object). Returns the hook's handle (``.remove()``)."""

        def hook(_module: Any, args: Any) -> None:
            if not args:
                raise ValueError("the model was called without a positional input; use TrajectoryRecorder.wrap")
            self.record(args[0])

        return module.register_forward_pre_hook(hook)

    def wrap(self, model: Callable[..., Any]) -> "RecordingModel":
        """A proxy of ``model`` that records its first argument at every call; other attributes
        (``device``, ``config``, ...) are the model's."""
        return RecordingModel(model, self)


class RecordingModel:
    """A model whose calls a :class:`TrajectoryRecorder` logs (see :meth:`TrajectoryRecorder.wrap`)."""

    def __init__(self, model: Callable[..., Any], recorder: TrajectoryRecorder) -> None:
        self.model = model
        self.recorder = recorder

    def __call__(self, x: Any, *args: Any, **kwargs: Any) -> Any:
        self.recorder.record(x)
        return self.model(x, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)
