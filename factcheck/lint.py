"""`factcheck lint`: every problem of the fact base in one pass; with a corpus, the facts and
rules that match nothing anywhere (a rule that never fires is reported, never silent).

Every user pattern, the kinds' own (`unit`, `counted`, `context`, `patterns`...) included, is
also tried on inputs made to make it backtrack for ever (`runaway_probes` of factbase/runaway.py,
the loader's: runs of the characters it names, escapes decoded, and of the multi-character strings
of its alternations, `(?:ab|ab)+c`): one that does is FB031, with the pattern shown cut when it is
long. The loader already reports the patterns of the fact file; lint adds the kinds' compiled
options (a name's `patterns` with `{party}` filled in). With a
corpus, the articles are read and checked within the limits of `factcheck check`
(`--max-bytes`, `--max-chars`, `--timeout`).

Exit codes of `run_lint` (the command): 0 clean, 1 problems (in the fact base, or facts and
patterns that match nothing in the corpus), 2 usage (no such fact directory, no such corpus path).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import regex

from factcheck.clitools import SourceLimits
from factcheck.errors import Problem
from factcheck.factbase.load import load_with_problems
from factcheck.factbase.model import FactBase, Pattern, TimedRegex
from factcheck.factbase.runaway import SHOWN as SHOWN
from factcheck.factbase.runaway import literal_chunks as literal_chunks
from factcheck.factbase.runaway import runaway_probes as runaway_probes
from factcheck.factbase.runaway import runs_away, shown
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


def _runs_away(rx: Any) -> str | None:
    """The probe (cut) on which `rx` times out, or None (factbase/runaway.py: the loader's probes)."""
    if isinstance(rx, TimedRegex):
        rx = rx.compiled
    if not isinstance(rx, regex.Pattern):
        return None  # not a `regex` pattern: nothing to bound
    return runs_away(rx)


def _kind_patterns(f: Any) -> Iterator[tuple[str, Any]]:
    """(key, compiled) of a fact's kind options that are regular expressions (`unit`, `counted`,
    `context`, `patterns`, ...), and of its `value_words`."""
    for key, value in sorted(f.options.items()):
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, TimedRegex):
                yield key, v.compiled
            elif isinstance(v, regex.Pattern):
                yield key, v
    for p, _ in f.value_words:
        yield "value_words", p.compiled


def _option_position(file: str, line: int, key: str) -> tuple[int, int]:
    """Line and column of `key:` in the fact that starts at `line` (the fact's own, if not found)."""
    try:
        lines = split_lines(Path(file).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return line, 1
    want = regex.compile(rf"^(\s*(?:-\s+)?){regex.escape(key)}\s*:\s*")
    for n in range(line - 1, min(len(lines), line + 200)):
        m = want.match(lines[n])
        if m:
            return n + 1, m.end() + 1
        if n > line - 1 and regex.match(r"\s*-\s+id\s*:", lines[n]):
            break  # the next fact
    return line, 1


def runaway(fb: FactBase) -> list[Problem]:
    """FB031 for each user pattern of a loaded base that backtracks for ever on a probe: the
    loader probed the patterns as written (verdicts cached, so they cost nothing here); what is
    left is the kinds' compiled options (a name's `patterns` with `{party}` filled in)."""
    out: list[Problem] = []
    seen: set[tuple[str, int, int, str]] = set()

    def add(file: str, line: int, col: int, what: str, src: str, probe: str) -> None:
        if (file, line, col, src) in seen:
            return
        seen.add((file, line, col, src))
        out.append(_problem(file, line, col, "FB031",
                            f"`{what}` pattern {shown(src)} can run away (catastrophic backtracking on {probe!r}...)",
                            "avoid nested repetition such as (a+)+ or (a|aa)+; make alternatives exclusive"))

    pats: list[tuple[str, Pattern]] = []
    for e in fb.events.values():
        pats += [("names", p) for p in (*e.names, *e.words, *e.mode_words)]
    for f in fb.facts:
        for key in ("cues", "exclude", "near", "exclude_near"):
            pats += [(key, p) for p in getattr(f, key)]
        pats += [("attribution", v.attribution) for v in (*f.variants, *f.distractors) if v.attribution]
    for what, p in pats:
        probe = _runs_away(p.compiled)
        if probe is not None:
            add(p.position.file, p.position.line, p.position.col, what, p.source, probe)
    for f in fb.facts:
        for key, rx in _kind_patterns(f):
            probe = _runs_away(rx)
            if probe is not None:
                line, col = _option_position(f.position.file, f.position.line, key)
                add(f.position.file, line, col, f"{key}` of fact `{f.id}", rx.pattern, probe)
    return sorted(out, key=lambda x: (x.file, x.line, x.col, x.code))


# -- facts and rules that match nothing --------------------------------------------------------------


def unused(fb: FactBase, corpus: Sequence[PathArg], limits: SourceLimits | None = None) -> list[Problem]:
    """FB090 for each fact that binds to no mention anywhere in the corpus, FB091 for each pattern
    (event `names`, fact `cues` and `near`) that matches no article, in file order. The corpus is
    read and checked within `limits` (default: `factcheck check`'s)."""
    from factcheck.corpus import read_corpus
    from factcheck.model import Source
    from factcheck.runner import check_safely

    limits = limits or SourceLimits.defaults()
    fired: set[int] = set()
    bound: set[str] = set()
    pats = _patterns(fb)
    for item in read_corpus(corpus, **limits.reading()):
        if not isinstance(item, Source):
            continue
        for i, (_, _, p) in enumerate(pats):
            if i not in fired and p.search(item.text):
                fired.add(i)
        res = check_safely(item, fb, **limits.checking())
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
                                f"{owner}: `{key}` pattern {shown(p.source)} matches nothing in the corpus",
                                "widen the pattern to the wording articles use, or remove it"))
    return sorted(out, key=lambda x: (x.file, x.line, x.col, x.code))


def unused_rules(fb: FactBase, corpus: Sequence[PathArg], limits: SourceLimits | None = None) -> list[str]:
    """`unused` rendered one per line (`file:line:col: FB090: ...`)."""
    return [p.render() for p in unused(fb, corpus, limits)]


def lint(facts: PathArg, corpus: Sequence[PathArg] = (),
         limits: SourceLimits | None = None) -> tuple[list[Problem], list[str]]:
    """The fact base's problems (the loader's, then runaway patterns), and (with a corpus, when the
    base loads) its unused facts and rules."""
    fb, problems = load_with_problems(facts)
    if fb is None:
        return problems, []
    problems = problems + runaway(fb)
    if not corpus:
        return problems, []
    return problems, unused_rules(fb, corpus, limits)


def run_lint(facts: PathArg, corpus: Sequence[PathArg] = (), out: TextIO | None = None,
             err: TextIO | None = None, limits: SourceLimits | None = None) -> int:
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
    if fb is not None:
        problems = problems + runaway(fb)
    for p in problems:
        print(p.render(), file=out)
    found = unused(fb, corpus, limits) if fb is not None and corpus else []
    for p in found:
        print(p.render(), file=out)
    summary = f"factcheck lint: {len(problems)} problem(s) in the fact base"
    if corpus:
        summary += (f", {len(found)} fact(s) or pattern(s) that match nothing in the corpus" if fb is not None
                    else "; the corpus was not read")
    # the problems first, whole: with both streams sent to one file, a buffered `out` flushed
    # after the summary cut a problem's last line in two ("allowed keys: note, valuefactcheck lint: ...")
    out.flush()
    print(summary, file=err)
    return EXIT_PROBLEMS if problems or found else EXIT_OK
