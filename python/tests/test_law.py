"""Law: canonical laws with exact fractions, their conditionals and information measures."""

from __future__ import annotations

import itertools
import json
import math
import unittest
from fractions import Fraction
from pathlib import Path

from dlm_exact import ConditionalTable, DlmExactError, Law, Quantity

import support

MARKOV = "markov:4:9/10,1/10;1/5,4/5"


def markov_support(length: int, rows: list) -> dict:
    """The stationary chain's law computed here: pi P = pi for two states, then products of steps."""
    a, b = rows[0][1], rows[1][0]  # P(0 -> 1), P(1 -> 0)
    pi = (b / (a + b), a / (a + b))
    out = {}
    for x in itertools.product(range(2), repeat=length):
        p = pi[x[0]]
        for s, t in zip(x, x[1:]):
            p *= rows[s][t]
        out[x] = p
    return out


class LawTest(unittest.TestCase):

    def test_a_family_is_the_canonical_law_with_exact_fractions(self) -> None:
        F = Fraction
        law = support.law(MARKOV)
        self.assertEqual((2, 4), (law.alphabet_size, law.length))
        self.assertEqual(markov_support(4, [[F(9, 10), F(1, 10)], [F(1, 5), F(4, 5)]]), law.support)
        self.assertEqual(sorted(law.support), list(law.support), "lexicographic order")
        self.assertEqual(F(243, 500), law.probability([0, 0, 0, 0]))
        self.assertEqual(MARKOV, law.name)
        self.assertIn("alphabetSize 2, length 4, support 16", repr(law))

    def test_zero_probability_outcomes_are_not_in_the_support(self) -> None:
        law = support.law("pairs:4")
        self.assertEqual({(a, a, b, b): Fraction(1, 4) for a in range(2) for b in range(2)}, law.support)
        self.assertEqual(0, law.probability((0, 1, 0, 0)))

    def test_from_file_and_from_support_give_the_same_law(self) -> None:
        law = support.law("pairs:4")
        with support.temporary_directory() as d:
            path = Path(d) / "law.json"
            path.write_text(json.dumps({"schema": "dlm-exact/law@1", "alphabetSize": 2, "length": 4, "support": [
                {"x": [1, 1, 1, 1], "p": 0.25}, {"x": [0, 0, 1, 1], "p": "1/4"}, {"x": [0, 1, 0, 1], "p": 0},
                {"x": [0, 0, 0, 0], "p": "0.25"}, {"x": [1, 1, 0, 0], "p": "2/8"}]}))
            from_file = Law.from_file(path)
        self.assertEqual(law, from_file)
        self.assertEqual(law.text, from_file.text)
        self.assertEqual(hash(law), hash(from_file))
        from_support = Law.from_support(2, 4, {(a, a, b, b): "1/4" for a in range(2) for b in range(2)})
        self.assertEqual(law, from_support)
        self.assertNotEqual(law, support.law(MARKOV))
        self.assertNotEqual(law, "pairs:4")

    def test_a_bad_law_is_refused_by_dlm_exact(self) -> None:
        with self.assertRaises(DlmExactError) as c:
            Law.from_support(2, 2, {(0, 0): Fraction(1, 2), (1, 1): Fraction(1, 3)})
        self.assertEqual(2, c.exception.exit_code)
        self.assertIn("sum", c.exception.message)
        with self.assertRaisesRegex(TypeError, "float"):
            Law.from_support(2, 1, {(0,): 0.5, (1,): Fraction(1, 2)})
        with self.assertRaises(FileNotFoundError):
            Law.from_file("/nonexistent/law.json")
        with self.assertRaises(DlmExactError):
            Law.from_spec("nosuchfamily:3")

    def test_every_conditional_is_the_brute_force_one(self) -> None:
        for spec in (MARKOV, "pairs:4", "parity:3", "random:3,2,7", "code:3:1,1,2"):
            law = support.law(spec)
            n = 0
            for visible, values, i in support.contexts(law.alphabet_size, law.length):
                expected = support.brute_conditional(law.support, law.alphabet_size, visible, values, i)
                self.assertEqual(expected, law.conditional(visible, values, i), (spec, visible, values, i))
                # any order of the visible positions
                self.assertEqual(expected, law.conditional(visible[::-1], values[::-1], i))
                n += 1
            v, length = law.alphabet_size, law.length
            self.assertEqual(length * (v + 1) ** (length - 1), n)
            self.assertEqual(n, len(law.conditionals()))

    def test_zero_probability_contexts_are_marked_and_uniform(self) -> None:
        law = support.law("pairs:4")
        table = law.conditionals()
        expected = set()
        for mask in range(16):
            visible = [i for i in range(4) if mask >> i & 1]
            for values in itertools.product(range(2), repeat=len(visible)):
                if law.marginal(visible, values) == 0 and len(visible) < 4:
                    expected.add((mask, values))
        self.assertEqual(expected, set(table.zero_probability))
        self.assertIn((0b0011, (0, 1)), table.zero_probability)
        self.assertEqual((Fraction(1, 2), Fraction(1, 2)), law.conditional([0, 1], [0, 1], 2))
        self.assertEqual(Fraction(1, 2), law.marginal([2], [1]))
        self.assertEqual(1, law.marginal([], []))

    def test_the_table_reads_back_from_its_text(self) -> None:
        law = support.law("parity:3")
        again = ConditionalTable(law.conditionals().text)
        self.assertEqual(law.conditionals().rows, again.rows)
        self.assertEqual(law.conditionals().zero_probability, again.zero_probability)
        with self.assertRaises(ValueError):
            ConditionalTable(law.text)

    def test_bad_contexts_are_refused(self) -> None:
        law = support.law("pairs:4")
        for args, message in ((([0], [0, 1], 2), "1 visible positions but 2 values"),
                              (([0, 0], [0, 0], 2), "repeat"),
                              (([4], [0], 2), "visible position 4 is outside"),
                              (([0], [2], 1), "value 2 at position 0 is outside"),
                              (([0], [0], 4), "position 4 is outside"),
                              (([0], [0], 0), "position 0 is visible")):
            with self.assertRaisesRegex(ValueError, message):
                law.conditional(*args)
        with self.assertRaises(TypeError):
            law.conditional([0.0], [0], 1)  # type: ignore[list-item]

    def test_info_of_pairs(self) -> None:
        # two independent uniform bits, each copied: H = 2 ln 2, TC = 4 ln 2 - 2 ln 2, SumI = 4 ln 2 (SPEC 1)
        info = support.law("pairs:4").info(digits=12)
        self.assertEqual("2*ln(2)", info.entropy.exact)
        self.assertEqual("2*ln(2)", info.total_correlation.exact)
        self.assertEqual("2*ln(2)", info.dual_total_correlation.exact)
        self.assertEqual("4*ln(2)", info.sum_mutual_information.exact)
        self.assertEqual(["0", "1/3*ln(2)", "2/3*ln(2)", "ln(2)"], [q.exact for q in info.information_curve])
        self.assertEqual(5, len(info.average_entropies))
        self.assertEqual("1.386294361120", info.entropy.decimal)
        self.assertLessEqual(abs(2 * math.log(2) - float(info.entropy)), 0.5e-12)  # certified to 12 digits

    def test_quantities(self) -> None:
        self.assertEqual(math.inf, float(Quantity.from_json("+inf")))
        self.assertTrue(Quantity.from_json({"exact": "+inf", "decimal": "+inf", "witness": {}}).is_infinite)
        self.assertEqual(0.5, float(Quantity.from_json({"exact": "1/2", "decimal": "0.500", "float64": 0.5})))
        self.assertFalse(Quantity("1/2", "0.5").is_infinite)
        with self.assertRaises(ValueError):
            Quantity.from_json(3)


if __name__ == "__main__":
    unittest.main()
