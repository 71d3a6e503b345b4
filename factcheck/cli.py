"""`factcheck` command line: a thin front end over the pure core.

Exit codes (check): 0 no contradiction, 1 a contradiction, 2 bad usage or a broken fact base,
3 no contradiction but some source could not be read (listed under `errors`), 4 the run could not
finish: the report could not be written (disk full, permission denied; the previous report is left
intact), or an internal error (a bug; the message says so). A contradiction wins over unreadable
sources (1, not 3). Exit 1 is never used for a failure of factcheck itself, so CI can read it as
"contradictions found".

Limits of `check` (docs/robustness.md): a file, or a JSONL line, over `--max-bytes` is refused
before it is read; an article text over `--max-chars` characters is refused before it is checked;
an article whose check takes over `--timeout` seconds is abandoned. Each becomes an entry of
`errors` with its reason, and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.clitools import (
    DEFAULT_CORPUS,
    DEFAULT_FACTS,
    EXIT_CONTRADICTION,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    SourceLimits,
    add_limit_options,
    corpus_paths,
    split_source,
)
from factcheck.clitools import Failed as _Failed
from factcheck.clitools import count_arg as _count
from factcheck.clitools import load_base as _load
from factcheck.clitools import positive_int as _positive_int
from factcheck.clitools import write_report as _write
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.model import FactBase
from factcheck.progress import progress_bar
from factcheck.pytest_support.baseline import (
    Baseline,
    BaselineError,
    load_baseline,
    render_compared,
)
from factcheck.report import FORMATS, Report, iter_render, write_atomic
from factcheck.report.line import GATES, fails, render_line, select
from factcheck.report.table import clean
from factcheck.report.write import is_stdout, looks_like_report, output_problem, utf8_safe
from factcheck.runner import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT, Limits, SchedulerError, default_jobs, run_stored

DEFAULT_REPORTS = "reports"
DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # a saved news page is rarely over 3 MB
DEFAULT_BASELINE = "factcheck-baseline.json"  # as the pytest plugin's, in the current directory


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _refuse_corpus_targets(report: Report, targets: list[Path]) -> None:
    """Never write a report over an article that was just read (`--output seeds/x.txt`)."""
    wanted = {key: t for t in targets if (key := _identity(t)) is not None}
    if not wanted:
        return
    paths = {r.source.path for r in report.results if r.source.path} | {e.path for e in report.errors if e.path}
    for p in sorted(paths):
        key = _identity(p)
        if key in wanted:
            print(f"factcheck: refusing to write the report to {wanted[key]}: it is a source of the corpus ({p}); "
                  "write the report elsewhere", file=sys.stderr)
            raise _Failed(EXIT_USAGE)


def _refuse_output(output: str | None, protected: Sequence[str] = ()) -> None:
    """Only regular files are replaced (docs/robustness.md): exit 2 before any work otherwise."""
    problem = output_problem(output, protected) if output and output != "-" else None
    if problem:
        print(f"factcheck: refusing to write the report to {output}: {problem}", file=sys.stderr)
        raise _Failed(EXIT_USAGE)


def cmd_check(args: argparse.Namespace) -> int:
    fb = _load(args.facts)
    if fb is None:
        return EXIT_USAGE
    paths = corpus_paths(args.paths)
    if paths is None:
        return EXIT_USAGE
    if args.output and is_stdout(args.output):
        args.output = "-"  # /dev/stdout is streamed to, never replaced
    _refuse_output(args.output, fb.files)
    fmt = args.format or _format_for(args.output)
    named = _format_for(args.output)
    if args.format and named != "table" and named != args.format:
        # `--format line --output report.json`: written as asked, but said, since a tool reading
        # report.json expects JSON
        print(f"factcheck: note: writing {args.format} format to {args.output}, whose name says {named}",
              file=sys.stderr)
    limits = Limits(timeout=args.timeout or None, max_chars=args.max_chars or None)
    # the run's own output (reports/, --output) is never read back as articles
    own = [args.reports] + ([args.output] if args.output and looks_like_report(args.output) else [])
    baseline = _open_baseline(args, fb)
    try:
        with progress_bar(paths, quiet=args.quiet, skip=own) as progress:
            # on disk as it comes, so memory does not grow with the corpus (docs/scale.md)
            check_on = None
            if args.scheduler:
                from factcheck.distributed import iter_results_dask  # dask is an optional extra

                def check_on(items: Any) -> Any:
                    return iter_results_dask(items, fb, args.scheduler, limits, workers=args.jobs)
            report = run_stored(paths, fb, jobs=args.jobs, max_bytes=args.max_bytes, limits=limits, skip=own,
                                progress=progress, check_on=check_on).report()
    except SchedulerError as e:  # --scheduler: no dask, or no scheduler at the address
        print(f"factcheck: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not report.results and not report.errors:
        print(f"factcheck: no article found in {', '.join(map(str, paths))} (.txt, .md, .html, .htm, .jsonl)",
              file=sys.stderr)
        return EXIT_USAGE
    report = _select(args, report)
    gate = args.fail_on or ["contradict"]
    failed = fails(report, gate)
    if baseline is not None:
        failed = _against_baseline(args, report, baseline, gate)
    rc = EXIT_CONTRADICTION if failed else EXIT_UNREADABLE if report.errors else EXIT_OK
    try:
        _emit(args, report, fb, fmt)
    except BrokenPipeError:
        # the reader went away ("| head"): the verdict still decides the exit code
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return rc


def _open_baseline(args: argparse.Namespace, fb: FactBase) -> Baseline | None:
    """`--baseline FILE` (`--update-baseline` alone: factcheck-baseline.json here); exit 2 when it
    cannot be used. A missing file is an error unless it is to be written."""
    if not args.baseline and not args.update_baseline:
        if args.strict_baseline:
            print("factcheck: --strict-baseline needs --baseline FILE", file=sys.stderr)
            raise _Failed(EXIT_USAGE)
        return None
    path = Path(args.baseline or DEFAULT_BASELINE)
    if args.update_baseline:
        _refuse_output(str(path), fb.files)
    if not path.exists():
        if args.update_baseline:
            return Baseline(path=path)
        print(f"factcheck: --baseline {path}: no such file (create it with --update-baseline)", file=sys.stderr)
        raise _Failed(EXIT_USAGE)
    try:
        baseline = load_baseline(path, str(path))
    except BaselineError as e:
        print(f"factcheck: {e}", file=sys.stderr)
        raise _Failed(EXIT_USAGE) from None
    if baseline.migrated and baseline.entries and not args.update_baseline and not args.quiet:
        print(f"factcheck: baseline {path} is in the old format (no values recorded, so any value of a recorded "
              "pair is known); rewrite it with --update-baseline", file=sys.stderr)
    return baseline


def _against_baseline(args: argparse.Namespace, report: Report, baseline: Baseline, gate: list[str]) -> bool:
    """Sort the run's findings against the baseline (written first with --update-baseline); the gate
    fails on new discrepancies only, and with --strict-baseline on fixed and stale entries too."""
    full = not (args.fact or args.kind or args.source)
    shown = str(baseline.path)
    if args.update_baseline:
        baseline = baseline.from_report(report, gate, full)
        _refuse_corpus_targets(report, [Path(shown)])
        _write(Path(shown), baseline.dumps())
        if not args.quiet:
            n = len(baseline)
            print(f"factcheck: wrote {shown} ({n} entr{'ies' if n != 1 else 'y'}"
                  + ("" if full else "; entries of pairs outside --fact/--kind/--source were kept") + ")",
                  file=sys.stderr)
    cmp = baseline.compare(report, gate, full)
    args.comparison = (cmp, gate, shown)
    strict = args.strict_baseline and bool(cmp.fixed or cmp.stale)
    if strict and not args.quiet:
        print(f"factcheck: --strict-baseline: {len(cmp.fixed)} fixed and {len(cmp.stale)} stale entries in {shown} "
              "(remove them, or rerun with --update-baseline)", file=sys.stderr)
    failing = {f.id for f in report.facts if f.severity == "error"}  # warning/info facts never fail
    return any(finding.fact in failing for _, finding, _ in cmp.new) or strict


def _select(args: argparse.Namespace, report: Report) -> Report:
    """`--fact/--kind/--source` (glob patterns, repeatable): a pattern matching nothing is a usage
    error, so that a typo cannot turn a CI gate green."""
    facts, kinds, sources = args.fact or [], args.kind or [], args.source or []
    if not (facts or kinds or sources):
        return report
    chosen = select(report, facts=facts, sources=sources, kinds=kinds)
    if (facts or kinds) and not chosen.facts:
        print(f"factcheck: no fact matches {' '.join(['--fact ' + f for f in facts] + ['--kind ' + k for k in kinds])}",
              file=sys.stderr)
        raise _Failed(EXIT_USAGE)
    if sources and not chosen.results and not chosen.errors:
        print(f"factcheck: no source matches {' '.join('--source ' + p for p in sources)}", file=sys.stderr)
        raise _Failed(EXIT_USAGE)
    return chosen


def _render(args: argparse.Namespace, report: Report, fmt: str) -> Iterable[str]:
    compared = getattr(args, "comparison", None)  # (Comparison, gate, baseline shown) with --baseline
    if compared is not None:  # new, known, fixed and stale apart, in every format (CSV too)
        cmp, gate, shown = compared
        return render_compared(report, fmt, cmp, gate, shown, verbose=getattr(args, "verbose", False))
    if fmt == "line" and getattr(args, "verbose", False):
        return render_line(report, verbose=True)
    return iter_render(report, fmt)  # in pieces: a report of any size streams out


def _write_pieces(path: Path, pieces: Iterable[str]) -> None:
    """`clitools.write_report` for a report in pieces (`iter_render`), written as they come."""
    try:
        write_atomic(path, pieces)
    except OSError as e:
        print(f"factcheck: cannot write {path}: {e.strerror or e}; any previous report there is unchanged",
              file=sys.stderr)
        raise _Failed(EXIT_FAILED) from e


def _format_for(output: str | None) -> str:
    """The format a file name asks for (report.json, .jsonl, .csv, .md, .html), else the table."""
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    return {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}.get(suffix, "table")


def _emit(args: argparse.Namespace, report: Any, fb: FactBase, fmt: str) -> None:
    if args.output == "-":
        for piece in _render(args, report, fmt):
            sys.stdout.write(utf8_safe(piece))
        sys.stdout.flush()
    elif args.output:
        target = Path(args.output)
        _refuse_corpus_targets(report, [target])
        _write_pieces(target, _render(args, report, fmt))
        if not getattr(args, "quiet", False):
            print(f"factcheck: wrote {args.output} ({len(report.results)} sources, {len(report.errors)} unreadable, "
                  f"{len(fb.facts)} facts)", file=sys.stderr)
    else:
        out = Path(args.reports)
        names = [out / "consistency.md", out / "consistency.json", out / "consistency.html"]
        _refuse_corpus_targets(report, names)
        for name, kind in zip(names, ("markdown", "json", "html")):
            _write_pieces(name, _render(args, report, kind))
        for piece in _render(args, report, fmt):
            sys.stdout.write(utf8_safe(piece))
        sys.stdout.flush()
        if not getattr(args, "quiet", False):
            print(f"factcheck: wrote {', '.join(map(str, names))}", file=sys.stderr)


def _yaml_only(path: str) -> bool:
    """A fact file, or a folder holding fact files and no articles."""
    p = Path(path)
    if p.is_file():
        return p.suffix.lower() in (".yaml", ".yml")
    if not p.is_dir():
        return False
    files = [f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")]
    return any(f.suffix.lower() in (".yaml", ".yml") for f in files) and not any(
        f.suffix.lower() in (".txt", ".jsonl", ".json", ".md", ".html") for f in files)


def cmd_lint(args: argparse.Namespace) -> int:
    from factcheck.lint import run_lint

    facts, corpus = args.facts, list(args.corpus)
    if facts is None:
        # `factcheck lint my_facts/`: the one path given is a fact base, not a corpus
        if len(corpus) == 1 and _yaml_only(corpus[0]):
            facts, corpus = corpus[0], []
            print(f"factcheck: linting {facts} as the fact base (a corpus to check the rules against goes "
                  f"after --facts: factcheck lint --facts {facts} CORPUS)", file=sys.stderr)
        else:
            facts = DEFAULT_FACTS
    return run_lint(facts, corpus, limits=SourceLimits.of(args))


def cmd_words(args: argparse.Namespace) -> int:
    from factcheck.vocab import TOPICS, words

    unknown = [t for t in args.topic if t not in TOPICS]
    if unknown:
        print(f"factcheck words: unknown topic {', '.join(unknown)}; choose from {', '.join(TOPICS)}", file=sys.stderr)
        return EXIT_USAGE
    for topic in args.topic or TOPICS:
        sys.stdout.write(utf8_safe(words(topic)))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from factcheck.factbase.schema import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output and not is_stdout(args.output):
        _refuse_output(args.output)
        _write(Path(args.output), text)
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
    # "feed.jsonl::a3" names one article of a JSONL file (or of a directory)
    path, wanted = split_source(str(args.source))
    limits = SourceLimits.of(args)  # as `check`'s: reading, and the explanation too
    items = list(read_corpus([path], **limits.reading()))
    if wanted:
        items = [i for i in items if i.id == wanted]
    if not items:
        print(f"factcheck: nothing to read at {args.source}", file=sys.stderr)
        return EXIT_USAGE
    if len(items) > 1:
        ids = ", ".join(i.id for i in items[:5]) + (", ..." if len(items) > 5 else "")
        print(f"factcheck: {path} holds {len(items)} articles ({ids}); name one as {path}::ID", file=sys.stderr)
        return EXIT_USAGE
    item = items[0]
    if isinstance(item, SourceError):
        print(f"factcheck: cannot read {item.path}: {item.reason}", file=sys.stderr)
        return EXIT_USAGE
    from factcheck.corpus.text import Expired, deadline

    try:
        with deadline(limits.timeout):
            data = explain(item, fb, args.fact)
    except Expired:
        print(f"factcheck: {args.source}: timed out: checking took longer than {limits.timeout:g} s (--timeout)",
              file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_explain_text(data))
    return 0


def _explain_text(d: dict[str, Any]) -> str:
    """The trace of the real run for one (source, fact), for people."""
    c = clean
    lines = [f"{c(d['source'])} x {c(d['fact'])}: {str(d['verdict']).upper()}",
             f"  expected {c(d['expected'])} (defined at {c(d['defined_at'])}; event {c(d['event'] or '-')})",
             f"  the article is about dates near: {', '.join(d['anchors']) or 'no date'}"]
    for f in d["furniture"]:
        lines.append(f"  furniture ({c(f['why'])}), not read: {c(repr(f['text']))}")
    for s in d["clauses"]:
        lines.append(f"  line {s['line']}: {c(s['sentence'])}")
        for g in s["segments"]:
            ev = ", ".join(f"{e} ({c(g['why'].get(e, ''))} [{', '.join(g['rules'].get(e, []))}])"
                           for e in g["events"]) or "no event"
            kind = "after/before clause" if g["anchor"] else "clause"
            lines.append(f"    {kind} {c(repr(g['text'][:70]))}: {ev}; level {g['level']}")
            for e, rid in g.get("set_aside", {}).items():
                lines.append(f"      set aside: {e} [{rid}]")
    if d["considered"]:
        lines.append("  values considered:")
    for st in d["considered"]:
        lines.append(f"    {st['line']}:{st['col']} {c(repr(st['text']))} -> {st['outcome'].upper()}"
                     f" [{', '.join(st['rules'])}]" + (f": {c(st['reason'])}" if st["reason"] else ""))
    lines.append("  mentions bound:" if d["mentions"] else f"  no mention bound: the verdict is {d['verdict']}")
    for m in d["mentions"]:
        lines.append(f"    {m['line']}:{m['col']} {m['verdict'].upper()} {c(repr(m['text']))}: {c(m['reason'])}"
                     f" [{c(m['rule'])}]")
    if d["why_nothing"]:
        lines.append(f"  why nothing bound: {c(d['why_nothing'])}")
    return "\n".join(lines) + "\n"


def cmd_suggest(args: argparse.Namespace) -> int:
    from factcheck.suggest import render_suggestions, suggest

    fb = None
    if args.facts and Path(args.facts).exists():
        fb, _ = load_with_problems(args.facts)
    sys.stdout.write(render_suggestions(suggest(args.paths or [DEFAULT_CORPUS], fb, SourceLimits.of(args)),
                                        top=args.top))
    return 0


def _seconds(text: str) -> float:
    try:
        s = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not s >= 0 or s == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds, 0 or more, not {text!r}")
    return s


def _version() -> str:
    from factcheck import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factcheck", description="Check articles against a curated fact base.")
    p.add_argument("--version", action="version", version=f"factcheck {_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check a corpus against the fact base and write the consistency report")
    c.add_argument("paths", nargs="*", help=f"files or directories (default: {DEFAULT_CORPUS}/)")
    c.add_argument("--facts", default=DEFAULT_FACTS, help=f"fact base directory or file (default: {DEFAULT_FACTS}/)")
    c.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the --output name (.json, .jsonl, .csv, .md, .html), else table)")
    c.add_argument("--output", help="write the report here (- for standard output) instead of printing it "
                                    "and writing reports/")
    c.add_argument("--reports", default=DEFAULT_REPORTS, help=argparse.SUPPRESS)
    c.add_argument("--fail-on", action="append", choices=GATES, metavar="VERDICT",
                   help="exit 1 when a finding has this verdict: contradict, unclear or omit (repeatable; "
                        "default: contradict)")
    c.add_argument("--fact", action="append", metavar="GLOB", help="only facts whose id matches (repeatable)")
    c.add_argument("--kind", action="append", metavar="GLOB", help="only facts of a matching kind (repeatable)")
    c.add_argument("--source", action="append", metavar="GLOB",
                   help="only sources whose id or path matches (repeatable)")
    c.add_argument("-v", "--verbose", action="store_true", help="--format line: list agreements too")
    c.add_argument("--jobs", "-j", type=int, default=default_jobs(),
                   help=f"processes to use (default: every core this process may use, {default_jobs()} here)")
    c.add_argument("--scheduler", metavar="ADDRESS",
                   help="check on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' to start "
                        "one on this machine; needs the 'dask' extra (docs/scale.md)")
    c.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse a file (a JSONL line) over N bytes before reading it (default: {DEFAULT_MAX_BYTES})")
    c.add_argument("--max-chars", type=_count, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse an article text longer than N characters (default: {DEFAULT_MAX_CHARS}; 0: no limit)")
    c.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"give up on an article after S seconds of checking (default: {DEFAULT_TIMEOUT:g}; 0: none)")
    c.add_argument("--baseline", metavar="FILE",
                   help="known discrepancies (source, fact, verdict, value read): they do not fail the gate; "
                        "new, known and fixed ones are listed apart")
    c.add_argument("--update-baseline", action="store_true",
                   help="write the baseline (--baseline FILE, default factcheck-baseline.json) from this run's "
                        "findings that the gate fails on")
    c.add_argument("--strict-baseline", action="store_true",
                   help="with --baseline: fixed and stale entries fail the gate too")
    c.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no notes on standard error (problems are still printed)")
    c.set_defaults(func=cmd_check)

    li = sub.add_parser("lint", help="validate the fact base; with a corpus, list facts and rules that never match")
    li.add_argument("corpus", nargs="*", help="optional corpus to find rules that match nothing; a single folder "
                    "(or file) of YAML fact files and no articles is taken as the fact base when --facts is not given")
    li.add_argument("--facts", default=None, help=f"the fact base (default: {DEFAULT_FACTS})")
    add_limit_options(li)  # the same limits as check's, for reading and checking the corpus
    li.set_defaults(func=cmd_lint)

    w = sub.add_parser("words", help="list what values are read as: units, currencies, duration units, zones, hedges")
    w.add_argument("topic", nargs="*", help="units, currencies, durations, zones or hedges (default: all)")
    w.set_defaults(func=cmd_words)

    s = sub.add_parser("schema", help="write the JSON Schema of fact files (for editors)")
    s.add_argument("--output", help="file to write (default: standard output)")
    s.set_defaults(func=cmd_schema)

    e = sub.add_parser("explain", help="show how one (source, fact) verdict was reached")
    e.add_argument("source", help="the article file, or FILE.jsonl::ID for one article of a JSONL file")
    e.add_argument("fact", help="the fact id")
    e.add_argument("--facts", default=DEFAULT_FACTS)
    e.add_argument("--json", action="store_true", help="machine-readable output")
    add_limit_options(e)
    e.set_defaults(func=cmd_explain)

    g = sub.add_parser("suggest", help="mine candidate facts from a corpus, as YAML stubs")
    g.add_argument("paths", nargs="*", help=f"files or directories (default: {DEFAULT_CORPUS}/)")
    g.add_argument("--facts", default=DEFAULT_FACTS, help="mark candidates the base already covers")
    g.add_argument("--top", type=int, default=25)
    add_limit_options(g)
    g.set_defaults(func=cmd_suggest)

    from factcheck.diff import add_parser as add_diff

    add_diff(sub)

    from factcheck.selftest.cli import add_parser as add_selftest  # docs/selftest.md

    add_selftest(sub)
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
    except _Failed as e:
        return e.code
    except KeyboardInterrupt:
        print("factcheck: interrupted; no report was half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:  # noqa: BLE001 - an uncaught exception would exit 1, which means "contradiction"
        import traceback

        traceback.print_exc(file=sys.stderr)
        print(f"factcheck: internal error: {type(e).__name__}: {e} (a bug in factcheck: please report it)",
              file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
