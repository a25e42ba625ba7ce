"""Validate your sampler in a few lines: this is the pattern to copy (run with pytest or unittest)."""
import random
import unittest

from dlm_exact import Law, validate_samples

LAW = Law.from_spec("markov:4:9/10,1/10;1/5,4/5")


def my_sampler(rng: random.Random) -> list:  # yours here: random order, batches of 2 then 2, each token drawn independently
    x, order = [None] * 4, rng.sample(range(4), 4)
    for batch in (order[:2], order[2:]):
        visible = [i for i in range(4) if x[i] is not None]
        rows = {i: LAW.conditional(visible, [x[j] for j in visible], i) for i in batch}
        for i in batch:
            x[i] = rng.choices(range(2), weights=[float(p) for p in rows[i]])[0]
    return x


class TestMySampler(unittest.TestCase):
    def test_matches_the_exact_output_law(self) -> None:
        rng = random.Random(1)
        validate_samples([my_sampler(rng) for _ in range(20000)], LAW, "random-order:2,2").assert_consistent()
