"""The report of a run as one value (`Report`) with independent renderers.

`build_report` normalises once; `render` turns the same value into any of
`FORMATS`, byte-identical for identical inputs; `write_atomic` puts it on disk
without ever leaving a half-written file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factcheck.report.csv import iter_csv, render_csv
from factcheck.report.html import render_html
from factcheck.report.json import iter_json, render_json
from factcheck.report.line import iter_jsonl, iter_line, render_jsonl, render_line
from factcheck.report.model import FactInfo, Report, build_report
from factcheck.report.store import ReportStore
from factcheck.report.table import render_markdown, render_table
from factcheck.report.write import write_atomic

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "table": render_table,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
    "line": render_line,
    "jsonl": render_jsonl,
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)
#: formats written piece by piece (about one source a piece): flat memory for any corpus
_STREAMED: dict[str, Callable[[Report], Iterator[str]]] = {
    "json": iter_json,
    "jsonl": iter_jsonl,
    "csv": iter_csv,
    "line": iter_line,
}


def render(report: Report, fmt: str) -> str:
    """Render `report` in one of `FORMATS` (ValueError otherwise)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}"
        ) from None
    return renderer(report)


def iter_render(report: Report, fmt: str) -> Iterator[str]:
    """`render(report, fmt)` in pieces whose concatenation is the same text: JSON, JSONL, CSV and
    line come about one source at a time (a report of any size in flat memory, with a `Report`
    read from a `ReportStore`); the matrix formats (table, markdown, HTML) come whole."""
    streamed = _STREAMED.get(fmt)
    if streamed is None:
        yield render(report, fmt)
    else:
        yield from streamed(report)


__all__ = ["FORMATS", "FactInfo", "Report", "ReportStore", "build_report", "iter_render", "render", "write_atomic"]
