"""A value two facts' cues both reach: the finding names the other fact (a new user's request: which
fact took it, or made it unclear)."""

from __future__ import annotations

from pathlib import Path

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source

BASE = """facts:
  - {id: layoffs.count, kind: count, value: 3700, counted: 'employees|jobs', cues: ['cuts']}
  - {id: staff.before, kind: count, value: 7500, counted: 'employees|jobs', cues: ['workforce']}
"""


def _finding(tmp_path: Path, text: str, fact: str):  # type: ignore[no-untyped-def]
    (tmp_path / "f.yaml").write_text(BASE, encoding="utf-8")
    result = check(Source(id="x", text=text), load_factbase(tmp_path))
    return next(f for f in result.findings if f.fact == fact)


def test_a_cue_as_near_names_the_other_fact(tmp_path: Path) -> None:
    # both cues beside the figure: unclear, and the other fact is named
    f = _finding(tmp_path, "Workforce cuts: 2,000 jobs.", "layoffs.count")
    assert f.verdict == "unclear"
    assert any("cue.as_near" in m.rules and "staff.before" in m.reason for m in f.mentions), f.mentions


def test_a_cue_nearly_as_near_names_the_other_fact(tmp_path: Path) -> None:
    # this fact's cue nearer, but not clearly: the other fact is named, never an empty list
    f = _finding(tmp_path, "2,000 jobs were lost to cuts in the workforce.", "layoffs.count")
    assert f.verdict == "unclear"
    assert any("cue.as_near" in m.rules and "(staff.before)" in m.reason for m in f.mentions), f.mentions
