"""validate_samples and validate_trajectories, against the real command line and a stand-in."""

from __future__ import annotations

import math
import unittest
from fractions import Fraction
from pathlib import Path
from typing import List

from dlm_exact import (CommandUnavailable, DlmExactError, ImpossibleOutcome, SampleValidation, TrajectoryRecorder,
                       validate_samples, validate_trajectories)
from dlm_exact.validate import trajectory_lines

import support


class Tensorish:
    """Anything with tolist(), as a torch tensor or a numpy array."""

    def __init__(self, rows: List[List[int]]) -> None:
        self.rows = rows

    def tolist(self) -> List[List[int]]:
        return self.rows


class ValidateSamplesTest(unittest.TestCase):

    def test_exact_samples_are_consistent_and_a_reversed_schedule_is_not(self) -> None:
        law = support.law("pairs:4")
        ok = validate_samples(support.sample("pairs:4", ["--schedule", "3,1"], 20000, 5), law, "random-order:3,1")
        self.assertIsInstance(ok, SampleValidation)
        self.assertTrue(ok.consistent)
        self.assertEqual(0, ok.exit_code)
        self.assertEqual((20000, 16, 0, 15), (ok.samples, ok.cells, ok.pooled_outcomes, ok.degrees_of_freedom))
        self.assertGreater(ok.p_value, 0.001)
        self.assertEqual(0.001, ok.alpha)
        self.assertEqual(5, len(ok.worst))
        self.assertEqual(sorted(ok.worst, key=lambda o: -abs(o.residual)), list(ok.worst))
        for o in ok.worst:
            self.assertEqual(o.nu * 20000, Fraction(o.expected).limit_denominator(1000))
        ok.assert_consistent()
        self.assertIn("verdict: consistent with nu at level 0.001", ok.report)
        self.assertIn("consistent", repr(ok))
        bad = validate_samples(support.sample("pairs:4", ["--schedule", "1,3"], 20000, 5), law, "random-order:3,1")
        self.assertFalse(bad.consistent)
        self.assertEqual(1, bad.exit_code)
        self.assertLess(bad.p_value, 1e-100)
        self.assertIn("verdict: NOT consistent", bad.report)
        with self.assertRaises(AssertionError) as c:
            bad.assert_consistent()
        self.assertIn("NOT consistent", str(c.exception))

    def test_rules_tensors_and_a_spec_in_place_of_a_law(self) -> None:
        spec = "markov:4:3/4,1/4;1/3,2/3"
        samples = Tensorish(support.sample(spec, ["--rule", "top-probability:2,2"], 5000, 1))
        r = validate_samples(samples, spec, "top-probability:2,2", alpha=0.01)
        self.assertTrue(r.consistent, r.report)
        self.assertEqual(0.01, r.alpha)
        self.assertEqual(5000, r.samples)

    def test_impossible_outcomes_fail_outright(self) -> None:
        r = validate_samples([[0, 1, 0], [0, 0, 0], (1, 1, 1)], support.law("repetition:2,3"), "random-order:ones")
        self.assertFalse(r.consistent)
        self.assertEqual((ImpossibleOutcome((0, 1, 0), 1),), r.impossible)
        self.assertTrue(math.isnan(r.statistic))
        self.assertEqual(0.0, r.p_value)

    def test_a_smoothed_predictor_is_passed_on(self) -> None:
        samples = support.sample("pairs:4", ["--schedule", "2,2", "--predictor", "smoothed:1/3"], 3000, 2)
        self.assertTrue(validate_samples(samples, "pairs:4", "random-order:2,2", predictor="smoothed:1/3").consistent)
        self.assertFalse(validate_samples(samples, "pairs:4", "random-order:2,2").consistent)

    def test_bad_samples(self) -> None:
        law = support.law("pairs:4")
        with self.assertRaisesRegex(TypeError, r"samples\[1\]\[2\] = 0.0 is not an integer token"):
            validate_samples([[0, 0, 0, 0], [0, 0, 0.0, 0]], law, "random-order:2,2")
        with self.assertRaisesRegex(TypeError, "bool"):
            validate_samples([[True, 0, 0, 0]], law, "random-order:2,2")
        with self.assertRaisesRegex(TypeError, "not a sequence"):
            validate_samples([1, 2], law, "random-order:2,2")
        with self.assertRaisesRegex(ValueError, "no samples"):
            validate_samples([], law, "random-order:2,2")
        for alpha in (0, 1, -0.5, math.nan):
            with self.assertRaisesRegex(ValueError, "alpha"):
                validate_samples([[0, 0, 0, 0]], law, "random-order:2,2", alpha=alpha)
        with self.assertRaises(DlmExactError) as c:
            validate_samples([[0, 0, 0, 0], [0, 0, 2, 0]], law, "random-order:2,2")
        self.assertEqual(2, c.exception.exit_code)
        self.assertIn("line 2", c.exception.message)
        with self.assertRaises(DlmExactError):
            validate_samples([[0, 0, 0]], law, "random-order:2,2")
        with self.assertRaises(TypeError):
            validate_samples([[0, 0, 0, 0]], 4, "random-order:2,2")  # type: ignore[arg-type]


