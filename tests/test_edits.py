"""Seeds with one fact edited must contradict; equivalent rewrites must keep agreeing; and an
edit must not create contradictions elsewhere (tests/golden/edits.yaml, curated by reading)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.check import check
from factcheck.factbase.model import FactBase
from factcheck.model import Source

ROOT = Path(__file__).resolve().parents[1]
EDITS: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests/golden/edits.yaml").read_text(encoding="utf-8"))
GOLDEN = yaml.safe_load((ROOT / "tests/golden/seeds.yaml").read_text(encoding="utf-8"))


def _seed(prefix: str) -> Path:
    (path,) = (ROOT / "seeds").glob(f"{prefix}_*.txt")
    return path


def _param(e: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=e["known_gap"], strict=True)] if e.get("known_gap") else []
    return pytest.param(e, marks=marks, id=f"{e['seed']}-{e['fact']}-{e['want']}-{e['new'][:24]}")


@pytest.mark.parametrize("edit", [_param(e) for e in EDITS])
def test_edit(edit: dict[str, Any], shipped_facts: FactBase) -> None:
    path = _seed(edit["seed"])
    text = path.read_text(encoding="utf-8")
    assert edit["old"] in text, f"the seed no longer contains {edit['old']!r}"
    edited = text.replace(edit["old"], edit["new"], 1)
    result = check(Source(id=path.stem, text=edited), shipped_facts)
    got = {f.fact: f for f in result.findings}
    finding = got[edit["fact"]]
    assert finding.verdict == edit["want"], f"{edit['why']}: got {finding.verdict}: {finding.mentions}"
    # nothing else turned into a contradiction the seed's golden verdicts do not have
    golden = GOLDEN[path.stem] or {}
    new_contradictions = {
        fid for fid, f in got.items()
        if f.verdict == "contradict" and fid != edit["fact"] and golden.get(fid) != "contradict"
    }
    assert not new_contradictions
