"""`factcheck selftest`: how well a fact base works on a corpus, measured without gold verdicts.

Agreeing mentions are mutated in memory (mutate.py), the mutated articles checked again (run.py),
and the rates reported (report.py). See docs/selftest.md.
"""

from __future__ import annotations

from factcheck.selftest.report import FORMATS, SelftestReport, render
from factcheck.selftest.run import selftest

__all__ = ["FORMATS", "SelftestReport", "render", "selftest"]
