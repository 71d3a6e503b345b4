"""HTML rendering: one self-contained page (inline CSS and JS, no network) to explore a run.

The page is rendered with Jinja2 (autoescape on) from `templates/report.html.j2`. The findings are
embedded once, as a JSON blob in a `<script type="application/json">` element; the script builds the
heatmap, the summaries and, on a click, the details of one cell from it, so a run of 1,000 sources x
300 facts is a few MB of data, not a DOM of hidden details.

Article text is untrusted and never becomes markup:

- in the blob, `<`, `>`, `&`, U+2028 and U+2029 are written as `\\uXXXX` escapes (valid JSON, and
  `</script>` or `<!--` in an article cannot end or change the element);
- the script only puts text in the page with `textContent` and `createElement`, never `innerHTML`;
- what Jinja renders itself (titles, unreadable sources) is autoescaped;
- a Content-Security-Policy admits only the page's own script (by its SHA-256) and no network, so
  even markup that slipped through could neither run nor fetch anything.

The output is byte-identical for identical reports (no wall-clock time; SOURCE_DATE_EPOCH is shown
when set, like the JSON).
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from factcheck.model import Finding, Mention
from factcheck.report.json import fact_counts, generated_at, jsonable, tool_version, value_text
from factcheck.report.model import Report

#: one letter a verdict in the blob's cell strings
LETTERS = {"agree": "a", "contradict": "c", "unclear": "u", "omit": "o"}
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TEMPLATES = "templates"


def event_of(fact_id: str) -> str:
    """The event (or topic) a fact belongs to: its id without the last dotted part."""
    head, dot, _ = fact_id.rpartition(".")
    return head if dot else fact_id


def script_json(data: Any) -> str:
    """`data` as JSON safe to place inside a `<script>` element: no `<`, `>` or `&` (so no
    `</script>`, `<!--` or `<script`), no U+2028/U+2029 (line terminators in old JS engines). The
    escapes only occur inside JSON strings, where they decode to the same characters."""
    text = json.dumps(jsonable(data), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for ch, esc in _ESCAPES.items():
        if ch in text:
            text = text.replace(ch, esc)
    return text


def _utf16(text: str) -> int:
    """The length of `text` in UTF-16 code units (JavaScript string indices)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _span(m: Mention) -> tuple[int, int]:
    """Where the quote is in the mention's sentence, in UTF-16 units; (-1, -1) if it is not there."""
    a = m.start - m.sentence_start
    if not (0 <= a and m.sentence[a:a + len(m.text)] == m.text):
        a = m.sentence.find(m.text) if m.text else -1
    if a < 0:
        return (-1, -1)
    b = a + len(m.text)
    return (_utf16(m.sentence[:a]), _utf16(m.sentence[:b]))


