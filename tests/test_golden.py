"""The full verdict matrix on the seeds against tests/golden/seeds.yaml (curated by reading)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.check import check
from factcheck.factbase.model import FactBase
from factcheck.model import Source

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = yaml.safe_load((ROOT / "tests/golden/seeds.yaml").read_text(encoding="utf-8"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_golden_covers_every_seed() -> None:
    assert sorted(GOLDEN) == [p.stem for p in SEEDS]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_matrix(path: Path, shipped_facts: FactBase) -> None:
    expected = GOLDEN[path.stem] or {}
    unknown = set(expected) - {f.id for f in shipped_facts.facts}
    assert not unknown, f"golden file names facts the base does not hold: {unknown}"
    result = check(Source(id=path.stem, text=path.read_text(encoding="utf-8")), shipped_facts)
    got = {f.fact: f.verdict for f in result.findings}
    wrong = {
        fid: (expected.get(fid, "omit"), verdict)
        for fid, verdict in got.items()
        if expected.get(fid, "omit") != verdict
    }
    assert not wrong, f"(want, got) per fact: {wrong}"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_contradiction_has_evidence(path: Path, shipped_facts: FactBase) -> None:
    text = path.read_text(encoding="utf-8")
    result = check(Source(id=path.stem, text=text), shipped_facts)
    for f in result.findings:
        for m in f.mentions:
            assert text[m.start : m.end] == m.text
            line = text.splitlines()[m.line - 1]
            assert line[m.col - 1 :].startswith(m.text.split("\n")[0])
            assert m.rule and m.reason
        if f.verdict == "contradict":
            assert any(m.verdict == "contradict" for m in f.mentions)


def test_page_date_line_binds_nothing(shipped_facts: FactBase) -> None:
    path = ROOT / "seeds/002_716ac14c5b8b7321.txt"
    text = path.read_text(encoding="utf-8")
    first_line_end = text.index("\n")
    result = check(Source(id="002", text=text), shipped_facts)
    assert all(m.start > first_line_end for f in result.findings for m in f.mentions)
