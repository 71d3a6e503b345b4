"""Human renderings: a terminal table and GitHub-flavoured markdown.

Both show a verdict matrix (✓ agree, ✗ contradict, · omit) followed by one
greppable line per contradiction, `path:line:col: fact: CONTRADICT: ...`, so
editors and `grep` can jump to the evidence, then the unreadable sources.

Layout rule: normally one row per source and one column per fact, followed by
the per-source totals columns (agree, contradict, omit). When there are more
facts than sources the matrix is transposed (one row per fact, one column per
source, the totals as three final rows), so the table grows downwards instead of
off the right edge of the screen. Ties keep one row per source.

Article text is untrusted: every string is reduced to one line with control and
bidi characters shown as `\\uXXXX` (no terminal escape sequences, no reordered
text), and markdown additionally backslash-escapes everything that could end a
table cell or start markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tabulate import tabulate

from factcheck.model import VERDICTS, Finding, SourceResult
from factcheck.report.json import value_text
from factcheck.report.model import Report, counts_of

MARKS = {"agree": "✓", "contradict": "✗", "unclear": "?", "omit": "·"}
LEGEND = "legend: ✓ agree, ✗ contradict, ? unclear (needs a look), · omit"

_BREAKS = frozenset("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_BIDI = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_MD_SPECIAL = frozenset("\\`*_[]<>|~&$")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def clean(text: str) -> str:
    """One line, no control or bidi characters: safe to print and to grep."""
    out = []
    for ch in text:
        if ch in _BREAKS:
            out.append(" ")
        elif ch in _BIDI or unicodedata.category(ch) == "Cc":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def md(text: str) -> str:
    """`clean`, then escape markdown so the text stays literal inside a table
    cell or a list item (no cell breaks, emphasis, HTML, links, headings)."""
    s = "".join("\\" + c if c in _MD_SPECIAL else c for c in clean(text)).strip()
    if s[:1] in ("#", "+", "-", "="):
        return "\\" + s
    return _MD_LIST_NUMBER.sub(r"\1\\\2", s)


def transposed(report: Report) -> bool:
    """True when the matrix has one row per fact (more facts than sources)."""
    return len(report.facts) > len(report.results)


def _marks(result: SourceResult) -> dict[str, str]:
    """The mark of each fact of one source (its first finding for the fact)."""
    out: dict[str, str] = {}
    for f in result.findings:
        out.setdefault(f.fact, MARKS[f.verdict])
    return out


Matrix = tuple[list[str], list[list[str | int]], tuple[str, ...]]


def _matrix(report: Report, esc: Callable[[str], str]) -> Matrix:
    """The verdict matrix as (headers, rows, alignment), laid out by `transposed`; one pass over
    the results (which may be read from disk)."""
    omit = MARKS["omit"]
    ids: list[str] = []
    marks: list[dict[str, str]] = []
    counts: list[dict[str, int]] = []
    for r in report.results:
        ids.append(r.source.id)
        marks.append(_marks(r))
        counts.append(counts_of(r))
    if transposed(report):
        headers = ["fact", *(esc(i) for i in ids)]
        rows: list[list[str | int]] = [
            [esc(f.id), *(m.get(f.id, omit) for m in marks)] for f in report.facts
        ]
        rows += [[v, *(c[v] for c in counts)] for v in VERDICTS]
        align = ("left", *("center" for _ in ids))
    else:
        headers = ["source", *(esc(f.id) for f in report.facts), *VERDICTS]
        rows = [
            [esc(i), *(m.get(f.id, omit) for f in report.facts), *c.values()]
            for i, m, c in zip(ids, marks, counts)
        ]
        align = (
            "left",
            *("center" for _ in report.facts),
            *("right" for _ in VERDICTS),
        )
    return headers, rows, align


def _table(report: Report, esc: Callable[[str], str], fmt: str) -> str:
    headers, rows, align = _matrix(report, esc)
    return tabulate(
        rows, headers=headers, tablefmt=fmt, colalign=align, disable_numparse=True
    )


def _location(result: SourceResult) -> str:
    return clean(result.source.path or result.source.id)


def _quoted(text: str) -> str:
    return '"' + clean(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _lines_for(result: SourceResult, f: Finding, verdict: str = "contradict") -> list[str]:
    head = f"{clean(f.fact)}: {verdict.upper()}: expected {clean(f.expected)}"
    decisive = [m for m in f.mentions if m.verdict == verdict]
    if not decisive:  # never hide a contradiction, even without its evidence
        return [f"{_location(result)}: {head} (no {verdict} mention recorded)"]
    lines = []
    for m in decisive:
        why = f"; why {clean(m.reason)}" if verdict == "unclear" and m.reason else ""
        lines.append(f"{_location(result)}:{m.line}:{m.col}: {head}, found {_quoted(m.text)} "
                     f"(value read {clean(value_text(m.value))}; rule {clean(m.rule)}{why})")
    return lines


def contradiction_lines(report: Report, verdict: str = "contradict") -> list[str]:
    """`path:line:col: fact: CONTRADICT: expected X, found "q" (value read V; rule R)`; with
    `verdict="unclear"`, the findings that need a look, with why they do not accuse."""
    return [
        line
        for r in report.results
        for f in r.findings
        if f.verdict == verdict
        for line in _lines_for(r, f, verdict)
    ]


def error_lines(report: Report) -> list[str]:
    return [
        f"{clean(e.path or e.id)}: {clean(e.id)}: UNREADABLE: {clean(e.reason)}"
        for e in report.errors
    ]


def note_lines(report: Report) -> list[str]:
    return [
        f"{clean(r.source.id)}: {clean(n)}"
        for r in report.results
        for n in r.source.notes
    ]


def _layout(report: Report) -> str:
    if transposed(report):
        return "one row per fact (more facts than sources)"
    return "one row per source"


def summary(report: Report) -> str:
    t = report.totals()
    return (
        f"{len(report.results)} sources, {len(report.errors)} unreadable, "
        f"{len(report.facts)} facts: {t['agree']} agree, {t['contradict']} contradict, "
        f"{t['unclear']} unclear, {t['omit']} omit"
    )


def _section(title: str, lines: list[str]) -> list[str]:
    # Lines start at column 0 so `path:line:col:` is what editors and grep see.
    return [f"{title} ({len(lines)}):", *lines, ""]


def render_table(report: Report) -> str:
    out = [f"{LEGEND}; {_layout(report)}", "", _table(report, clean, "simple"), ""]
    out += _section("contradictions", contradiction_lines(report))
    out += _section("unclear (bound, not sure enough to accuse: needs a look)",
                    contradiction_lines(report, "unclear"))
    out += _section("unreadable sources", error_lines(report))
    if any(r.source.notes for r in report.results):
        out += _section("notes", note_lines(report))
    out.append(f"totals: {summary(report)}")
    return "\n".join(out) + "\n"


def render_markdown(report: Report) -> str:
    def section(title: str, lines: list[str]) -> list[str]:
        items = [f"- {md(ln)}" for ln in lines] or ["None."]
        return [f"## {title} ({len(lines)})", "", *items, ""]

    out = ["# Fact-check report", "", f"{LEGEND}; {_layout(report)}", ""]
    out += [_table(report, md, "github"), ""]
    out += section("Contradictions", contradiction_lines(report))
    out += section("Unclear (bound, not sure enough to accuse: needs a look)", contradiction_lines(report, "unclear"))
    out += section("Unreadable sources", error_lines(report))
    if any(r.source.notes for r in report.results):
        out += section("Notes", note_lines(report))
    out.append(f"**Totals:** {summary(report)}")
    return "\n".join(out) + "\n"