class _Pool:
    """Strings that repeat (sentences holding several values, rule texts, reasons) stored once."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        i = self._index.get(text)
        if i is None:
            i = self._index[text] = len(self.items)
            self.items.append(text)
        return i


def _mention(m: Mention, pool: _Pool) -> list[Any]:
    hs, he = _span(m)
    return [m.text, m.line, m.col, pool(value_text(m.value)), m.verdict, pool(m.rule),
            [pool(r) for r in m.rules], pool(m.reason), pool(m.sentence), hs, he, m.certain]


#: the order of a mention's fields in the blob (the script reads them by these names); the fields
#: of `POOLED` are indices into the blob's "strings" ("rules" a list of them)
MENTION_FIELDS = ("text", "line", "col", "value", "verdict", "rule", "rules", "reason", "sentence",
                  "hl_start", "hl_end", "certain")
POOLED = ("value", "rule", "rules", "reason", "sentence")


def _ordered_facts(report: Report) -> list[int]:
    """Fact indices grouped by event (groups in order of first appearance, base order within)."""
    first: dict[str, int] = {}
    for i, f in enumerate(report.facts):
        first.setdefault(event_of(f.id), i)
    return sorted(range(len(report.facts)), key=lambda i: (first[event_of(report.facts[i].id)], i))


def report_data(report: Report) -> dict[str, Any]:
    """The blob the page is built from (compact: one letter a cell, details only where a value was read)."""
    order = _ordered_facts(report)
    facts = [report.facts[i] for i in order]
    position = {f.id: k for k, f in enumerate(facts)}
    counts = fact_counts(report)
    cells: list[str] = []
    details: dict[str, list[list[Any]]] = {}
    pool = _Pool()
    for s, r in enumerate(report.results):
        row = ["o"] * len(facts)
        found: list[Finding] = list(r.findings)
        for f in found:
            k = position[f.fact]
            row[k] = LETTERS[f.verdict]
            if f.mentions:
                details[f"{s}:{k}"] = [_mention(m, pool) for m in f.mentions]
        cells.append("".join(row))
    return {
        "format_version": 1,
        "tool": {"name": "factcheck", "version": tool_version()},
        "generated_at": generated_at(),
        "mention_fields": list(MENTION_FIELDS),
        "facts": [
            {"id": f.id, "kind": f.kind, "expected": f.expected, "defined_at": f.defined_at,
             "event": event_of(f.id), "counts": counts[f.id]}
            for f in facts
        ],
        "sources": [
            {"id": r.source.id, "path": r.source.path, "url": r.source.url, "published": r.source.published,
             "notes": list(r.source.notes)}
            for r in report.results
        ],
        "cells": cells,
        "details": details,
        "strings": pool.items,
        "errors": [{"id": e.id, "path": e.path, "reason": e.reason} for e in report.errors],
        "totals": report.totals(),
    }


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


@cache
def _assets() -> tuple[str, str]:
    base = resources.files("factcheck.report").joinpath(_TEMPLATES)
    css = base.joinpath("report.css").read_text(encoding="utf-8")
    js = base.joinpath("report.js").read_text(encoding="utf-8")
    for name, text in (("report.css", css), ("report.js", js)):
        if "</" in text:  # would end the inline element early
            raise RuntimeError(f"{name} must not contain '</'")
    return css, js


@cache
def _environment() -> Any:
    import jinja2  # imported on first use: the other formats do not need it

    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", _TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


#: pairs listed a section of the baseline part of the page; the rest are counted (all in the JSON)
BASELINE_ROWS = 1000
#: the sections of a run against a baseline, in page order: (key, title, open at first)
BASELINE_SECTIONS = (("new", "New (not in the baseline)", True),
                     ("known", "Known (recorded in the baseline: they do not fail)", False),
                     ("fixed", "Fixed since the baseline", True),
                     ("stale", "Stale baseline entries (source or fact not in this run)", True))


def _recorded(item: dict[str, Any]) -> str:
    return "; ".join(f"{r['verdict']} {r.get('value', '(any value)')}" for r in item.get("recorded", []))


def _baseline_view(baseline: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the template shows of a run against a baseline (`Comparison.to_json`): each section's
    first `BASELINE_ROWS` pairs, with the value read and the one recorded."""
    if baseline is None:
        return None
    sections = []
    for key, title, opened in BASELINE_SECTIONS:
        items = baseline.get(key)
        if items is None:  # stale entries not looked for (a narrowed run)
            continue
        rows = [{"source": i.get("path") or i["source"], "id": i["source"], "fact": i["fact"],
                 "verdict": i["verdict"], "letter": LETTERS.get(i["verdict"], "c"),
                 "at": f"{i['line']}:{i['col']}" if "line" in i else "",
                 "value": value_text(i.get("value")), "quote": i.get("quote", ""),
                 "recorded": (f"{i['verdict']} {value_text(i.get('value'))}" if key == "stale"
                              else _recorded(i)),
                 "changed": i.get("status") == "changed"}
                for i in items[:BASELINE_ROWS]]
        sections.append({"key": key, "title": title, "open": opened and bool(items), "count": len(items),
                         "rows": rows, "more": max(0, len(items) - BASELINE_ROWS)})
    return {"file": baseline["file"], "fail_on": ", ".join(baseline["fail_on"]), "counts": baseline["counts"],
            "complete": baseline["complete"], "sections": sections}


def render_html(report: Report, baseline: dict[str, Any] | None = None) -> str:
    """The page; with `baseline` (`Comparison.to_json`), a section "Against the baseline" lists the
    new, known, fixed and stale pairs apart (the page is otherwise the same)."""
    from markupsafe import Markup

    css, js = _assets()
    data = report_data(report)
    kinds = sorted({f.kind for f in report.facts})
    template = _environment().get_template("report.html.j2")
    return str(template.render(
        title="Fact-check report",
        tool=data["tool"],
        generated_at=data["generated_at"],
        totals=data["totals"],
        n_sources=len(report.results),
        n_facts=len(report.facts),
        errors=report.errors,
        baseline=_baseline_view(baseline),
        kinds=kinds,
        css=Markup(css),
        js=Markup(js),
        script_hash=_csp_hash(js),
        style_hash=_csp_hash(css),
        data=Markup(script_json(data)),
    ))
