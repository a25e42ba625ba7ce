"""Finding and running the dlm-exact command line (the Java jar)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Iterable, Optional, Sequence, Tuple

__all__ = ["Cli", "CommandUnavailable", "DlmExactError", "configure", "default_cli"]

_PREFIX = "dlm-exact: error: "


class DlmExactError(Exception):
    """An error reported by the dlm-exact command line.

    ``message`` is its one-line message (without the ``dlm-exact: error:`` prefix), ``exit_code``
    its exit code (2 for bad input), ``command`` the arguments it was run with and ``stderr`` all it
    wrote to standard error.
    """

    def __init__(self, message: str, exit_code: int, command: Sequence[str] = (), stderr: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command: Tuple[str, ...] = tuple(command)
        self.stderr = stderr

    def __str__(self) -> str:
        return f"{self.message} (exit code {self.exit_code})"


class CommandUnavailable(NotImplementedError):
    """The dlm-exact in use lacks a command or option that this call needs (a newer one has it)."""


class Cli:
    """A way to run dlm-exact: the command prefix, e.g. ``["java", "-jar", "target/dlm-exact.jar"]``.

    ``root`` is the repository the command belongs to, when known (its ``test-vectors`` folder is used
    by :mod:`dlm_exact.vectors`).
    """

    def __init__(self, command: Sequence[str], root: Optional[Path] = None) -> None:
        if not command:
            raise ValueError("the command must not be empty")
        self.command: Tuple[str, ...] = tuple(str(c) for c in command)
        self.root = root
        self._help: Dict[Tuple[str, ...], str] = {}

    def __repr__(self) -> str:
        return f"Cli({list(self.command)!r})"

    @classmethod
    def from_jar(cls, jar: "os.PathLike[str] | str", java: Optional[str] = None) -> "Cli":
        """Runs ``java -jar JAR`` (``java`` from ``JAVA_HOME``, else from ``PATH``)."""
        path = Path(jar).resolve()
        if not path.is_file():
            raise FileNotFoundError(f"the dlm-exact jar '{jar}' does not exist (build it with 'mvn -DskipTests package')")
        root = path.parent.parent if path.parent.name == "target" else None
        return cls([java or _java(), "-jar", str(path)], root)

    @classmethod
    def from_launcher(cls, launcher: "os.PathLike[str] | str") -> "Cli":
        """Runs the repository's launcher script (which builds the jar when it is missing or stale)."""
        path = Path(launcher).resolve()
        if not path.is_file():
            raise FileNotFoundError(f"the dlm-exact launcher '{launcher}' does not exist")
        return cls([str(path)], path.parent)

    @classmethod
    def locate(cls) -> "Cli":
        """The first of: ``DLM_EXACT_JAR`` (a jar), ``DLM_EXACT`` (a launcher), the launcher of the
        repository this package sits in (when used from a checkout), ``dlm-exact`` on ``PATH``."""
        jar = os.environ.get("DLM_EXACT_JAR")
        if jar:
            return cls.from_jar(jar)
        launcher = os.environ.get("DLM_EXACT")
        if launcher:
            return cls.from_launcher(launcher)
        checkout = Path(__file__).resolve().parent.parent.parent / "dlm-exact"
        if checkout.is_file() and (checkout.parent / "pom.xml").is_file():
            return cls.from_launcher(checkout)
        found = shutil.which("dlm-exact")
        if found:
            return cls.from_launcher(found)
        raise FileNotFoundError("cannot find dlm-exact: set DLM_EXACT_JAR to its jar (target/dlm-exact.jar) or "
                                "DLM_EXACT to its launcher, or put the launcher on PATH")

    def run(self, args: Iterable[str], ok: Sequence[int] = (0,)) -> "subprocess.CompletedProcess[str]":
        """Runs one command; an exit code outside ``ok`` raises :class:`DlmExactError`."""
        argv = [str(a) for a in args]
        p = subprocess.run([*self.command, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           check=False)
        if p.returncode not in ok:
            raise DlmExactError(_message(p.stderr, p.returncode), p.returncode, argv, p.stderr)
        return p

    def help(self, *command: str) -> str:
        """The ``--help`` text of a (sub)command, cached."""
        if command not in self._help:
            self._help[command] = self.run([*command, "--help"]).stdout
        return self._help[command]

    def has_option(self, option: str, *command: str) -> bool:
        """Whether ``command`` accepts ``option`` (read from its ``--help``)."""
        return re.search(r"^\s*(?:-\w, )?" + re.escape(option) + r"(?:[=\s]|$)", self.help(*command), re.M) is not None

    def has_command(self, *command: str) -> bool:
        """Whether the last name of ``command`` is a subcommand of the others (read from ``--help``)."""
        *parent, name = command
        return re.search(r"^  " + re.escape(name) + r"(\s|$)", self.help(*parent), re.M) is not None


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise FileNotFoundError("cannot find java: install Java 17 or newer, or set JAVA_HOME")
    return found


def _message(stderr: str, code: int) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        if line.startswith(_PREFIX):
            return line[len(_PREFIX):]
    return lines[-1] if lines else f"dlm-exact exited with code {code} and no message"


_default: Optional[Cli] = None


def default_cli() -> Cli:
    """The command used when a call is given none (located once, see :meth:`Cli.locate`)."""
    global _default
    if _default is None:
        _default = Cli.locate()
    return _default


def configure(jar: "os.PathLike[str] | str | None" = None, launcher: "os.PathLike[str] | str | None" = None) -> Cli:
    """Sets the default command: a jar or a launcher (exactly one); returns it."""
    global _default
    if (jar is None) == (launcher is None):
        raise ValueError("give exactly one of jar and launcher")
    _default = Cli.from_jar(jar) if jar is not None else Cli.from_launcher(launcher)  # type: ignore[arg-type]
    return _default
