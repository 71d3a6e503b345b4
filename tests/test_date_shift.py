"""Moving a date by a number of days (relative phrases: "nine days after", "the next day")."""
from __future__ import annotations

from factcheck.kinds.date import DateValue, shift


def test_a_full_date_moves_without_its_weekday() -> None:
    # "2 July 2018 (Sun), ... nine days after they went missing": 2 July 2018 was a Monday, and the
    # phrase states no weekday, so the weekday written beside the date is not carried to 23 June
    moved = shift(DateValue(2018, 7, 2, 6), -9, ())
    assert (moved.year, moved.month, moved.day, moved.weekday) == (2018, 6, 23, None)


def test_a_weekday_alone_moves_as_a_weekday() -> None:
    assert shift(DateValue(weekday=0), -1, ()).weekday == 6  # the day before a Monday: a Sunday
