"""Holiday names read as their day (en.yaml `holidays`): every name, with and without a year."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.kinds.date import read_dates
from factcheck.lang import lang

_HOLIDAYS = sorted((str(k), str(v)) for k, v in lang().data["holidays"].items())


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_HOLIDAYS), st.integers(1900, 2099), st.booleans())
def test_holiday_roundtrip(holiday: tuple[str, str], year: int, with_year: bool) -> None:
    name, month_day = holiday
    month, day = (int(x) for x in month_day.split("-"))
    text = f"It happened on {name}{f', {year}' if with_year else ''}, officials said."
    got = [r.value for r in read_dates(text)]
    assert len(got) == 1, (text, got)
    assert (got[0].year, got[0].month, got[0].day) == ((year if with_year else None), month, day), text
    dt.date(year, month, day)  # a real day of every year


def test_curly_apostrophe() -> None:
    got = [(r.value.month, r.value.day) for r in read_dates("Fireworks on New Year’s Eve and St Patrick’s Day.")]
    assert got == [(12, 31), (3, 17)]


def test_generic_holiday_is_no_date() -> None:
    # "every Christmas Eve" is any year's; a holiday in lower case is an ordinary phrase
    assert read_dates("We sing every Christmas Eve.") == []
    assert read_dates("a halloween costume and a may day") == []
