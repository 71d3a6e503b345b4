"""Durations from seconds to months, as one reading each, and the fact values that hold them."""

from __future__ import annotations

import pytest

from factcheck.errors import FactValueError
from factcheck.kinds.duration import DurationKind, read_durations
from factcheck.model import Interval

KIND = DurationKind()
DAY = 1440.0


def one(sentence: str) -> tuple[str, Interval]:
    rs = read_durations(sentence)
    assert len(rs) == 1, (sentence, [r.text for r in rs])
    return rs[0].text, rs[0].value


def agrees(sentence: str, fact: str) -> bool:
    return one(sentence)[1].overlaps(KIND.parse_value(fact, {}))


@pytest.mark.parametrize(("sentence", "text", "fact", "want"), [
    # a space mission
    ("The capsule spent 25.5 days in space.", "25.5 days", "25.5 days", True),
    ("Die Kapsel war 25,5 days unterwegs.", "25,5 days", "25.5 days", True),
    ("The mission lasted 25 days, 10 hours and 53 minutes.", "25 days, 10 hours and 53 minutes", "25.5 days", True),
    ("The mission lasted 25 days, 10 hours and 53 minutes.", "25 days, 10 hours and 53 minutes", "24 days", False),
    ("The engine burn lasted 97 seconds.", "97 seconds", "97 seconds", True),
    ("The engine burn lasted 97 seconds.", "97 seconds", "121 min", False),
    # a mine rescue
    ("The miners spent 69 days underground.", "69 days", "about 69 days", True),
    ("The miners were trapped for nearly ten weeks.", "nearly ten weeks", "about 69 days", True),
    ("The miners were trapped for more than two months.", "more than two months", "about 69 days", True),
    ("The miners were trapped for nearly 18 days until contact was made.", "nearly 18 days", "17 days", True),
    ("The miners spent 59 days underground.", "59 days", "about 69 days", False),
    # a ship stuck in a canal
    ("The ship blocked the canal for six days.", "six days", "6 days", True),
    ("The six-day blockage cost billions.", "six-day", "6 days", True),
    ("The ship was stuck for nearly a week.", "nearly a week", "6 days", True),
    ("The ship was stuck for the better part of a week.", "the better part of a week", "6 days", True),
    ("The ship was stuck for nearly a week.", "nearly a week", "3 days", False),
    ("The ship was stuck for 16 days.", "16 days", "6 days", False),
    # a summit and a flight
    ("The flight took an hour and 45 minutes.", "an hour and 45 minutes", "105 min", True),
    ("The flight took an hour and 45 minutes.", "an hour and 45 minutes", "121 min", False),
    ("The leaders spoke for two hours and one minute.", "two hours and one minute", "121 min", True),
])
def test_reading(sentence: str, text: str, fact: str, want: bool) -> None:
    got, _ = one(sentence)
    assert got == text
    assert agrees(sentence, fact) is want


@pytest.mark.parametrize("sentence", [
    "The ship's crew ate twice a day.",
    "A week later the canal reopened.",
    "Two hours later the miners were out.",
])
def test_not_lengths(sentence: str) -> None:
    assert read_durations(sentence) == []


def test_compound_precision_is_the_smallest_unit() -> None:
    _, iv = one("The mission lasted 25 days, 10 hours and 53 minutes.")
    total = 25 * DAY + 10 * 60 + 53
    assert iv.contains(total) and iv.hi - iv.lo <= 1


@pytest.mark.parametrize(("raw", "shown"), [
    ("6 days", "6 days"), ("25.5 days", "25.5 days"), ("121 min", "121 min"), ("97 seconds", "97 seconds"),
])
def test_fact_values_render(raw: str, shown: str) -> None:
    assert KIND.render(KIND.parse_value(raw, {})) == shown


def test_hedged_fact_value() -> None:
    iv = KIND.parse_value("about 69 days", {})
    assert iv.contains(69 * DAY) and iv.contains(66 * DAY) and not iv.contains(80 * DAY)


@pytest.mark.parametrize("raw", ["69 dayz", "two weeks and", "69"])
def test_bad_values(raw: str) -> None:
    with pytest.raises(FactValueError):
        KIND.parse_value(raw, {})
