"""The unseen set (tests/golden/unseen/): articles written independently of the rules, with the
verdicts a careful reader gives. The thresholds are the project's targets; the figures reached are
printed with -s and recorded in benchmarks/results/quality.md."""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.check import check
from factcheck.evaluate import score
from factcheck.factbase.model import FactBase
from factcheck.model import Source

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests/golden/unseen"


def test_unseen_set(shipped_facts: FactBase) -> None:
    gold = yaml.safe_load((UNSEEN / "gold.yaml").read_text(encoding="utf-8"))
    results = [check(Source(id=p.stem, text=p.read_text(encoding="utf-8")), shipped_facts)
               for p in sorted(UNSEEN.glob("u*.txt"))]
    assert {r.source.id for r in results} == set(gold)
    scored = (UNSEEN / "facts_scored.txt").read_text(encoding="utf-8").split()
    s = score(gold, results, scored)
    print(s.render())
    print("\n".join(s.disagreements))
    assert s.precision("contradict") >= 0.9, s.disagreements
    assert s.recall("contradict") >= 0.8, s.disagreements
    assert s.precision("agree") >= 0.95, s.disagreements
    assert s.recall("agree") >= 0.85, s.disagreements
