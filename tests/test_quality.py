"""The quality ratchet: every evaluation set scores at least what benchmarks/results/quality.json
records (written by `python benchmarks/quality.py`). A change that lowers a figure fails here; a
change that raises one should be recorded by running the benchmark again. Sets that need
../shared (the shared development set and stories) are skipped where it is absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDED = json.loads((ROOT / "benchmarks/results/quality.json").read_text(encoding="utf-8"))
SLACK = 0.005  # float noise only


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quality_bench", ROOT / "benchmarks/quality.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


BENCH = _bench()
SETS = {es.key: es for es in BENCH.sets()}
OWN = ("unseen", "holdout", "final", "last")


def test_every_own_set_is_recorded() -> None:
    assert set(OWN) <= set(RECORDED)


@pytest.mark.parametrize("key", sorted(k for k in RECORDED if ":pooled:" not in k and not k.endswith(":all")))
def test_no_figure_falls_below_the_record(key: str) -> None:
    if key not in SETS:
        pytest.skip(f"{key}: its articles are not here (../shared missing)")
    m = BENCH.measure(SETS[key])
    now = BENCH.figures(m.expressible)
    fallen = {f: (round(now[f], 3), round(v, 3)) for f, v in RECORDED[key].items() if now[f] < v - SLACK}
    assert not fallen, f"{key}: figures fell below the record (now, recorded): {fallen}\n" + "\n".join(
        m.expressible.disagreements)
