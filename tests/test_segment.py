"""Clause splitting (factcheck/segment.py): what opens a clause of its own."""

from __future__ import annotations

import pytest

from factcheck.segment import segment


def _clauses(text: str) -> list[tuple[str, bool]]:
    return [(g.text, g.anchor) for g in segment(text).sentences[0].segments]


@pytest.mark.parametrize("text, anchor_clause", [
    # a spelled number after "after"/"before" that is no span of time opens a clause (two stories)
    ("The rocket thundered off its pad early Wednesday, after two summer countdowns ended in scrubs.",
     "after two summer countdowns ended in scrubs."),
    ("The ship was freed on Monday after two tugboats pulled it clear.", "after two tugboats pulled it clear."),
])
def test_after_a_number_of_things_is_a_clause(text: str, anchor_clause: str) -> None:
    assert (anchor_clause, True) in _clauses(text)


@pytest.mark.parametrize("text", [
    "The two leaders spoke for an hour, after two hours of delays.",
    "The men were hoisted out after two long weeks of drilling.",
    "Rescuers reached them after three days underground.",
])
def test_after_a_span_of_time_stays_in_its_clause(text: str) -> None:
    assert not any(anchor and "after" in t for t, anchor in _clauses(text))
