"""A bare number counts the sentence's noun when its own noun is left out ("Labour won 411 seats, while
the Conservatives were reduced to 121"); the day of a date never does ("on Sept. 8", a rocket's mishap
inquiry, where the date's day was read as a count of corrective actions; "on Oct. 7", an election)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import regex

from factcheck.kinds.count import _elliptical, counted_numbers
from factcheck.model import Finding
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


@pytest.mark.parametrize("text, counted, read", [
    # the counted noun, "of", the part, then the total it is taken from: the part counts the noun
    ("Investigators have since recovered the remains of 115 of the 118 crew.", "remains|bodies", ["115"]),
    ("Rescuers pulled out the bodies of 72 of the 300 passengers on board.", "bodies|dead", ["72"]),
    ("Officials confirmed the deaths of 38 of the 41 people aboard the ferry.", "deaths", ["38"]),
    # a fact box's label may name its noun first, then say more of it
    ("Attendance confirmed by UEFA: 67,713.", "attendance|spectators", ["67,713"]),
    ("Deaths recorded in the province: 4,123.", "deaths", ["4,123"]),
    # not a noun of another thing ("members of 30 countries" counts countries)
    ("Delegates of 30 countries met.", "delegates", []),
])
def test_a_noun_of_a_part_of_a_total(text: str, counted: str, read: list[str]) -> None:
    (sentence,) = segment(text).sentences
    got = [r.text for r in counted_numbers(sentence, regex.compile(counted, regex.IGNORECASE))
           if not r.extra.get("loose")]
    assert got == read


# a translation's words for the people of a rescue or a search ("Helfer": helpers) count as the
# rescuers, searchers or volunteers of a fact (before: not read, so a wrong figure went unseen)
@pytest.mark.parametrize("counted, cue, text, verdict", [
    # a shuttle's debris search (2003)
    ("searchers|volunteers", "search", "The search had mobilised roughly 12.500 helpers.", "contradict"),
    ("searchers|volunteers", "search", "The search had mobilised roughly 25.000 helpers.", "agree"),
    # a mine rescue (2010)
    ("rescuers", "rescue", "At the rescue some 12,000 emergency forces were on duty.", "contradict"),
    ("rescuers", "rescue", "At the rescue some 25.000 helpers were on duty.", "agree"),
])
def test_translated_words_for_rescuers(finding_of: Callable[..., Finding], counted: str, cue: str, text: str,
                                       verdict: str) -> None:
    base = (f"facts:\n  - id: people\n    kind: count\n    value: 25000\n    counted: '{counted}'\n"
            f"    cues: ['{cue}']\n")
    assert finding_of(base, text).verdict == verdict
