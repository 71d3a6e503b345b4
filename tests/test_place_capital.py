"""A place fact whose value is a capital city ("Warsaw") is a city's fact, not its country's: its
`others` (other cities) are read and accuse (before: the value was taken for its country, Poland,
through the story pack's list of capitals, and "Moscow" among `others` was never read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check
from factcheck.factbase.load import load_factbase
from factcheck.model import Source


@pytest.mark.parametrize("value, others, cue, text, verdict", [
    ("Warsaw", "[Moscow, Bonn]", "Kohl", "Chancellor Helmut Kohl, who is in Moscow for talks, was briefed.",
     "contradict"),
    ("Warsaw", "[Moscow, Bonn]", "Kohl", "Chancellor Helmut Kohl was in Warsaw on a state visit.", "agree"),
    ("Paris", "[London, Brussels]", "signed", "The climate agreement was signed in London in December.", "contradict"),
    ("Paris", "[London, Brussels]", "signed", "The climate agreement was signed in Paris in December.", "agree"),
    # a country's fact still reads its country, named any way
    ("Poland", "[Russia]", "Kohl", "Chancellor Helmut Kohl was in the Republic of Poland for talks.", "agree"),
])
def test_a_capital_city_is_a_city(tmp_path: Path, value: str, others: str, cue: str, text: str, verdict: str) -> None:
    (tmp_path / "f.yaml").write_text(
        f"facts:\n  - id: x\n    kind: place\n    value: {value}\n    others: {others}\n    cues: ['{cue}']\n",
        encoding="utf-8")
    found = check(Source(id="t", text=text), load_factbase(tmp_path)).findings[0]
    assert found.verdict == verdict, (text, found)
