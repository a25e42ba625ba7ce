"""Every Python code block of python/README.md and of the repository's README.md runs.

The blocks of one file run in order in one namespace, in a temporary folder, as a reader would paste
them. Without torch, the blocks from the first one that uses it on are skipped (the PyTorch part
comes last in each file).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import unittest
from pathlib import Path
from typing import Dict, List

import support

HERE = Path(__file__).resolve().parent
FILES = {"python/README.md": HERE.parent / "README.md", "README.md": HERE.parent.parent / "README.md"}


def blocks(path: Path) -> List[str]:
    return re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), re.M | re.S)


def uses_torch(code: str) -> bool:
    return re.search(r"^\s*(import torch|from dlm_exact\.torch import|from torch)", code, re.M) is not None


class ReadmeTest(unittest.TestCase):

    def run_file(self, name: str) -> None:
        path = FILES[name]
        if not path.is_file():
            self.skipTest(f"{name} is not here (the tests run outside a checkout)")
        code = blocks(path)
        self.assertTrue(code, f"{name} has Python blocks")
        namespace: Dict[str, object] = {"__name__": "__readme__"}
        cwd = os.getcwd()
        with support.temporary_directory() as d:
            os.chdir(d)
            try:
                for n, block in enumerate(code, 1):
                    if uses_torch(block) and not support.HAVE_TORCH:
                        self.skipTest(f"{name}: blocks {n} to {len(code)} need torch; {support.TORCH_SKIP_REASON}")
                    with self.subTest(block=n), contextlib.redirect_stdout(io.StringIO()):
                        exec(compile(block, f"{name}, Python block {n}", "exec"), namespace)
            finally:
                os.chdir(cwd)

    def test_package_readme(self) -> None:
        self.run_file("python/README.md")

    def test_repository_readme(self) -> None:
        self.run_file("README.md")


if __name__ == "__main__":
    unittest.main()
