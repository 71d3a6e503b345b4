"""factcheck: check articles against a curated fact base.

The public API (everything else is internal and may change):

    from factcheck import load_factbase, check, check_text, Source
    fb = load_factbase("facts")
    result = check_text("Biden and Putin spoke for three hours on Wednesday by video.", fb)
    for finding in result.findings: ...

Names are imported on first use, so that `import factcheck` (done by pytest for the plugin in
every run) costs nothing until the harness is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_WHERE = {
    "check": "factcheck.check", "check_text": "factcheck.check", "explain": "factcheck.check",
    "FactBaseError": "factcheck.errors", "Problem": "factcheck.errors",
    "load_factbase": "factcheck.factbase.load",
    "Event": "factcheck.factbase.model", "Fact": "factcheck.factbase.model", "FactBase": "factcheck.factbase.model",
    "Finding": "factcheck.model", "Interval": "factcheck.model", "Mention": "factcheck.model",
    "Source": "factcheck.model", "SourceError": "factcheck.model", "SourceResult": "factcheck.model",
    "Report": "factcheck.report", "build_report": "factcheck.report", "render": "factcheck.report",
    "run": "factcheck.runner",
}

__all__ = [
    "Event", "Fact", "FactBase", "FactBaseError", "Finding", "Interval", "Mention", "Problem", "Report",
    "Source", "SourceError", "SourceResult", "build_report", "check", "check_text", "explain",
    "load_factbase", "render", "run",
]

if TYPE_CHECKING:
    from factcheck.check import check, check_text, explain
    from factcheck.errors import FactBaseError, Problem
    from factcheck.factbase.load import load_factbase
    from factcheck.factbase.model import Event, Fact, FactBase
    from factcheck.model import Finding, Interval, Mention, Source, SourceError, SourceResult
    from factcheck.report import Report, build_report, render
    from factcheck.runner import run


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
