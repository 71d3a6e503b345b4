"""The report for CI: one finding a line, one JSON object a finding, selection and the gate.

`render_line` prints `path:line:col: fact: VERDICT: message` (omissions and unreadable sources,
which have no position, print `path: fact: VERDICT: message`), greppable and understood by editors
and problem matchers; only the findings that are not `agree` unless `verbose`. `render_jsonl`
prints every finding as one JSON object a line (and every unreadable source, verdict
`unreadable`). `select` keeps the facts and sources matching glob patterns; `fails` is the gate
of `--fail-on`.

Article text is untrusted: line output goes through `clean` (one line, no control or bidi
characters); JSONL escapes every character Python's `splitlines` breaks on, so one object is
always exactly one line.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any, overload

from factcheck.model import Finding, SourceResult
from factcheck.report.json import jsonable, value_text
from factcheck.report.model import CountedResults, Report
from factcheck.report.table import clean

#: the verdicts `--fail-on` accepts
GATES = ("contradict", "unclear", "omit")


def _quoted(text: str) -> str:
    return '"' + clean(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _location(result: SourceResult) -> str:
    return clean(result.source.path or result.source.id)


def finding_line(result: SourceResult, f: Finding) -> str:
    """One line for one finding, located at its first decisive mention."""
    verdict = f.verdict.upper()
    head = f"{clean(f.fact)}: {verdict}: expected {clean(f.expected)}"
    decisive = [m for m in f.mentions if m.verdict == f.verdict]
    if not decisive:
        why = "not mentioned" if f.verdict == "omit" else f"no {f.verdict} mention recorded"
        return f"{_location(result)}: {head}, {why}"
    m = decisive[0]
    more = f"; {len(decisive) - 1} more" if len(decisive) > 1 else ""
    why = f"; why {clean(m.reason)}" if f.verdict == "unclear" and m.reason else ""
    return (f"{_location(result)}:{m.line}:{m.col}: {head}, found {_quoted(m.text)} "
            f"(value read {clean(value_text(m.value))}; rule {clean(m.rule)}{why}{more})")


def iter_line(report: Report, verbose: bool = False) -> Iterator[str]:
    """`render_line` in pieces of one source."""
    for r in report.results:
        lines = [finding_line(r, f) for f in r.findings if verbose or f.verdict != "agree"]
        if lines:
            yield "".join(ln + "\n" for ln in lines)
    for e in report.errors:
        yield f"{clean(e.path or e.id)}: {clean(e.id)}: UNREADABLE: {clean(e.reason)}\n"


def render_line(report: Report, verbose: bool = False) -> str:
    return "".join(iter_line(report, verbose))


_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(obj: Any) -> str:
    text = json.dumps(jsonable(obj), ensure_ascii=False, allow_nan=False)
    for ch, esc in _LINE_BREAKS.items():
        text = text.replace(ch, esc)
    return text + "\n"


def _line_breaks(text: str) -> str:
    for ch, esc in _LINE_BREAKS.items():
        text = text.replace(ch, esc)
    return text


@lru_cache(maxsize=65_536)
def _bare_tail(fact: str, kind: str, verdict: str, expected: str, with_status: bool, status: str | None) -> str:
    """What follows the path in the line of a finding without mentions (`_one_line` of its object)."""
    head: dict[str, Any] = {"source": "", "path": "", "fact": fact, "kind": kind, "verdict": verdict}
    if with_status:
        head["baseline"] = status
    text = _one_line({**head, "expected": expected, "mentions": []})
    start = '{"source": "", "path": ""'
    assert text.startswith(start), text
    return text[len(start):]


def iter_jsonl(report: Report, statuses: Mapping[tuple[str, str], str] | None = None) -> Iterator[str]:
    """`render_jsonl` in pieces of one source. With `statuses` (a run against a baseline: (source
    id, fact) -> "new", "known" or "fixed"), every object gets a `"baseline"` key after its
    verdict: that status, or null for a pair the baseline has nothing to say about."""
    kinds = {f.id: f.kind for f in report.facts}
    for r in report.results:
        out = []
        for f in r.findings:
            status = statuses.get((r.source.id, f.fact)) if statuses is not None else None
            if not f.mentions:
                # most findings of a big run are omissions: all but the source and path made once
                out.append(_line_breaks('{"source": ' + json.dumps(f.source, ensure_ascii=False) + ', "path": '
                                        + json.dumps(r.source.path, ensure_ascii=False))
                           + _bare_tail(f.fact, kinds.get(f.fact, ""), f.verdict, f.expected,
                                        statuses is not None, status))
                continue
            obj = f.to_json()
            head = {"source": obj.pop("source"), "path": r.source.path, "fact": obj.pop("fact"),
                    "kind": kinds.get(f.fact, ""), "verdict": obj.pop("verdict")}
            if statuses is not None:
                head["baseline"] = status
            out.append(_one_line({**head, **obj}))
        yield "".join(out)
    for e in report.errors:
        obj = {"source": e.id, "path": e.path, "verdict": "unreadable", "reason": e.reason}
        if statuses is not None:
            obj = {"source": e.id, "path": e.path, "verdict": "unreadable", "baseline": None, "reason": e.reason}
        yield _one_line(obj)


def render_jsonl(report: Report, statuses: Mapping[tuple[str, str], str] | None = None) -> str:
    return "".join(iter_jsonl(report, statuses))


def _matches(text: str, patterns: Sequence[str]) -> bool:
    return any(fnmatchcase(text, p) for p in patterns)


def select(
    report: Report,
    facts: Sequence[str] = (),
    sources: Sequence[str] = (),
    kinds: Sequence[str] = (),
) -> Report:
    """The report restricted to facts whose id matches one of `facts` and whose kind matches one of
    `kinds`, and to sources (and unreadable sources) whose id or path matches one of `sources`; an
    empty list keeps everything. Glob patterns (`person.*`, `*.date`), case-sensitive."""
    kept_facts = tuple(
        f for f in report.facts
        if (not facts or _matches(f.id, facts)) and (not kinds or _matches(f.kind, kinds))
    )
    ids = {f.id for f in kept_facts}

    def wanted(sid: str, path: str) -> bool:
        return not sources or _matches(sid, sources) or bool(path and _matches(path, sources))

    def kept(r: SourceResult) -> SourceResult:
        return dataclasses.replace(r, findings=tuple(f for f in r.findings if f.fact in ids))

    if isinstance(report.results, CountedResults):  # on disk: a view, read again at each pass
        return Report(results=_Selected(report.results, lambda r: wanted(r.source.id, r.source.path), kept),
                      errors=tuple(e for e in report.errors if wanted(e.id, e.path)), facts=kept_facts)
    results: Iterable[SourceResult] = (r for r in report.results if wanted(r.source.id, r.source.path))
    return Report(
        results=tuple(kept(r) for r in results),
        errors=tuple(e for e in report.errors if wanted(e.id, e.path)),
        facts=kept_facts,
    )


class _Selected(Sequence[SourceResult]):
    """The results of a store that pass a filter, each cut down by `cut`; never all in memory."""

    def __init__(self, inner: Sequence[SourceResult], keep: Callable[[SourceResult], bool],
                 cut: Callable[[SourceResult], SourceResult]):
        self._inner, self._keep, self._cut = inner, keep, cut
        self._len: int | None = None

    def __iter__(self) -> Iterator[SourceResult]:
        return (self._cut(r) for r in self._inner if self._keep(r))

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(1 for r in self._inner if self._keep(r))
        return self._len

    @overload
    def __getitem__(self, index: int) -> SourceResult: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SourceResult]: ...

    def __getitem__(self, index: int | slice) -> SourceResult | Sequence[SourceResult]:
        return list(self)[index]


def fails(report: Report, fail_on: Iterable[str]) -> bool:
    """Does some finding of a fact of severity `error` have one of the verdicts of `fail_on`? (A
    `warning` or `info` fact is reported, never failing the gate.)"""
    gate = set(fail_on)
    counts = report.fact_counts()
    return any(counts[f.id].get(v, 0) > 0 for f in report.facts if f.severity == "error" for v in gate)
