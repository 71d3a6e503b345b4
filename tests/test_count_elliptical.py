"""A bare number counts the sentence's noun when its own noun is left out ("Labour won 411 seats, while
the Conservatives were reduced to 121"); the day of a date never does ("on Sept. 8", a rocket's mishap
inquiry, where the date's day was read as a count of corrective actions; "on Oct. 7", an election)."""

from __future__ import annotations

import pytest

from factcheck.kinds.count import _elliptical
from factcheck.segment import segment


@pytest.mark.parametrize("text, read", [
    ("The FAA closed its investigation on Sept. 8 and listed 63 corrective actions.", []),
    ("Labour won 411 seats on Oct. 7 and the Conservatives 121.", ["121"]),
    ("On Sunday, May 5 and on June 2, Labour won 411 seats.", []),
    ("Labour won 411 seats, while the Conservatives were reduced to 121.", ["121"]),
])
def test_the_day_of_a_date_is_no_elliptical_count(text: str, read: list[str]) -> None:
    (sentence,) = segment(text).sentences
    assert [r.text for r in _elliptical(sentence, set())] == read
