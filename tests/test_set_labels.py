"""Round trip for a set of labels (universe: labels): any non-empty part of the set written as a list
agrees; the same list with one label of `others` in it contradicts (a solar eclipse's states; a
hurricane's islands)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase

MEMBERS = ["Sinaloa", "Durango", "Coahuila", "Pine Island", "Captiva"]
OTHERS = ["Chihuahua", "Marco Island"]
BASE = f"""facts:
  - id: places.set
    kind: set
    universe: labels
    value: [{", ".join(MEMBERS)}]
    others: [{", ".join(OTHERS)}]
    cues: ['crossed|cut\\s+off']
"""


def _fb(tmp_path_factory):  # one base for all examples
    d = tmp_path_factory.mktemp("labels")
    (d / "b.yaml").write_text(BASE, encoding="utf-8")
    return load_factbase(d / "b.yaml")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def test_a_part_agrees_and_a_stranger_contradicts(tmp_path_factory) -> None:
    fb = _fb(tmp_path_factory)

    # (no deadline: the first example compiles the base's patterns; behaviour, not speed, is tested here)
    @settings(deadline=None)
    @given(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4, unique=True), st.sampled_from(OTHERS),
           st.integers(0, 4))
    def run(part: list[str], other: str, at: int) -> None:
        ok = check_text(f"The storm crossed {_listed(part)} on Wednesday.", fb).findings[0]
        assert ok.verdict == "agree", part
        bad = list(part)
        bad.insert(at % (len(bad) + 1), other)
        wrong = check_text(f"The storm crossed {_listed(bad)} on Wednesday.", fb).findings[0]
        assert wrong.verdict == "contradict", bad

    run()
