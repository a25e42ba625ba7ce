"""dlm_exact.vectors: the golden vectors case by case, as a user's test suite reads them."""

from __future__ import annotations

import json
import math
import os
import unittest
from fractions import Fraction
from pathlib import Path
from unittest import mock

from dlm_exact import Cli, vectors
from dlm_exact.vectors import Tolerance

import support


def entropy(support_: dict) -> float:
    return -math.fsum(float(p) * math.log(float(p)) for p in support_.values())


class VectorsTest(unittest.TestCase):

    def test_every_case_of_every_kind_in_file_order(self) -> None:
        folder = vectors.default_directory()
        self.assertEqual(support.cli().root / "test-vectors", folder)  # type: ignore[operator]
        for kind in vectors.KINDS:
            doc = json.loads((folder / f"{kind}.json").read_text())
            cases = list(vectors.cases(kind))
            self.assertEqual(doc["numberOfTests"], len(cases), kind)
            self.assertEqual(list(range(1, len(cases) + 1)), [c.id for c in cases], kind)
            self.assertTrue(all(c.kind == kind and c.result in ("valid", "invalid", "acceptable") for c in cases))
            self.assertEqual({g["groupId"] for g in doc["testGroups"]}, {c.group for c in cases})

    def test_a_consumer_checks_its_float_entropy_against_the_info_vectors(self) -> None:
        checked = 0
        for case in vectors.cases("info"):
            law = case.law
            if law is None or "sweep" in case.data:
                continue
            self.assertEqual(1, sum(law.support.values()), case.comment)
            self.assertIsNotNone(case.tolerance)
            assert case.tolerance is not None
            self.assertTrue(case.tolerance.accepts(entropy(law.support), case.quantity("entropy")), case.comment)
            self.assertFalse(case.tolerance.accepts(entropy(law.support) + 1e-6, case.quantity("entropy")))
            z = [case.quantity(f"informationCurve[{j}]") for j in range(law.length)]
            self.assertEqual("0", z[0].exact)
            checked += 1
        self.assertGreater(checked, 10)

    def test_field_paths(self) -> None:
        case = next(c for c in vectors.cases("sampler") if c.values.get("steps"))
        self.assertEqual(case.values["trainingError"]["stepWeighted"]["exact"],
                         case.quantity("trainingError.stepWeighted").exact)
        self.assertEqual(case.values["steps"][0]["stateLaw"][0]["p"]["float64"],
                         case.quantity("steps[0].stateLaw[0].p").float64)
        for bad in ("nothing", "steps[99].size", "steps[0].stateLaw.p"):
            with self.assertRaises(KeyError, msg=bad):
                case.quantity(bad)
        for bad in ("", "steps[x]", "a..b", ".a", "a.", "a[1"):
            with self.assertRaises(ValueError, msg=bad):
                case.quantity(bad)
        invalid = next(vectors.cases("invalid"))
        self.assertIsNone(invalid.law)
        self.assertEqual({}, invalid.values)
        self.assertTrue(invalid.data["errorCode"])

    def test_tolerance(self) -> None:
        t = Tolerance(1e-9, 1e-12, "why")
        self.assertTrue(t.accepts(1.0 + 0.9e-9, 1.0))
        self.assertFalse(t.accepts(1.0 + 1.1e-9, 1.0))
        self.assertTrue(t.accepts(1e-12, 0.0))
        self.assertTrue(t.accepts(math.inf, math.inf))
        self.assertFalse(t.accepts(1e300, math.inf))
        with self.assertRaisesRegex(ValueError, "unknown vector kind 'infos'"):
            next(vectors.cases("infos"))

    def test_a_folder_from_the_environment_or_generated_by_the_jar(self) -> None:
        with support.temporary_directory() as d:
            (Path(d) / "info.json").write_text(json.dumps({"testGroups": [{"groupId": "g", "tests": [
                {"tcId": 1, "comment": "c", "flags": ["F"], "result": "valid", "law": {
                    "schema": "dlm-exact/law@1", "alphabetSize": 2, "length": 1,
                    "support": [{"x": [0], "p": "1/3"}, {"x": [1], "p": "2/3"}]}}]}]}))
            with mock.patch.dict(os.environ, {"DLM_EXACT_VECTORS": d}):
                (case,) = list(vectors.cases("info"))
            self.assertEqual((1, "c", ("F",), "g", None), (case.id, case.comment, case.flags, case.group, case.tolerance))
            self.assertEqual({(0,): Fraction(1, 3), (1,): Fraction(2, 3)}, case.law.support)  # type: ignore[union-attr]
            self.assertEqual(1, len(list(vectors.cases("info", d))))
        root = support.cli().root
        assert root is not None
        support.cli().run(["--version"])  # builds the jar when needed
        bare = Cli(Cli.from_jar(root / "target" / "dlm-exact.jar").command)  # no repository known
        with mock.patch.dict(os.environ, {"DLM_EXACT_VECTORS": ""}):
            generated = vectors.default_directory(bare)
            self.assertEqual(generated, vectors.default_directory(bare), "generated once")
        for kind in vectors.KINDS:
            self.assertEqual((root / "test-vectors" / f"{kind}.json").read_bytes(),
                             (generated / f"{kind}.json").read_bytes(), kind)


if __name__ == "__main__":
    unittest.main()
