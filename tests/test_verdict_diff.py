"""benchmarks/verdict_diff.py: how a moved verdict is classed against its gold label, and the
quality benchmark's discovery of the held-out story sets (tests/golden/stories<N>)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


VD = _load("verdict_diff")


def test_moves_are_classed_against_gold() -> None:
    before = {"s": {"a": {"f1": ["omit", "contradict"], "f2": ["agree", "agree"], "f3": ["agree", "contradict"],
                          "f4": ["unclear", "omit"]}}}
    after = {"s": {"a": {"f1": ["contradict", "contradict"], "f2": ["contradict", "agree"],
                         "f3": ["omit", "contradict"], "f4": ["omit", "omit"]}}}
    tags = {line.split()[2].rstrip(":"): tag for tag, line in VD.diff(before, after)}
    # f4: unclear and omit are the same label for the scorers, so it did not move
    assert tags == {"f1": "GOOD", "f2": "BAD", "f3": "MOVE"}


def test_exit_status_gates_on_a_move_away_from_gold(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text('{"s": {"x": {"f": ["agree", "agree"]}}}', encoding="utf-8")
    b.write_text('{"s": {"x": {"f": ["omit", "agree"]}}}', encoding="utf-8")
    assert VD.main([str(a), str(a)]) == 0
    assert VD.main([str(a), str(b)]) == 1


def test_quality_finds_every_story_set_in_numeric_order() -> None:
    q = _load("quality")
    names = q._story_sets()
    on_disk = {p.name for p in (ROOT / "tests" / "golden").glob("stories*") if p.name[7:].isdigit()}
    assert set(names) == on_disk and len(names) >= 44
    assert [int(n[7:]) for n in names] == sorted(int(n[7:]) for n in names)
