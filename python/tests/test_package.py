"""The package as a whole: what it exports, and type hints on every function it defines."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import unittest
from pathlib import Path
from typing import Any, Iterator, List

import dlm_exact

import support


def functions(module: Any) -> Iterator[Any]:
    """Every function and method written in ``module``'s file (not generated ones)."""
    source = Path(module.__file__).resolve()

    def written_here(f: Any) -> bool:
        code = getattr(f, "__code__", None)
        return code is not None and Path(code.co_filename).resolve() == source

    for _, obj in inspect.getmembers(module):
        if inspect.isfunction(obj) and written_here(obj):
            yield obj
        elif inspect.isclass(obj) and obj.__module__ == module.__name__:
            for _, member in vars(obj).items():
                f = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if inspect.isfunction(f) and written_here(f):
                    yield f


class PackageTest(unittest.TestCase):

    def modules(self) -> List[Any]:
        names = [m.name for m in pkgutil.iter_modules(dlm_exact.__path__)]
        if not support.HAVE_TORCH:
            names.remove("torch")
        return [importlib.import_module("dlm_exact." + n) for n in names]

    def test_every_function_has_type_hints(self) -> None:
        missing = []
        checked = 0
        for module in self.modules():
            for f in functions(module):
                checked += 1
                sig = inspect.signature(f)
                for name, p in sig.parameters.items():
                    if name not in ("self", "cls") and p.annotation is inspect.Parameter.empty:
                        missing.append(f"{module.__name__}.{f.__qualname__}: parameter {name}")
                if sig.return_annotation is inspect.Signature.empty:
                    missing.append(f"{module.__name__}.{f.__qualname__}: return")
        self.assertEqual([], missing)
        self.assertGreater(checked, 50)

    def test_the_exports_exist_and_the_torch_module_is_not_imported(self) -> None:
        for name in dlm_exact.__all__:
            self.assertTrue(hasattr(dlm_exact, name), name)
        self.assertEqual("0.1.0", dlm_exact.__version__)
        self.assertTrue((Path(dlm_exact.__file__).parent / "py.typed").is_file())


if __name__ == "__main__":
    unittest.main()
