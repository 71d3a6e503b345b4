"""CSV rendering: one row per (source, fact) finding, for spreadsheets.

Quotes come from untrusted articles and spreadsheets execute cells that look like
formulas, so every text cell starting with a formula trigger gets a leading `'`
(OWASP "CSV injection"). Rows end in CRLF (RFC 4180), which also makes the csv
module quote cells holding a bare CR. Control and bidi characters of article text and ids are
written as `\\uXXXX` (as in the table), so `--format csv` on a terminal cannot drive it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from factcheck.model import Finding, Mention
from factcheck.report.json import value_text
from factcheck.report.model import Report
from factcheck.report.table import clean

# cell text keeps its line breaks and tabs (quoted by the csv module, see test_csv_round_trips_...);
# every other control character, and the bidi overrides, go out as \uXXXX (`table.clean`)
_KEPT = frozenset("\t\n\r")


def terminal_safe(cell: str) -> str:
    if cell.isprintable():
        return cell
    return "".join(ch if ch in _KEPT else clean(ch) for ch in cell)

HEADER = (
    "source",
    "fact",
    "verdict",
    "expected",
    "quote",
    "line",
    "col",
    "value",
    "rule",
    "mention_count",
)
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """Defuse a cell a spreadsheet would evaluate as a formula."""
    return "'" + cell if cell.startswith(_TRIGGERS) else cell


def decisive(finding: Finding) -> Mention | None:
    """The first mention whose verdict is the finding's; none for omissions."""
    for m in finding.mentions:
        if m.verdict == finding.verdict:
            return m
    return None


def _row(f: Finding) -> list[str | int]:
    m = decisive(f)
    cells: list[str | int] = [f.source, f.fact, f.verdict, f.expected]
    if m is None:
        cells += ["", "", "", "", ""]
    else:
        cells += [m.text, m.line, m.col, value_text(m.value), m.rule]
    cells.append(len(f.mentions))
    # control and bidi characters as \uXXXX (the CSV is often read on a terminal)
    return [guard(terminal_safe(c)) if isinstance(c, str) else c for c in cells]


def iter_csv(report: Report, statuses: dict[tuple[str, str], str] | None = None) -> Iterator[str]:
    """`render_csv` in pieces of one source. With `statuses` ((source, fact) -> "new", "known" or
    "fixed": a run against a baseline) a last column `baseline` says which (empty otherwise)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER if statuses is None else (*HEADER, "baseline"))
    for r in report.results:
        for f in r.findings:
            row = _row(f)
            if statuses is not None:
                row.append(statuses.get((f.source, f.fact), ""))
            writer.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def render_csv(report: Report) -> str:
    return "".join(iter_csv(report))
