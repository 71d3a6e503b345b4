"""factcheck: check articles against a curated fact base.

The public API (everything else is internal and may change):

    from factcheck import load_factbase, check, check_text, Source
    fb = load_factbase("facts")
    result = check_text("Biden and Putin spoke for three hours on Wednesday by video.", fb)
    for finding in result.findings: ...
"""

from factcheck.check import check, check_text, explain
from factcheck.errors import FactBaseError, Problem
from factcheck.factbase.load import load_factbase
from factcheck.factbase.model import Event, Fact, FactBase
from factcheck.model import Finding, Interval, Mention, Source, SourceError, SourceResult
from factcheck.report import Report, build_report, render
from factcheck.runner import run

__version__ = "0.1.0"

__all__ = [
    "Event",
    "Fact",
    "FactBase",
    "FactBaseError",
    "Finding",
    "Interval",
    "Mention",
    "Problem",
    "Report",
    "Source",
    "SourceError",
    "SourceResult",
    "build_report",
    "check",
    "check_text",
    "explain",
    "load_factbase",
    "render",
    "run",
]
