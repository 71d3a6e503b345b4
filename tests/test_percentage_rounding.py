"""A share in digits is rounded to the whole percent, not to its tens: "20 percent" is no 18 % (the
Masters winner's share of the purse), "60%" no 63.91 % (Italy's 2022 turnout); a hedge still
widens it ("about 20 percent"), and a range keeps its own ends."""

from __future__ import annotations

import pytest

from factcheck.kinds.percentage import read_percentages
from factcheck.kinds.quantity import against_fact


def _judge(text: str, value: float, unit: float) -> bool | None:
    found = read_percentages(text, 0, "dot_decimal")
    assert len(found) == 1, found
    return against_fact(found[0][0], value, unit, "")


@pytest.mark.parametrize("text, value, unit, verdict", [
    ("$2.07 million, 20 percent of the purse", 18.0, 1.0, False),   # masters2019: true 18 %
    ("Turnout was 60% on Sunday", 63.91, 0.01, False),              # italy2022: true 63.91 %
    ("the centre-right won 40% of the vote", 43.79, 0.01, False),   # italy2022: true 43.79 %
    ("Turnout was 64% on Sunday", 63.91, 0.01, True),               # rounded to the whole percent
    ("about 20 percent of the purse", 18.0, 1.0, True),             # a hedge widens it
    ("about 60% turnout", 63.91, 0.01, True),
    ("between 40 and 50 percent", 43.79, 0.01, True),               # a range keeps its ends
])
def test_a_round_share_is_a_whole_percent(text: str, value: float, unit: float, verdict: bool | None) -> None:
    assert _judge(text, value, unit) is verdict
