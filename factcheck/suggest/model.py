"""The values `suggest` reads and the candidates it builds from them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.model import Interval, SourceError

# Value families, in the order candidates of equal rank are listed. "number" is a figure with the
# noun it counts or measures; "percentage" and "money" are read by those kinds' readers.
KIND_ORDER = ("number", "percentage", "money", "duration", "date", "time", "year", "name")


@dataclass(frozen=True)
class Value:
    """One value as read. `key` identifies it among the distinct values of a candidate."""

    kind: str  # one of KIND_ORDER
    key: tuple[Any, ...]
    shown: str
    point: float = 0.0  # the stated figure (numbers, minutes, years, minutes UTC, day ordinal)
    interval: Interval | None = None  # numbers and durations: the claim as an interval
    open_ended: bool = False  # "more than", "up to", "tens of thousands": a bound only
    units: frozenset[str] = frozenset()  # figures: stems (or canonical units) of what is counted
    unit_text: str = ""  # figures: the unit noun(s) as written, lower case
    hedge: str = ""  # the hedge phrase as written, lower case ("about", "more than")
    data: Any = None  # Number, DateValue, TimeValue, NamePerson, minutes of a duration
    measure: str = ""  # a unit of measure of units.yaml as written ("km"), or a currency code
    per: str = ""  # money: the period of a rate ("day")


@dataclass(frozen=True)
class ValueMention:
    """A value read in a sentence of a source, with the words around it."""

    source: str
    path: str
    start: int
    end: int
    line: int
    text: str
    sentence: str
    sentence_start: int
    value: Value
    context: tuple[tuple[str, float], ...] = ()  # (stem, nearness weight), one entry per word
    surfaces: tuple[tuple[str, str], ...] = ()  # (stem, word as written)


@dataclass
class ValueGroup:
    """One distinct value of a candidate and the sources stating it (corpus order)."""

    value: Value
    shown: str
    sources: list[str] = field(default_factory=list)
    mentions: list[ValueMention] = field(default_factory=list)


def width(v: Value) -> float:
    """How wide the claim is (0 for a value that is not an interval)."""
    if v.interval is not None:
        return v.interval.hi - v.interval.lo
    return 0.0


@dataclass
class Candidate:
    """A candidate fact: mentions of one kind with like contexts and close values."""

    kind: str
    mentions: list[ValueMention] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)  # the sum of the mentions' context vectors
    vectors: list[tuple[dict[str, float], float]] = field(default_factory=list)  # each mention's, with its norm
    norm: float = -1.0  # of `vector`; -1 when it must be computed again
    values: list[ValueGroup] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    flag: str = ""  # "", "DIFFER" or "DISAGREE"
    flag_details: list[str] = field(default_factory=list)
    covered_by: list[str] = field(default_factory=list)  # fact ids, most mentions first
    covered_mentions: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)  # checker verdicts of the covered mentions
    fact_kind: str = ""  # the kind of the stub: quantity, count, money, percentage, duration, ...
    id: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # source id -> short label

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def main(self) -> ValueGroup:
        """The value the stub proposes: stated by most sources, then the most precise."""
        return max(self.values, key=lambda g: (len(g.sources), -width(g.value), -self.values.index(g)))


class Suggestions(list[Candidate]):
    """The ranked candidates, with what was read: `sources` (ids, corpus order), `errors`
    (sources that could not be read) and `labels` (short source labels for people)."""

    def __init__(self, items: Iterable[Candidate] = (), *, sources: Sequence[str] = (),
                 errors: Sequence[SourceError] = (), labels: dict[str, str] | None = None,
                 with_base: bool = False) -> None:
        super().__init__(items)
        self.sources = tuple(sources)
        self.errors = tuple(errors)
        self.labels = dict(labels or {})
        self.with_base = with_base


def labelled(c: Candidate, sources: Sequence[str]) -> str:
    """The sources as people read them: "000, 001, 003"."""
    return ", ".join(c.labels.get(s, s) for s in sources)
