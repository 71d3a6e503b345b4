"""A figure in another unit than the fact's is most often a conversion, and writers round conversions
down as often as to the nearest: "37 km (22 miles)" for 22.99 miles, "25 km (15 miles)" for 15.53.
Its last digit may be a whole unit short (before: each a contradiction); a round figure ("1,000
feet") and a conversion off by more still accuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source


@pytest.mark.parametrize("value, cue, text, verdict", [
    # a rounding down of the last digit
    ("37 km", "epicentre", "The epicentre lay 37 km (22 miles) from the city.", "agree"),
    ("25 km", "altitude", "The meteor broke up at an altitude of 25 km (15 miles).", "agree"),
    ("400 m", "long", "The ship is 400 m (1,312 ft) long.", "agree"),
    # two units short is a wrong conversion
    ("37 km", "epicentre", "The epicentre lay 37 km (21 miles) from the city.", "contradict"),
    ("25 km", "altitude", "The meteor broke up at an altitude of 25 km (14 miles).", "contradict"),
    # ... and a figure in the other unit alone, a whole unit short, agrees the same way
    ("37 km", "epicentre", "The epicentre lay 22 miles from the city.", "agree"),
    ("37 km", "epicentre", "The epicentre lay 24 miles from the city.", "contradict"),
])
def test_a_conversion_may_round_down(tmp_path: Path, value: str, cue: str, text: str, verdict: str) -> None:
    (tmp_path / "f.yaml").write_text(
        f"facts:\n  - id: x\n    kind: quantity\n    value: {value}\n    cues: ['{cue}']\n", encoding="utf-8")
    found = check(Source(id="t", text=text), load_factbase(tmp_path)).findings[0]
    assert found.verdict == verdict, (text, found)
