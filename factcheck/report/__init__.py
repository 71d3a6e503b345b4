"""The report of a run as one value (`Report`) with independent renderers.

`build_report` normalises once; `render` turns the same value into any of
`FORMATS`, byte-identical for identical inputs; `write_atomic` puts it on disk
without ever leaving a half-written file.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.report.csv import render_csv
from factcheck.report.html import render_html
from factcheck.report.json import render_json
from factcheck.report.line import render_jsonl, render_line
from factcheck.report.model import FactInfo, Report, build_report
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


def render(report: Report, fmt: str) -> str:
    """Render `report` in one of `FORMATS` (ValueError otherwise)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}"
        ) from None
    return renderer(report)


__all__ = ["FORMATS", "FactInfo", "Report", "build_report", "render", "write_atomic"]
