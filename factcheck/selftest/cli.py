"""`factcheck selftest`: the subcommand (registered by factcheck/cli.py through `add_parser`).

Exit codes: 0 done (and, with --min-recall, the recall of wrong values met it), 1 --min-recall given
and not met (or no wrong value could be made, so there is no recall), 2 bad usage, a missing corpus
or one with no article, or a broken fact base.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factcheck.selftest.report import FORMATS

DEFAULT_PER_FACT = 3


def _fraction(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= x <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text!r}")
    return x


def add_parser(sub: Any) -> None:
    """Add `selftest` to the subcommands of the factcheck parser."""
    from factcheck.clitools import DEFAULT_CORPUS, DEFAULT_FACTS
    from factcheck.clitools import positive_int as _positive_int

    t = sub.add_parser("selftest", help="measure the fact base on a corpus: mutate agreeing values in memory "
                                        "and see whether the check catches them")
    t.add_argument("paths", nargs="*", metavar="CORPUS", help=f"files or directories (default: {DEFAULT_CORPUS}/)")
    t.add_argument("--facts", default=DEFAULT_FACTS, help=f"fact base directory or file (default: {DEFAULT_FACTS}/)")
    t.add_argument("--per-fact", type=_positive_int, default=DEFAULT_PER_FACT, metavar="N",
                   help=f"agreeing mentions mutated per fact (default: {DEFAULT_PER_FACT})")
    t.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the choices (default: 0)")
    t.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the --output name (.json, .md), else table)")
    t.add_argument("--output", help="write the report here instead of standard output")
    t.add_argument("--jobs", "-j", type=int, default=1, help="processes to use (default: 1)")
    t.add_argument("--min-recall", type=_fraction, default=None, metavar="X",
                   help="exit 1 unless at least this fraction (0-1) of the wrong values is contradicted")
    t.set_defaults(func=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    from factcheck.clitools import EXIT_USAGE, corpus_paths
    from factcheck.clitools import load_base as _load
    from factcheck.clitools import write_report as _write
    from factcheck.selftest.report import render
    from factcheck.selftest.run import selftest

    fb = _load(args.facts)
    if fb is None:
        return EXIT_USAGE
    paths = corpus_paths(args.paths)
    if paths is None:
        return EXIT_USAGE
    rep = selftest(paths, fb, per_fact=args.per_fact, seed=args.seed, jobs=args.jobs)
    if rep.sources == 0:
        print(f"factcheck: no article found in {', '.join(map(str, paths))}", file=sys.stderr)
        return EXIT_USAGE
    suffix = Path(args.output).suffix.lower() if args.output else ""
    fmt = args.format or {".json": "json", ".md": "markdown", ".markdown": "markdown"}.get(suffix, "table")
    text = render(rep, fmt)
    if args.output and args.output != "-":
        _write(Path(args.output), text)
        print(f"factcheck: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if args.min_recall is None:
        return 0
    recall = rep.total().recall
    if recall is None or recall < args.min_recall:
        shown = "none (no wrong value could be made)" if recall is None else f"{recall:.3f}"
        print(f"factcheck: recall of wrong values {shown} is below --min-recall {args.min_recall:g}", file=sys.stderr)
        return 1
    return 0
