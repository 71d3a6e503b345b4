"""What every factcheck subcommand shares: exit codes, default paths, loading the fact base with
its problems printed, writing a report, and the argument types. The subcommands (factcheck/cli.py,
factcheck/selftest/cli.py) import from here."""

from __future__ import annotations

import argparse
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

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


def seconds_arg(text: str) -> float:
    try:
        s = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not s >= 0 or math.isinf(s):
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds, 0 or more, not {text!r}")
    return s


class ReadingLimits(TypedDict):
    max_bytes: int
    max_chars: int | None
    timeout: float | None


class CheckingLimits(TypedDict):
    max_chars: int | None
    timeout: float | None


@dataclass(frozen=True)
class SourceLimits:
    """The per-source limits every front end applies (`check`, `lint CORPUS`, `explain`, `suggest`,
    the pytest plugin), with `check`'s defaults (docs/robustness.md). 0 or None: no limit (but
    `max_bytes`, which is always a limit)."""

    max_bytes: int = 0
    max_chars: int | None = None
    timeout: float | None = None

    def __post_init__(self) -> None:
        from factcheck.corpus import DEFAULT_MAX_BYTES

        if not self.max_bytes:
            object.__setattr__(self, "max_bytes", DEFAULT_MAX_BYTES)

    @classmethod
    def defaults(cls) -> SourceLimits:
        from factcheck.runner import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT

        return cls(max_chars=DEFAULT_MAX_CHARS, timeout=DEFAULT_TIMEOUT)

    @classmethod
    def of(cls, args: argparse.Namespace) -> SourceLimits:
        """From `add_limit_options`' options."""
        return cls(max_bytes=args.max_bytes, max_chars=args.max_chars or None, timeout=args.timeout or None)

    def reading(self) -> ReadingLimits:
        """Keyword arguments of `read_corpus`."""
        return {"max_bytes": self.max_bytes, "max_chars": self.max_chars, "timeout": self.timeout}

    def checking(self) -> CheckingLimits:
        """Keyword arguments of `runner.check_safely`."""
        return {"max_chars": self.max_chars, "timeout": self.timeout}


def add_limit_options(p: argparse.ArgumentParser) -> None:
    """`--max-bytes`, `--max-chars` and `--timeout`, with the same defaults and help everywhere."""
    from factcheck.corpus import DEFAULT_MAX_BYTES
    from factcheck.runner import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT

    p.add_argument("--max-bytes", type=positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse a file (a JSONL line) over N bytes before reading it (default: {DEFAULT_MAX_BYTES})")
    p.add_argument("--max-chars", type=count_arg, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse an article text longer than N characters (default: {DEFAULT_MAX_CHARS}; 0: no limit)")
    p.add_argument("--timeout", type=seconds_arg, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"give up on reading an article, or on checking it, after S seconds (default: "
                        f"{DEFAULT_TIMEOUT:g}; 0: none)")


def split_source(arg: str) -> tuple[str, str]:
    """`FILE::ID` as (FILE, ID); the first split whose FILE exists wins, so that a file name or a
    JSONL id may itself hold `::` ("a::b.txt", "feed.jsonl::x::y"). ("ARG", "") when none exists."""
    at = arg.find("::")
    while at >= 0:
        if os.path.lexists(arg[:at]):
            return arg[:at], arg[at + 2:]
        at = arg.find("::", at + 1)
    return arg, ""


def corpus_paths(given: list[str]) -> list[str] | None:
    """The corpus paths (default: the seeds); None, with the message printed, when none exists (a
    mistyped corpus is a usage error; one missing path among others is an unreadable source)."""
    paths = given or [DEFAULT_CORPUS]
    if not any(os.path.lexists(p) for p in paths):
        print(f"factcheck: no such file or directory: {', '.join(map(str, paths))}", file=sys.stderr)
        return None
    return paths
