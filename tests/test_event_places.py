"""Another event's declared place in a sentence (factcheck/eventcontext.py): one pattern per base
finds every part of every place, also a part that is the start of a longer one matched at the same
place ("Windsor" inside "Windsor Castle")."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest

from factcheck.eventcontext import _found, _place_table
from factcheck.model import Finding


def _table(places: dict[str, str | None]) -> tuple[dict[str, tuple[str, ...]], object]:
    events = {e: SimpleNamespace(id=e, place=p) for e, p in places.items()}
    return _place_table(SimpleNamespace(events=events))


def _named(text: str, places: dict[str, str | None]) -> set[str]:
    parts, pattern = _table(places)
    assert pattern is not None
    said = {m.group() for m in pattern.finditer(text.casefold(), overlapped=True)}  # type: ignore[attr-defined]
    return {e for e, fs in parts.items() if any(_found(f, said) for f in fs)}


PLACES = {"wedding": "St George's Chapel, Windsor", "visit": "Windsor Castle", "talks": "Geneva",
          "quake": "Port-au-Prince", "none": None}


@pytest.mark.parametrize(("text", "events"), [
    ("The couple left Windsor Castle by carriage.", {"wedding", "visit"}),  # "windsor" starts "windsor castle"
    ("The service at St George's Chapel began at noon.", {"wedding"}),
    ("Aid reached Port-au-Prince on Friday.", {"quake"}),
    ("Genevans voted on Sunday.", set()),  # a longer word is not the place
    ("Talks in Geneva and a visit to Windsor Castle.", {"talks", "wedding", "visit"}),
    ("Nothing about any place here.", set()),
])
def test_places_named(text: str, events: set[str]) -> None:
    assert _named(text, PLACES) == events


def test_no_places_no_pattern() -> None:
    parts, pattern = _table({"a": None})
    assert parts == {} and pattern is None


# a sentence that names the event by its place and gives the fact's place right, with another place
# in a fronted clause (the storm's route, a stop on the way): the other place is the story's other
# place, unclear, never a contradiction (before: it accused, bound by the event's name)
_LANDFALL = """events:
  - id: landfall
    what: the hurricane makes landfall at Cape Hatteras
    date: 2019-09-06
    names: ['Cape\\s+Hatteras|North\\s+Carolina']
    words: ['landfall']
    facts:
      - id: landfall.place
        kind: place
        value: Cape Hatteras
        variants: [Outer Banks]
        others: [Cape Fear, South Carolina]
"""
_SUMMIT = """events:
  - id: summit
    what: the leaders meet in Geneva
    date: 2021-06-16
    names: ['Geneva\\s+summit|Geneva']
    words: ['met|summit']
    facts:
      - id: summit.place
        kind: place
        value: Geneva
        others: [Vienna, Helsinki]
"""


@pytest.mark.parametrize(("base", "fact", "text", "verdict"), [
    (_LANDFALL, "landfall.place", "After skirting Florida, Georgia and South Carolina, it made landfall over "
     "Cape Hatteras, North Carolina, on Friday.", "agree"),
    (_SUMMIT, "summit.place", "After stops in London, Brussels and Vienna, the two leaders met in Geneva on Wednesday.",
     "agree"),
    # the other place alone still accuses
    (_LANDFALL, "landfall.place", "The storm made landfall over Cape Fear, North Carolina, on Friday.", "contradict"),
    (_SUMMIT, "summit.place", "The leaders met in Vienna for the summit on Wednesday.", "contradict"),
    # beside a variant, which may be the wider place, it still accuses
    (_LANDFALL, "landfall.place", "The storm made landfall over Cape Fear on the Outer Banks of North Carolina.",
     "contradict"),
])
def test_another_place_beside_the_right_one(finding_of: Callable[..., Finding], base: str, fact: str, text: str,
                                            verdict: str) -> None:
    found = finding_of(base, text, fact)
    assert found.verdict == verdict, found.mentions
