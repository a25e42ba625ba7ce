"""TrajectoryRecorder: model inputs recorded as runs of states."""

from __future__ import annotations

import json
import unittest
from pathlib import Path
from typing import Any, List

from dlm_exact import RecordingModel, TrajectoryRecorder

import support

M = 7  # the mask id of these tests


class Model:
    """A stand-in model that remembers its calls."""

    device = "cpu"

    def __init__(self) -> None:
        self.calls: List[Any] = []

    def __call__(self, x: Any, *args: Any, **kwargs: Any) -> str:
        self.calls.append((x, args, kwargs))
        return "logits"


class RecorderTest(unittest.TestCase):

    def test_calls_become_runs_with_the_output_last(self) -> None:
        rec = TrajectoryRecorder(mask_id=M)
        rec.record([[M, M, M], [M, M, M]])
        rec.record([[0, M, M], [M, M, 1]])
        rec.finish([[0, 1, 1], [0, 0, 1]])
        self.assertEqual([[[-1, -1, -1], [0, -1, -1], [0, 1, 1]],
                          [[-1, -1, -1], [-1, -1, 1], [0, 0, 1]]], rec.trajectories)
        self.assertEqual(2, len(rec))
        rec.record([[M, M, M]])
        self.assertEqual(2, len(rec), "an unfinished run is not a trajectory")
        rec.finish([[1, 1, 1]])
        self.assertEqual([[-1, -1, -1], [1, 1, 1]], rec.trajectories[2])
        rec.trajectories[0][0][0] = 5
        self.assertEqual(-1, rec.trajectories[0][0][0], "a copy")
        rec.clear()
        self.assertEqual([], rec.trajectories)

    def test_a_prompt_is_dropped_and_the_length_kept(self) -> None:
        rec = TrajectoryRecorder(mask_id=M, prompt_length=2, length=2)
        rec.record([[5, 6, M, M, 9]])
        rec.finish([[5, 6, 1, 0, 9]])
        self.assertEqual([[[-1, -1], [1, 0]]], rec.trajectories)
        with self.assertRaisesRegex(ValueError, "has 3 positions"):
            rec.record([[5, 6, M]])
        with self.assertRaises(ValueError):
            TrajectoryRecorder(mask_id=M, prompt_length=-1)
        with self.assertRaises(ValueError):
            TrajectoryRecorder(mask_id=M, length=0)
        with self.assertRaisesRegex(ValueError, "at least one more"):
            TrajectoryRecorder(mask_id=M, prompt_length=2).record([[1, 2]])

    def test_inconsistent_batches_and_a_finish_without_calls_are_refused(self) -> None:
        rec = TrajectoryRecorder(mask_id=M)
        with self.assertRaisesRegex(ValueError, "without any recorded model call"):
            rec.finish([[0]])
        rec.record([[M], [M]])
        with self.assertRaisesRegex(ValueError, "a batch of 4 states after batches of 2"):
            rec.record([[M], [M], [M], [M]])
        with self.assertRaisesRegex(ValueError, "1 outputs for 2 recorded runs"):
            rec.finish([[0]])
        with self.assertRaises(TypeError):
            rec.record([[0.5]])

    def test_wrap_records_and_forwards(self) -> None:
        rec = TrajectoryRecorder(mask_id=M)
        model = Model()
        wrapped = rec.wrap(model)
        self.assertIsInstance(wrapped, RecordingModel)
        self.assertEqual("logits", wrapped([[M, M]], "mask", sigma=1))
        self.assertEqual([([[M, M]], ("mask",), {"sigma": 1})], model.calls)
        self.assertEqual("cpu", wrapped.device)
        rec.finish([[0, 0]])
        self.assertEqual([[[-1, -1], [0, 0]]], rec.trajectories)

    def test_attach_uses_a_forward_pre_hook(self) -> None:
        class Module:
            def register_forward_pre_hook(self, hook: Any) -> str:
                self.hook = hook
                return "handle"

        m = Module()
        rec = TrajectoryRecorder(mask_id=M)
        self.assertEqual("handle", rec.attach(m))
        m.hook(m, ([[M, 1]], "other"))
        with self.assertRaisesRegex(ValueError, "without a positional input"):
            m.hook(m, ())
        rec.finish([[0, 1]])
        self.assertEqual([[[-1, 1], [0, 1]]], rec.trajectories)

    def test_write_json_lines(self) -> None:
        rec = TrajectoryRecorder(mask_id=M)
        rec.record([[M, M], [M, M]])
        rec.finish([[0, 1], [1, 1]])
        with support.temporary_directory() as d:
            path = Path(d) / "t.jsonl"
            rec.write(path)
            lines = path.read_text().splitlines()
        self.assertEqual([{"states": [[-1, -1], [0, 1]]}, {"states": [[-1, -1], [1, 1]]}],
                         [json.loads(line) for line in lines])


if __name__ == "__main__":
    unittest.main()
