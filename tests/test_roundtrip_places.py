"""Round trip: a place's name of several words, written with hyphens for some of its spaces (or
spaces for its hyphens), is the same place; another of its `others` written so contradicts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import check_text
from factcheck.factbase.load import load_factbase

WORD = st.tuples(st.sampled_from("bdgklmnprstvz"), st.sampled_from(["ar", "el", "on", "ix", "ur"]),
                 st.sampled_from(["dale", "ford", "mont", "wick", "ton"])).map(lambda t: "".join(t).capitalize())


@settings(max_examples=30, deadline=None)
@given(words=st.lists(WORD, min_size=2, max_size=3, unique=True), number=st.integers(1, 99),
       joins=st.lists(st.sampled_from([" ", "-"]), min_size=3, max_size=3))
def test_hyphens_and_spaces_are_one_place(words: list[str], number: int, joins: list[str]) -> None:
    parts = [*words, str(number)]
    value = " ".join(parts)
    other = " ".join([*words, str(number + 1)])
    written = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:]))
    written_other = [*words, str(number + 1)]
    other_text = written_other[0] + "".join(j + p for j, p in zip(joins, written_other[1:]))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "f.yaml"
        path.write_text(f"facts:\n  - {{id: p.site, kind: place, value: '{value}', others: ['{other}'],"
                        " cues: ['launched']}\n", encoding="utf-8")
        fb = load_factbase(path)
    assert check_text(f"The rocket launched from {written} at dawn.", fb).findings[0].verdict == "agree"
    assert check_text(f"The rocket launched from {other_text} at dawn.", fb).findings[0].verdict == "contradict"
