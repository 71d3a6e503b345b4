"""`factcheck lint`: every problem of the fact base in one pass; with a corpus, the facts and
rules that match nothing anywhere (a rule that never fires is reported, never silent).

Exit codes of `run_lint` (the command): 0 clean, 1 problems (in the fact base, or facts and
patterns that match nothing in the corpus), 2 usage (no such fact directory, no such corpus path).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from factcheck.errors import Problem
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.model import FactBase, Pattern
from factcheck.factbase.yamlpos import split_lines

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

PathArg = str | os.PathLike[str]


def _patterns(fb: FactBase) -> list[tuple[str, str, Pattern]]:
    """(owner, key, pattern) of every pattern that makes something bind: event names, cues, near."""
    out: list[tuple[str, str, Pattern]] = []
    for e in fb.events.values():
        out += [(f"event {e.id!r}", "names", p) for p in e.names]
    for f in fb.facts:
        for key in ("cues", "near"):
            out += [(f"fact {f.id!r}", key, p) for p in getattr(f, key)]
    return out


def _problem(file: str, line: int, col: int, code: str, message: str, fix: str) -> Problem:
    return Problem(file, line, col, code, message, fix, _line_text(file, line))


def _line_text(file: str, line: int) -> str:
    try:
        lines = split_lines(Path(file).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""


def unused(fb: FactBase, corpus: Sequence[PathArg]) -> list[Problem]:
    """FB090 for each fact that binds to no mention anywhere in the corpus, FB091 for each pattern
    (event `names`, fact `cues` and `near`) that matches no article, in file order."""
    from factcheck.corpus import read_corpus
    from factcheck.model import Source
    from factcheck.runner import check_safely

    fired: set[int] = set()
    bound: set[str] = set()
    pats = _patterns(fb)
    for item in read_corpus(corpus):
        if not isinstance(item, Source):
            continue
        for i, (_, _, p) in enumerate(pats):
            if i not in fired and p.search(item.text):
                fired.add(i)
        res = check_safely(item, fb)
        if not isinstance(res, Source) and hasattr(res, "findings"):
            bound |= {f.fact for f in res.findings if f.mentions}
    out: list[Problem] = []
    for f in fb.facts:
        if f.id not in bound:
            pos = f.position
            out.append(_problem(pos.file, pos.line, pos.col, "FB090",
                                f"fact {f.id!r} binds to no mention anywhere in the corpus",
                                "check its event's `names` and `parties` or its `cues` against the articles "
                                "(`factcheck explain ARTICLE FACT` shows why), or add an article that mentions it"))
    for i, (owner, key, p) in enumerate(pats):
        if i not in fired:
            pos = p.position
            out.append(_problem(pos.file, pos.line, pos.col, "FB091",
                                f"{owner}: `{key}` pattern {p.source!r} matches nothing in the corpus",
                                "widen the pattern to the wording articles use, or remove it"))
    return sorted(out, key=lambda x: (x.file, x.line, x.col, x.code))


def unused_rules(fb: FactBase, corpus: Sequence[PathArg]) -> list[str]:
    """`unused` rendered one per line (`file:line:col: FB090: ...`)."""
    return [p.render() for p in unused(fb, corpus)]


def lint(facts: PathArg, corpus: Sequence[PathArg] = ()) -> tuple[list[Problem], list[str]]:
    """The fact base's problems, and (with a corpus, when the base loads) its unused facts and rules."""
    fb, problems = load_with_problems(facts)
    if fb is None or not corpus:
        return problems, []
    return problems, unused_rules(fb, corpus)


def run_lint(facts: PathArg, corpus: Sequence[PathArg] = (), out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """The `factcheck lint` command: problems on `out`, a summary on `err`; the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    if not Path(facts).exists():
        print(f"factcheck lint: no such fact directory or file: {facts} (pass --facts DIR)", file=err)
        return EXIT_USAGE
    missing = [str(c) for c in corpus if not Path(c).exists()]
    if missing:
        print(f"factcheck lint: no such corpus file or directory: {', '.join(missing)}", file=err)
        return EXIT_USAGE
    fb, problems = load_with_problems(facts)
    for p in problems:
        print(p.render(), file=out)
    found = unused(fb, corpus) if fb is not None and corpus else []
    for p in found:
        print(p.render(), file=out)
    summary = f"factcheck lint: {len(problems)} problem(s) in the fact base"
    if corpus:
        summary += (f", {len(found)} fact(s) or pattern(s) that match nothing in the corpus" if fb is not None
                    else "; the corpus was not read")
    print(summary, file=err)
    return EXIT_PROBLEMS if problems or found else EXIT_OK
