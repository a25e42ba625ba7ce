"""The command line behind the package: finding it, running it, its errors, and sampler options."""

from __future__ import annotations

import os
import unittest
from pathlib import Path
from unittest import mock

import dlm_exact
from dlm_exact import Cli, CommandUnavailable, DlmExactError, Law, samplers
from dlm_exact._cli import _message

import support


class ErrorsTest(unittest.TestCase):

    def test_a_refusal_is_one_exception_with_the_one_line_message_and_the_exit_code(self) -> None:
        with self.assertRaises(DlmExactError) as c:
            Law.from_spec("parity:21")
        e = c.exception
        self.assertEqual(2, e.exit_code)
        self.assertEqual("too large to compute: alphabetSize 2 and length 21 give V^L = 2097152 outcomes; "
                         "the limit is 1048576", e.message)
        self.assertEqual(e.message + " (exit code 2)", str(e))
        self.assertEqual(("law", "--law", "parity:21"), e.command)
        self.assertEqual("dlm-exact: error: " + e.message, e.stderr.strip().splitlines()[-1])

    def test_an_option_error_is_the_same_exception(self) -> None:
        with self.assertRaises(DlmExactError) as c:
            support.cli().run(["law", "--law", "pairs:2", "--no-such-option"])
        self.assertEqual(2, c.exception.exit_code)
        self.assertIn("--no-such-option", c.exception.message)
        self.assertFalse(c.exception.message.startswith("dlm-exact: error:"))

    def test_the_message_is_the_last_error_line_or_else_the_last_line(self) -> None:
        self.assertEqual("b", _message("dlm-exact: building ...\ndlm-exact: error: b\n", 2))
        self.assertEqual("the build failed", _message("[ERROR] x\nthe build failed\n", 1))
        self.assertEqual("dlm-exact exited with code 3 and no message", _message("\n", 3))


class LocateTest(unittest.TestCase):

    def test_a_jar_named_by_the_environment_comes_first(self) -> None:
        jar = support.cli().root / "target" / "dlm-exact.jar"  # type: ignore[operator]
        support.cli().run(["--version"])  # the launcher builds the jar when needed
        with mock.patch.dict(os.environ, {"DLM_EXACT_JAR": str(jar), "DLM_EXACT": "/nonexistent"}):
            c = Cli.locate()
        self.assertEqual(str(jar.resolve()), c.command[-1])
        self.assertEqual("-jar", c.command[-2])
        self.assertEqual(support.cli().root, c.root)
        self.assertEqual("dlm-exact 0.1.0", c.run(["--version"]).stdout.strip())

    def test_a_missing_jar_or_launcher_is_refused_when_located(self) -> None:
        with mock.patch.dict(os.environ, {"DLM_EXACT_JAR": "/nonexistent/dlm-exact.jar"}):
            with self.assertRaisesRegex(FileNotFoundError, "/nonexistent/dlm-exact.jar"):
                Cli.locate()
        with mock.patch.dict(os.environ, {"DLM_EXACT_JAR": "", "DLM_EXACT": "/nonexistent/dlm-exact"}):
            with self.assertRaisesRegex(FileNotFoundError, "launcher '/nonexistent/dlm-exact'"):
                Cli.locate()

    def test_a_launcher_named_by_the_environment(self) -> None:
        launcher = support.cli().root / "dlm-exact"  # type: ignore[operator]
        with mock.patch.dict(os.environ, {"DLM_EXACT_JAR": "", "DLM_EXACT": str(launcher)}):
            c = Cli.locate()
        self.assertEqual((str(launcher.resolve()),), c.command)
        self.assertEqual(launcher.resolve().parent, c.root)

    def test_configure_takes_exactly_one_of_jar_and_launcher(self) -> None:
        with self.assertRaises(ValueError):
            dlm_exact.configure()
        with self.assertRaises(ValueError):
            dlm_exact.configure(jar="a", launcher="b")
        saved = dlm_exact._cli._default
        try:
            c = dlm_exact.configure(launcher=support.cli().root / "dlm-exact")  # type: ignore[operator]
            self.assertIs(c, dlm_exact.default_cli())
        finally:
            dlm_exact._cli._default = saved

    def test_an_empty_command_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            Cli([])


