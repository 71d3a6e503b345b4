"""JSON rendering: the stable, machine-readable contract of a run.

Key order is fixed by construction (not sort_keys) so the layout reads naturally
and never changes with dict internals; values that JSON cannot carry (non-finite
floats, arbitrary objects in `Mention.value`) are turned into strings so the
output is always valid, strict JSON.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from factcheck.model import Finding, SourceResult
from factcheck.report.model import Report, counts_of

#: bumped when a key changes meaning or disappears (2: "format_version", "tool", per-fact counts)
FORMAT_VERSION = 2


def tool_version() -> str:
    from factcheck import __version__

    return __version__


def generated_at() -> str | None:
    """The report's time: only from SOURCE_DATE_EPOCH (reproducible builds), never the wall clock,
    so that reruns on the same input are byte-identical. None when unset or not a whole number."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(raw), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None


def fact_counts(report: Report) -> dict[str, dict[str, int]]:
    """agree/contradict/unclear/omit counts per fact id, over all readable sources (one pass)."""
    return report.fact_counts()


def jsonable(obj: Any) -> Any:
    """A strict-JSON equivalent of `obj` (NaN/inf and unknown types become text)."""
    if obj is None or isinstance(obj, (str, bool, int)):
        return obj
    if isinstance(obj, float):
        if math.isfinite(obj):
            return obj
        return "nan" if math.isnan(obj) else ("inf" if obj > 0 else "-inf")
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    return str(obj)


def value_text(value: Any) -> str:
    """A mention's value for people: strings as is, None empty, anything else as
    compact JSON (so a dict reads the same in every renderer)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(jsonable(value), ensure_ascii=False, allow_nan=False)


def _source_json(r: SourceResult) -> dict[str, Any]:
    return {
        "id": r.source.id,
        "path": r.source.path,
        "url": r.source.url,
        "published": r.source.published,
        "notes": list(r.source.notes),
        "counts": counts_of(r),
    }


def _facts_json(report: Report) -> list[dict[str, Any]]:
    per_fact = fact_counts(report)
    return [
        {"id": f.id, "kind": f.kind, "expected": f.expected, "defined_at": f.defined_at, "severity": f.severity,
         "counts": per_fact[f.id]}
        for f in report.facts
    ]


def _totals_json(report: Report, findings: int) -> dict[str, Any]:
    return {
        **report.totals(),
        "sources": len(report.results),
        "errors": len(report.errors),
        "facts": len(report.facts),
        "findings": findings,
    }


def _head() -> dict[str, Any]:
    head: dict[str, Any] = {"format_version": FORMAT_VERSION, "tool": {"name": "factcheck", "version": tool_version()}}
    when = generated_at()
    if when is not None:
        head["generated_at"] = when
    return head


def report_json(report: Report, baseline: dict[str, Any] | None = None) -> dict[str, Any]:
    """The report as plain data, in contract order (all in memory: `iter_json` streams the same).
    `baseline`: the run against a baseline (`Comparison.to_json`), the last key; absent without one."""
    findings = [f.to_json() for r in report.results for f in r.findings]
    out = {
        **_head(),
        "findings": findings,
        "sources": [_source_json(r) for r in report.results],
        "facts": _facts_json(report),
        "errors": [{"id": e.id, "path": e.path, "reason": e.reason} for e in report.errors],
        "totals": _totals_json(report, len(findings)),
    }
    if baseline is not None:
        out["baseline"] = baseline
    return out


def _dumps(obj: Any, level: int) -> str:
    """`obj` as `json.dumps(..., indent=2)` writes it `level` levels deep in a document (JSON
    strings never hold a raw line break, so indenting every line is safe)."""
    text = json.dumps(jsonable(obj), indent=2, ensure_ascii=False, allow_nan=False)
    return text.replace("\n", "\n" + "  " * level) if level else text


def _array(items: Iterator[Any]) -> Iterator[str]:
    """A member array's items, as `json.dumps(indent=2)` lays them out one level down."""
    first = True
    for item in items:
        yield ("[\n    " if first else ",\n    ") + _dumps(item, 2)
        first = False
    yield "[]" if first else "\n  ]"


def _texts(items: Iterator[str]) -> Iterator[str]:
    """`_array` of items already rendered two levels deep."""
    first = True
    for text in items:
        yield ("[\n    " if first else ",\n    ") + text
        first = False
    yield "[]" if first else "\n  ]"


@lru_cache(maxsize=65_536)
def _bare_tail(fact: str, verdict: str, expected: str) -> str:
    """What follows the source id in a finding without mentions, as `_dumps(finding, 2)` writes it."""
    text = _dumps(Finding("", fact, verdict, (), expected).to_json(), 2)  # type: ignore[arg-type]
    head = '{\n      "source": ""'
    assert text.startswith(head), text
    return text[len(head):]


def _finding_text(f: Finding) -> str:
    """`_dumps(f.to_json(), 2)`. Most findings of a big run are omissions, which differ only in
    their source: their text after the source id is made once per fact (the same bytes)."""
    if f.mentions:
        return _dumps(f.to_json(), 2)
    return '{\n      "source": ' + json.dumps(f.source, ensure_ascii=False) + _bare_tail(f.fact, f.verdict, f.expected)


def iter_json(report: Report, baseline: dict[str, Any] | None = None) -> Iterator[str]:
    """`render_json` in pieces of about one source, so a report of any size streams to a file in
    flat memory; the text is byte for byte `json.dumps(report_json(report, baseline), indent=2, ...)`."""
    yield "{"
    for key, value in _head().items():
        yield f"\n  {json.dumps(key)}: {_dumps(value, 1)},"
    n = 0

    def findings() -> Iterator[str]:
        nonlocal n
        for r in report.results:
            for f in r.findings:
                n += 1
                yield _finding_text(f)

    yield '\n  "findings": '
    yield from _texts(findings())
    yield ',\n  "sources": '
    yield from _array(_source_json(r) for r in report.results)
    yield ',\n  "facts": '
    yield from _array(iter(_facts_json(report)))
    yield ',\n  "errors": '
    yield from _array({"id": e.id, "path": e.path, "reason": e.reason} for e in report.errors)
    yield f',\n  "totals": {_dumps(_totals_json(report, n), 1)}'
    if baseline is not None:
        yield f',\n  "baseline": {_dumps(baseline, 1)}'
    yield "\n}\n"


def render_json(report: Report, baseline: dict[str, Any] | None = None) -> str:
    return "".join(iter_json(report, baseline))
