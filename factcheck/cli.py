"""`factcheck` command line: a thin front end over the pure core.

Exit codes (check): 0 no contradiction, 1 a contradiction, 2 bad usage or a broken fact base,
3 no contradiction but some source could not be read (listed under `errors`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import FactBaseError
from factcheck.factbase.load import load_factbase, load_with_problems
from factcheck.factbase.model import FactBase
from factcheck.report import FORMATS, render, write_atomic

EXIT_OK, EXIT_CONTRADICTION, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
DEFAULT_FACTS = "facts"
DEFAULT_CORPUS = "seeds"
DEFAULT_REPORTS = "reports"


def _load(facts: str) -> FactBase | None:
    try:
        return load_factbase(facts)
    except FactBaseError as e:
        print(f"factcheck: the fact base has {len(e.problems)} problem(s):", file=sys.stderr)
        for p in e.problems:
            print(p.render(), file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    from factcheck.runner import run

    fb = _load(args.facts)
    if fb is None:
        return EXIT_USAGE
    paths = args.paths or [DEFAULT_CORPUS]
    report = run(paths, fb, jobs=args.jobs)
    if args.output:
        write_atomic(args.output, render(report, args.format))
        print(f"factcheck: wrote {args.output} ({len(report.results)} sources, {len(fb.facts)} facts)",
              file=sys.stderr)
    else:
        sys.stdout.write(render(report, args.format))
        out = Path(args.reports)
        write_atomic(out / "consistency.md", render(report, "markdown"))
        write_atomic(out / "consistency.json", render(report, "json"))
        print(f"factcheck: wrote {out / 'consistency.md'} and {out / 'consistency.json'}", file=sys.stderr)
    if report.has_contradiction():
        return EXIT_CONTRADICTION
    return EXIT_UNREADABLE if report.errors else EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    from factcheck.lint import run_lint

    return run_lint(args.facts, args.corpus)


def cmd_schema(args: argparse.Namespace) -> int:
    from factcheck.factbase.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from factcheck.check import explain
    from factcheck.corpus import read_corpus
    from factcheck.model import SourceError

    fb = _load(args.facts)
    if fb is None:
        return EXIT_USAGE
    try:
        fb.fact(args.fact)
    except KeyError:
        import difflib

        close = difflib.get_close_matches(args.fact, [f.id for f in fb.facts], n=3)
        print(f"factcheck: no fact {args.fact!r}" + (f"; did you mean {', '.join(close)}?" if close else ""),
              file=sys.stderr)
        return EXIT_USAGE
    items = list(read_corpus([args.source]))
    if not items:
        print(f"factcheck: nothing to read at {args.source}", file=sys.stderr)
        return EXIT_USAGE
    item = items[0]
    if isinstance(item, SourceError):
        print(f"factcheck: cannot read {item.path}: {item.reason}", file=sys.stderr)
        return EXIT_USAGE
    data = explain(item, fb, args.fact)
    if args.json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_explain_text(data))
    return 0


def _explain_text(d: dict[str, object]) -> str:
    lines = [f"{d['source']} x {d['fact']}: {str(d['verdict']).upper()}",
             f"  expected {d['expected']} (defined at {d['defined_at']}; event {d['event'] or '-'})",
             f"  the article is about dates near: {', '.join(d['anchors']) or 'no date'}"]  # type: ignore[arg-type]
    for f in d["furniture"]:  # type: ignore[attr-defined]
        lines.append(f"  furniture ({f['why']}), not read: {f['text']!r}")
    for s in d["sentences"]:  # type: ignore[attr-defined]
        lines.append(f"  line {s['line']}: {s['sentence']}")
        for g in s["segments"]:
            ev = ", ".join(f"{e} ({g['why'].get(e, '')})" for e in g["events"]) or "no event"
            kind = "after/before clause" if g["anchor"] else "clause"
            lines.append(f"    {kind} {g['text'][:70]!r}: {ev}; level {g['level']}")
        if s["cues_fired"]:
            lines.append(f"    cues fired: {', '.join(s['cues_fired'])}")
        for v in s["values_read"]:
            lines.append(f"    value read: {v['text']!r} = {v['value']} {v['detail']}")
    lines.append("  mentions bound:" if d["mentions"] else "  no mention bound: the verdict is omit")
    for m in d["mentions"]:  # type: ignore[attr-defined]
        lines.append(f"    {m['line']}:{m['col']} {m['verdict'].upper()} {m['text']!r}: {m['reason']} [{m['rule']}]")
    return "\n".join(lines) + "\n"


def cmd_suggest(args: argparse.Namespace) -> int:
    from factcheck.suggest import render_suggestions, suggest

    fb = None
    if args.facts and Path(args.facts).exists():
        fb, _ = load_with_problems(args.facts)
    sys.stdout.write(render_suggestions(suggest(args.paths or [DEFAULT_CORPUS], fb), top=args.top))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factcheck", description="Check articles against a curated fact base.")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check a corpus against the fact base and write the consistency report")
    c.add_argument("paths", nargs="*", help=f"files or directories (default: {DEFAULT_CORPUS}/)")
    c.add_argument("--facts", default=DEFAULT_FACTS, help=f"fact base directory or file (default: {DEFAULT_FACTS}/)")
    c.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    c.add_argument("--output", help="write the report here instead of printing it and writing reports/")
    c.add_argument("--reports", default=DEFAULT_REPORTS, help=argparse.SUPPRESS)
    c.add_argument("--jobs", "-j", type=int, default=1, help="processes to use (default: 1)")
    c.set_defaults(func=cmd_check)

    li = sub.add_parser("lint", help="validate the fact base; with a corpus, list facts and rules that never match")
    li.add_argument("corpus", nargs="*", help="optional corpus to find rules that match nothing")
    li.add_argument("--facts", default=DEFAULT_FACTS)
    li.set_defaults(func=cmd_lint)

    s = sub.add_parser("schema", help="write the JSON Schema of fact files (for editors)")
    s.add_argument("--output", help="file to write (default: standard output)")
    s.set_defaults(func=cmd_schema)

    e = sub.add_parser("explain", help="show how one (source, fact) verdict was reached")
    e.add_argument("source", help="the article file")
    e.add_argument("fact", help="the fact id")
    e.add_argument("--facts", default=DEFAULT_FACTS)
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.set_defaults(func=cmd_explain)

    g = sub.add_parser("suggest", help="mine candidate facts from a corpus, as YAML stubs")
    g.add_argument("paths", nargs="*", help=f"files or directories (default: {DEFAULT_CORPUS}/)")
    g.add_argument("--facts", default=DEFAULT_FACTS, help="mark candidates the base already covers")
    g.add_argument("--top", type=int, default=25)
    g.set_defaults(func=cmd_suggest)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return EXIT_USAGE if e.code not in (0, None) else 0
    if getattr(args, "jobs", 1) < 1:
        parser.print_usage(sys.stderr)
        print("factcheck: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        rc: int = args.func(args)
        return rc
    except KeyboardInterrupt:
        print("factcheck: interrupted; no report was half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