class FeaturesTest(unittest.TestCase):

    def test_options_and_commands_are_read_from_the_help(self) -> None:
        c = support.cli()
        self.assertTrue(c.has_option("--schedule", "validate", "samples"))
        self.assertTrue(c.has_option("--rule", "validate", "samples"))
        self.assertTrue(c.has_option("--sampler", "validate", "samples"), "this dlm-exact has --sampler")
        self.assertTrue(c.has_option("--help", "validate", "samples"))
        self.assertFalse(c.has_option("--sched", "validate", "samples"))
        self.assertTrue(c.has_command("validate", "samples"))
        self.assertTrue(c.has_command("vectors", "generate"))
        self.assertFalse(c.has_command("validate", "sample"))

    def test_the_fake_help_is_read_the_same_way(self) -> None:
        with support.temporary_directory() as d:
            for flag in (False, True):
                c, _ = support.fake_cli(Path(d), flag, flag)
                self.assertEqual(flag, c.has_option("--sampler", "validate", "samples"))
                self.assertEqual(flag, c.has_command("validate", "trajectories"))
                self.assertTrue(c.has_option("--schedule", "validate", "samples"))
                self.assertFalse(c.has_option("--samp", "validate", "samples"))


class SamplerArgumentsTest(unittest.TestCase):

    def arguments(self, spec: str, sampler_option: bool) -> list:
        with support.temporary_directory() as d:
            c, _ = support.fake_cli(Path(d), sampler_option, False)
            return samplers.arguments(spec, c)

    def test_without_the_sampler_option_schedules_and_rules_become_schedule_and_rule(self) -> None:
        self.assertEqual(["--schedule", "2,2"], self.arguments("random-order:2,2", False))
        self.assertEqual(["--schedule", "balanced:3"], self.arguments(" random-order:balanced:3 ", False))
        for rule in ("entropy-sum:3/2", "top-probability:2,1,1", "low-confidence:balanced:2"):
            self.assertEqual(["--rule", rule], self.arguments(rule, False))

    def test_with_the_sampler_option_every_spec_is_passed_as_it_is(self) -> None:
        for spec in ("random-order:2,2", "low-confidence:2,2", "mdlm:steps=4", "dream:alg=origin,steps=2",
                     "newer-name:x=1"):
            self.assertEqual(["--sampler", spec], self.arguments(spec, True))

    def test_a_profile_needs_the_sampler_option(self) -> None:
        for name in ("mdlm", "bernoulli", "dream", "llada", "fast-dllm", "eb", "remdm"):
            with self.assertRaisesRegex(CommandUnavailable, "needs dlm-exact's --sampler option"):
                self.arguments(name + ":steps=4", False)

    def test_malformed_and_unknown_specs_are_refused(self) -> None:
        for spec in ("random-order", "random-order:", ":2,2", ""):
            with self.assertRaisesRegex(ValueError, "NAME:PARAMETERS"):
                self.arguments(spec, False)
        with self.assertRaisesRegex(ValueError, "unknown sampler 'random'"):
            self.arguments("random:2,2", False)
        with self.assertRaises(TypeError):
            self.arguments(None, False)  # type: ignore[arg-type]

    def test_the_real_command_line_decides_once_from_its_help(self) -> None:
        expected = support.cli().has_option("--sampler", "validate", "samples")
        self.assertEqual(["--sampler", "random-order:2,2"] if expected else ["--schedule", "2,2"],
                         samplers.arguments("random-order:2,2", support.cli()))


if __name__ == "__main__":
    unittest.main()
