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
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase
from typing import Any

from factcheck.model import Finding, SourceResult
from factcheck.report.json import jsonable, value_text
from factcheck.report.model import Report
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


def render_line(report: Report, verbose: bool = False) -> str:
    lines = [
        finding_line(r, f)
        for r in report.results
        for f in r.findings
        if verbose or f.verdict != "agree"
    ]
    lines += [f"{clean(e.path or e.id)}: {clean(e.id)}: UNREADABLE: {clean(e.reason)}" for e in report.errors]
    return "".join(ln + "\n" for ln in lines)


_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _one_line(obj: Any) -> str:
    text = json.dumps(jsonable(obj), ensure_ascii=False, allow_nan=False)
    for ch, esc in _LINE_BREAKS.items():
        text = text.replace(ch, esc)
    return text + "\n"


def render_jsonl(report: Report) -> str:
    kinds = {f.id: f.kind for f in report.facts}
    out = []
    for r in report.results:
        for f in r.findings:
            obj = f.to_json()
            out.append(_one_line({"source": obj.pop("source"), "path": r.source.path, "fact": obj.pop("fact"),
                                  "kind": kinds.get(f.fact, ""), **obj}))
    for e in report.errors:
        out.append(_one_line({"source": e.id, "path": e.path, "verdict": "unreadable", "reason": e.reason}))
    return "".join(out)


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

    results: Iterable[SourceResult] = (r for r in report.results if wanted(r.source.id, r.source.path))
    return Report(
        results=tuple(
            dataclasses.replace(r, findings=tuple(f for f in r.findings if f.fact in ids)) for r in results
        ),
        errors=tuple(e for e in report.errors if wanted(e.id, e.path)),
        facts=kept_facts,
    )


def fails(report: Report, fail_on: Iterable[str]) -> bool:
    """Does some finding have one of the verdicts of `fail_on`?"""
    gate = set(fail_on)
    return any(f.verdict in gate for r in report.results for f in r.findings)
