"""What every factcheck subcommand shares: exit codes, default paths, loading the fact base with
its problems printed, writing a report, and the argument types. The subcommands (factcheck/cli.py,
factcheck/selftest/cli.py) import from here."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from factcheck.errors import FactBaseError
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import FactBase
from factcheck.report import write_atomic

EXIT_OK, EXIT_CONTRADICTION, EXIT_USAGE, EXIT_UNREADABLE, EXIT_FAILED = 0, 1, 2, 3, 4
DEFAULT_FACTS = "facts"
DEFAULT_CORPUS = "seeds"


class Failed(Exception):
    """The command cannot go on; the message has been printed. Carries the exit code."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def load_base(facts: str) -> FactBase | None:
    try:
        return load_factbase(facts)
    except FactBaseError as e:
        print(f"factcheck: the fact base has {len(e.problems)} problem(s):", file=sys.stderr)
        for p in e.problems:
            print(p.render(), file=sys.stderr)
        return None
    except Exception as e:  # noqa: BLE001 - a loader bug must not look like exit 1 ("contradiction")
        print(f"factcheck: internal error while loading the fact base {facts}: {type(e).__name__}: {e} "
              "(a bug in factcheck: please report it with the fact file)", file=sys.stderr)
        raise Failed(EXIT_FAILED) from e


def write_report(path: Path, text: str) -> None:
    try:
        write_atomic(path, text)
    except OSError as e:
        print(f"factcheck: cannot write {path}: {e.strerror or e}; any previous report there is unchanged",
              file=sys.stderr)
        raise Failed(EXIT_FAILED) from e


def count_arg(text: str) -> int:
    try:
        n = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def positive_int(text: str) -> int:
    n = count_arg(text)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def corpus_paths(given: list[str]) -> list[str] | None:
    """The corpus paths (default: the seeds); None, with the message printed, when none exists (a
    mistyped corpus is a usage error; one missing path among others is an unreadable source)."""
    paths = given or [DEFAULT_CORPUS]
    if not any(os.path.lexists(p) for p in paths):
        print(f"factcheck: no such file or directory: {', '.join(map(str, paths))}", file=sys.stderr)
        return None
    return paths
