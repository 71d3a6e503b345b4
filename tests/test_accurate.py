"""Accurate articles (tests/golden/accurate/, written for this test, every statement true) must
yield no contradiction: precision is what a fact-checker feels first."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.model import FactBase
from factcheck.model import Source

HERE = Path(__file__).parent / "golden" / "accurate"


@pytest.mark.parametrize("path", sorted(HERE.glob("*.txt")), ids=lambda p: p.stem)
def test_no_contradiction_in_an_accurate_article(path: Path, shipped_facts: FactBase) -> None:
    result = check(Source(id=path.stem, text=path.read_text(encoding="utf-8")), shipped_facts)
    wrong = {f.fact: [m.text for m in f.mentions if m.verdict == "contradict"]
             for f in result.findings if f.verdict == "contradict"}
    assert not wrong
    assert sum(f.verdict == "agree" for f in result.findings) >= 8
