"""A translation's dotted day and month after a weekday and "the" ("am Samstag, dem 23.10." ->
"on Saturday, the 23.10."): read as a date, as "Saturday, 23.10." already was; a clock time or a
decimal is not."""

from __future__ import annotations

import pytest

from factcheck.kinds.date import read_dates


@pytest.mark.parametrize("text, read, month, day", [
    # Italy's government sworn in (22 October 2022); the 2019 Masters' final round (14 April 2019)
    ("Giorgia Meloni has on Saturday, the 22.10., as first woman the oath filed.", "Saturday, the 22.10.", 10, 22),
    ("Woods won on Sunday, the 14.4. his fifth green jacket.", "Sunday, the 14.4.", 4, 14),
    ("Woods won on Sunday, 14.4., his fifth green jacket.", "Sunday, 14.4.", 4, 14),
])
def test_a_weekday_the_dotted_day_and_month(text: str, read: str, month: int, day: int) -> None:
    got = [r for r in read_dates(text) if r.value.month]
    assert [text[r.start:r.end] for r in got] == [read]
    assert (got[0].value.month, got[0].value.day) == (month, day)


@pytest.mark.parametrize("text", [
    "Polls closed at 23.10 on the night.",
    "On Saturday, the 23.10 mark was passed.",
    "On Sunday, the 2.5 million tickets were gone.",
])
def test_no_date_without_the_closing_dot(text: str) -> None:
    assert [r for r in read_dates(text) if r.value.month] == []
