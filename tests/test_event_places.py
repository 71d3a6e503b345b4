"""Another event's declared place in a sentence (factcheck/eventcontext.py): one pattern per base
finds every part of every place, also a part that is the start of a longer one matched at the same
place ("Windsor" inside "Windsor Castle")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from factcheck.eventcontext import _found, _place_table


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
