"""The closed registry of fact kinds. Adding a kind: one module here, one line in KINDS,
one fixture folder under tests/fixtures/, one test (see README "Adding a kind")."""

from __future__ import annotations

from factcheck.kinds.age import AgeKind
from factcheck.kinds.base import Context, Kind, Reading
from factcheck.kinds.count import CountKind
from factcheck.kinds.date import DateKind
from factcheck.kinds.duration import DurationKind
from factcheck.kinds.money import MoneyKind
from factcheck.kinds.name import NameKind
from factcheck.kinds.ordinal import OrdinalKind
from factcheck.kinds.outcome import OutcomeKind
from factcheck.kinds.percentage import PercentageKind
from factcheck.kinds.place import PlaceKind
from factcheck.kinds.quantity import QuantityKind
from factcheck.kinds.quote import QuoteKind
from factcheck.kinds.score import ScoreKind
from factcheck.kinds.set import SetKind
from factcheck.kinds.time import TimeKind
from factcheck.kinds.year import YearKind

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        DateKind(),
        TimeKind(),
        DurationKind(),
        QuantityKind(),
        CountKind(),
        YearKind(),
        SetKind(),
        NameKind(),
        PlaceKind(),
        PercentageKind(),
        MoneyKind(),
        OrdinalKind(),
        ScoreKind(),
        QuoteKind(),
        AgeKind(),
        OutcomeKind(),
    )
}


__all__ = ["KINDS", "Context", "Kind", "Reading"]
