"""The values that flow through factcheck: sources, facts, mentions, findings.

Everything here is a frozen dataclass so results can be shared between front ends
(CLI, pytest plugin, parallel runners) and compared byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, overload

Verdict = Literal["agree", "contradict", "unclear", "omit"]
MentionVerdict = Literal["agree", "contradict", "unclear"]
#: the verdicts of a finding, in the order reports list them. `unclear`: a value was bound to the
#: fact and does not match it, but the binding or the value is not sure enough to accuse ("needs a
#: look"); it never fails a build by default.
VERDICTS: tuple[Verdict, ...] = ("agree", "contradict", "unclear", "omit")


@dataclass(frozen=True)
class Position:
    """Where something is defined: 1-based line and column."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Interval:
    """A numeric claim as an interval; bounds may be open or infinite."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, v: float) -> Interval:
        return cls(v, v)

    def overlaps(self, other: Interval) -> bool:
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo and (self.hi_open or other.lo_open):
            return False
        if other.hi == self.lo and (other.hi_open or self.lo_open):
            return False
        return True

    def meets_only_at_edges(self, other: Interval) -> bool:
        """Do two intervals overlap with neither's middle inside the other ("some 12 hours",
        [10.8, 13.2] h, against "about 15 hours", [13, 17] h)? Two approximations that barely touch
        say neither the same nor another figure."""
        import math

        if not self.overlaps(other) or any(math.isinf(x) for x in (self.lo, self.hi, other.lo, other.hi)):
            return False
        mine, theirs = (self.lo + self.hi) / 2, (other.lo + other.hi) / 2
        return not (other.lo <= mine <= other.hi) and not (self.lo <= theirs <= self.hi)

    def scaled(self, k: float) -> Interval:
        return Interval(self.lo * k, self.hi * k, self.lo_open, self.hi_open)

    def shifted(self, off: float) -> Interval:
        """The interval moved by `off` (a temperature's scale: 0 °C is 32 °F)."""
        return self if not off else Interval(self.lo + off, self.hi + off, self.lo_open, self.hi_open)

    def contains(self, v: float) -> bool:
        return self.overlaps(Interval.point(v))

    def __str__(self) -> str:
        def fmt(x: float) -> str:
            if math.isinf(x):
                return "inf" if x > 0 else "-inf"
            return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{fmt(self.lo)}, {fmt(self.hi)}{right}"


@dataclass(frozen=True)
class Source:
    """One article of a corpus: its id, where it came from and its text."""

    id: str
    text: str
    path: str = ""
    url: str | None = None
    published: str | None = None
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252", "html reduced to main text"


@dataclass(frozen=True)
class SourceError:
    """A source that could not be read; listed in the report, the run goes on."""

    id: str
    path: str
    reason: str


@dataclass(frozen=True)
class Mention:
    """A value read in an article and bound to a fact, with its evidence."""

    text: str  # the exact quote of the value in the article
    start: int  # character offsets in the source text
    end: int
    line: int  # 1-based
    col: int  # 1-based
    value: Any  # JSON-friendly rendering of the value read
    verdict: MentionVerdict
    rule: str  # which rule bound it (e.g. "event:summit via 'video call'; kind:duration")
    sentence: str = ""  # the sentence it was read in
    sentence_start: int = 0
    reason: str = ""  # why this verdict (e.g. "121 min not in [162, 198]")
    #: the ids of the rules that bound the value and decided the verdict (factcheck/rules.py)
    rules: tuple[str, ...] = ()
    #: was the binding sure enough to accuse? Only a certain mention can contradict.
    certain: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
            "value": self.value,
            "verdict": self.verdict,
            "rule": self.rule,
            "rules": list(self.rules),
            "certain": self.certain,
            "reason": self.reason,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Finding:
    """The verdict for one (source, fact) pair and all the mentions behind it."""

    source: str
    fact: str
    verdict: Verdict
    mentions: tuple[Mention, ...] = ()
    expected: str = ""  # the fact's canonical value, rendered for people

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "fact": self.fact,
            "verdict": self.verdict,
            "expected": self.expected,
            "mentions": [m.to_json() for m in self.mentions],
        }


def combine(verdicts: list[MentionVerdict]) -> Verdict:
    """contradict if any mention contradicts (only certain bindings do), agree if one agrees,
    unclear if the only values bound are unsure conflicts, else omit."""
    if "contradict" in verdicts:
        return "contradict"
    if "agree" in verdicts:
        return "agree"
    if "unclear" in verdicts:
        return "unclear"
    return "omit"


_new = object.__new__


def omitted(source: str, fields: dict[str, Any]) -> Finding:
    """`Finding(source, fact, "omit", (), expected)` from the fields `BaseIndex.blank` keeps: a big
    base's findings are nearly all omissions, and the frozen dataclass's `__init__` (one
    `object.__setattr__` a field) takes three times as long: 0.9 s for the 900,000 omissions of 300
    articles and 3,000 facts. The same object: same fields, in the same order."""
    finding: Finding = _new(Finding)
    own = finding.__dict__
    own.update(fields)
    own["source"] = source
    return finding


class LazyFindings(Sequence[Finding]):
    """One finding per fact of a base, in base order, the omissions made when read: a big base's
    findings are nearly all omissions (an article about other stories binds nothing; one about the
    story binds a few dozen facts of 3,000). `found` holds the findings of the facts that bound
    something, by their place in the base; every other fact is omitted. So making a result costs
    what was found, not the size of the base, until someone reads every finding; the report store
    counts it without doing so (factcheck/report/store.py). It compares equal to the tuple of the
    same findings."""

    __slots__ = ("source", "blank", "found")

    def __init__(self, source: str, blank: Sequence[dict[str, Any]], found: dict[int, Finding] | None = None):
        self.source = source
        self.blank = blank  # the fields of each fact's omission, source left out (`BaseIndex.blank`)
        self.found = found or {}

    def __len__(self) -> int:
        return len(self.blank)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...

    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        i = range(len(self.blank))[index]
        return self.found.get(i) or omitted(self.source, self.blank[i])

    def __iter__(self) -> Iterator[Finding]:
        source, found = self.source, self.found
        if not found:
            for b in self.blank:
                yield omitted(source, b)
            return
        for i, b in enumerate(self.blank):
            yield found.get(i) or omitted(source, b)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LazyFindings)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"LazyFindings({self.source!r}, {len(self.blank)} facts, {len(self.found)} found)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyFindings, (self.source, list(self.blank), dict(self.found)))


@dataclass(frozen=True)
class SourceResult:
    """All findings for one source (one per fact of the base, omissions included): a tuple, or
    `LazyFindings` as `check` makes them."""

    source: Source
    findings: tuple[Finding, ...] | LazyFindings = field(default_factory=tuple)
