"""Fixture cases per kind: tests/fixtures/<kind>/<case>.yaml hold an article, the verdicts a
careful reader gives and why; facts come from the case's own `facts:` or tests/fixtures/_base.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase

HERE = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in HERE.glob("*/*.yaml"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_factbase(HERE / "_base.yaml")


def test_every_kind_has_fixtures() -> None:
    from factcheck.kinds import KINDS

    assert {p.parent.name for p in CASES} == set(KINDS)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(case: Path, base: Any, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    fb = base
    if "facts" in spec:
        (tmp_path / "facts.yaml").write_text(spec["facts"], encoding="utf-8")
        fb = load_factbase(tmp_path / "facts.yaml")
    result = check_text(spec["article"], fb, source_id=case.stem)
    got = {f.fact: f for f in result.findings}
    for fact_id, want in spec["expect"].items():
        f = got[fact_id]
        assert f.verdict == want, f"{spec['why']}: {fact_id} want {want}, got {f.verdict}: {f.mentions}"