class FakeCommandLineTest(unittest.TestCase):
    """What is passed to dlm-exact, and how its answers are read, with --sampler and 'validate
    trajectories' present or absent (the real command line may not have them yet)."""

    def test_samples_with_and_without_the_sampler_option(self) -> None:
        for option, expected in ((True, ["--sampler", "random-order:2"]), (False, ["--schedule", "2"])):
            with support.temporary_directory() as d:
                cli, log = support.fake_cli(Path(d), option, False)
                r = validate_samples([[0, 0], [1, 1]], "pairs:2", "random-order:2", alpha=0.05, cli=cli)
                self.assertTrue(r.consistent)
                self.assertEqual(0.5, r.statistic)
                self.assertEqual((), r.decision_boundaries)
                run = support.runs(log)[-1]
                argv = run["argv"]
                self.assertEqual(["validate", "samples", "--law", "pairs:2", *expected, "--alpha", "0.05",
                                  "--samples"], argv[:-2])
                self.assertEqual("--json", argv[-1])
                self.assertEqual("0 0\n1 1\n", run["files"]["--samples"])
                self.assertEqual("text report\n", r.report)
                self.assertNotIn("--json", support.runs(log)[-1]["argv"])

    def test_a_law_object_reaches_the_command_as_a_file(self) -> None:
        with support.temporary_directory() as d:
            cli, log = support.fake_cli(Path(d), False, False, exit_code=1)
            from dlm_exact import Law
            law = Law.from_support(2, 2, {(0, 0): "1/2", (1, 1): "1/2"}, cli=cli)
            r = validate_samples([[0, 0]], law, "top-probability:1,1", predictor="smoothed:1/2", cli=cli)
            self.assertFalse(r.consistent)
            argv = support.runs(log)[-1]["argv"]
            self.assertTrue(argv[3].endswith("law.json"), argv)
            self.assertEqual(["--rule", "top-probability:1,1", "--predictor", "smoothed:1/2", "--alpha", "0.001"],
                             argv[4:10])

    def test_an_error_of_the_command_is_raised(self) -> None:
        with support.temporary_directory() as d:
            cli, _ = support.fake_cli(Path(d), True, True, exit_code=2)
            with self.assertRaises(DlmExactError) as c:
                validate_samples([[0, 0]], "pairs:2", "random-order:2", cli=cli)
            self.assertEqual(("something is wrong (line 3)", 2), (c.exception.message, c.exception.exit_code))

    def test_a_profile_this_dlm_exact_does_not_know_yet_is_unavailable(self) -> None:
        refusal = "--sampler 'mdlm:steps=4': unknown sampler 'mdlm'; expected one of random-order, low-confidence"
        with support.temporary_directory() as d:
            cli, _ = support.fake_cli(Path(d), True, True, exit_code=2, message=refusal)
            with self.assertRaisesRegex(CommandUnavailable, "the sampler 'mdlm:steps=4' is not in this dlm-exact"):
                validate_samples([[0, 0]], "pairs:2", "mdlm:steps=4", cli=cli)
            with self.assertRaisesRegex(CommandUnavailable, "unknown sampler 'mdlm'"):
                validate_trajectories([[[-1, -1], [0, 0]]], "pairs:2", "mdlm:steps=4", cli=cli)
            cli, _ = support.fake_cli(Path(d), True, True, exit_code=2, message=refusal.replace("'mdlm'", "'mdlx'"))
            with self.assertRaises(DlmExactError):
                validate_samples([[0, 0]], "pairs:2", "mdlx:steps=4", cli=cli)

    def test_names_the_real_command_line_does_not_know(self) -> None:
        samples = [[0, 0, 0, 0]]
        if support.cli().has_option("--sampler", "validate", "samples"):
            with self.assertRaises(DlmExactError) as c:
                validate_samples(samples, "pairs:4", "no-such-sampler:2", cli=support.cli())
            self.assertIn("unknown sampler 'no-such-sampler'", c.exception.message)
        else:
            with self.assertRaises(ValueError):
                validate_samples(samples, "pairs:4", "no-such-sampler:2", cli=support.cli())

    def test_trajectories_when_the_command_exists(self) -> None:
        with support.temporary_directory() as d:
            cli, log = support.fake_cli(Path(d), True, True, exit_code=1)
            runs = [[[-1, -1], [0, -1], [0, 0]], {"states": [[-1, -1], [-1, 1], Tensorish([1, 1])]}]
            r = validate_trajectories(runs, "pairs:2", "random-order:1,1", alpha=0.01, cli=cli)
            self.assertFalse(r.consistent)
            self.assertEqual((3.5, 4, 0.48), (r.statistic, r.degrees_of_freedom, r.p_value))
            self.assertEqual(1, len(r.steps))
            self.assertEqual([-1, -1], r.worst_contexts[0]["state"])
            self.assertEqual("tie", r.decision_boundaries[0]["kind"])
            run = support.runs(log)[-1]
            self.assertEqual(["validate", "trajectories", "--law", "pairs:2", "--sampler", "random-order:1,1",
                              "--alpha", "0.01", "--trajectories"], run["argv"][:-2])
            self.assertEqual('{"states":[[-1,-1],[0,-1],[0,0]]}\n{"states":[[-1,-1],[-1,1],[1,1]]}\n',
                             run["files"]["--trajectories"])

    def test_trajectories_when_the_command_does_not_exist(self) -> None:
        with support.temporary_directory() as d:
            cli, log = support.fake_cli(Path(d), True, False)
            with self.assertRaisesRegex(CommandUnavailable, "needs the command 'validate trajectories'"):
                validate_trajectories([[[-1]]], "pairs:2", "random-order:2", cli=cli)
            self.assertEqual([["validate", "--help"]], [r["argv"] for r in support.runs(log)], "only the help was read")

    def test_with_the_real_command_line(self) -> None:
        """Until dlm-exact has the command, the call says so; once it has, recorded runs of the exact
        random-order sampler (written here) pass."""
        law = support.law("pairs:4")
        if not support.cli().has_command("validate", "trajectories"):
            with self.assertRaises(CommandUnavailable):
                validate_trajectories([[[-1, -1, -1, -1], [0, 0, 1, 1]]], law, "random-order:4")
            return
        import random
        rng = random.Random(3)
        rec = TrajectoryRecorder(mask_id=9)
        states = [[9] * 4 for _ in range(2000)]
        for k in (2, 2):
            rec.record(states)
            for s in states:
                hidden = [i for i in range(4) if s[i] == 9]
                visible = [i for i in range(4) if s[i] != 9]
                chosen = rng.sample(hidden, k)
                for i in chosen:
                    row = law.conditional(visible, [s[j] for j in visible], i)
                    s[i] = rng.choices(range(2), weights=[float(p) for p in row])[0]
        rec.finish(states)
        self.assertTrue(validate_trajectories(rec, law, "random-order:2,2").consistent)


class TrajectoryLinesTest(unittest.TestCase):

    def test_forms_of_runs(self) -> None:
        self.assertEqual('{"states":[[-1],[1]]}\n', trajectory_lines([[[-1], [1]]]))
        self.assertEqual('{"states":[[-1],[1]]}\n', trajectory_lines([{"states": Tensorish([[-1], [1]])}]))
        rec = TrajectoryRecorder(mask_id=2)
        rec.record([[2, 2]])
        rec.finish([[0, 1]])
        self.assertEqual('{"states":[[-1,-1],[0,1]]}\n', trajectory_lines(rec))
        with self.assertRaisesRegex(ValueError, "no trajectories"):
            trajectory_lines([])
        with self.assertRaisesRegex(ValueError, "without 'states'"):
            trajectory_lines([{"state": []}])
        with self.assertRaises(TypeError):
            trajectory_lines([[[0.5]]])


if __name__ == "__main__":
    unittest.main()
