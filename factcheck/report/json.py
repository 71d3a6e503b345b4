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
from datetime import UTC, datetime
from typing import Any

from factcheck.model import VERDICTS
from factcheck.report.model import Report

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
    out: dict[str, dict[str, int]] = {f.id: dict.fromkeys(VERDICTS, 0) for f in report.facts}
    for r in report.results:
        for f in r.findings:
            out[f.fact][f.verdict] += 1
    return out


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


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain data, in contract order."""
    findings = [f.to_json() for r in report.results for f in r.findings]
    sources = [
        {
            "id": r.source.id,
            "path": r.source.path,
            "url": r.source.url,
            "published": r.source.published,
            "notes": list(r.source.notes),
            "counts": report.counts(r.source.id),
        }
        for r in report.results
    ]
    per_fact = fact_counts(report)
    facts = [
        {"id": f.id, "kind": f.kind, "expected": f.expected, "defined_at": f.defined_at, "counts": per_fact[f.id]}
        for f in report.facts
    ]
    errors = [{"id": e.id, "path": e.path, "reason": e.reason} for e in report.errors]
    totals = {
        **report.totals(),
        "sources": len(report.results),
        "errors": len(report.errors),
        "facts": len(report.facts),
        "findings": len(findings),
    }
    head: dict[str, Any] = {"format_version": FORMAT_VERSION, "tool": {"name": "factcheck", "version": tool_version()}}
    when = generated_at()
    if when is not None:
        head["generated_at"] = when
    return {
        **head,
        "findings": findings,
        "sources": sources,
        "facts": facts,
        "errors": errors,
        "totals": totals,
    }


def render_json(report: Report) -> str:
    data = jsonable(report_json(report))
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
