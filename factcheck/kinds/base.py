"""The protocol every fact kind implements, and the values it shares with the checker.

A kind knows three things about its values: how to parse the curated value in the YAML
(`parse_value`), how to read values from a sentence (`extract`), and whether a value read agrees
with a curated value (`compare`). It does no I/O and knows nothing of events or binding: the
checker (factcheck/check.py) decides which readings belong to which fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

if TYPE_CHECKING:
    from factcheck.factbase.keys import Key
    from factcheck.factbase.model import Fact
    from factcheck.segment import Document, Sentence


_YAML_WORDS = ("true", "false", "yes", "no", "null", "on", "off")


def is_wording(raw: Any) -> bool:
    """Is a curated value written as words (a name, a place, an outcome's phrase)? Not a number, not
    one of the words YAML reads as a boolean or null (`yes`, `off`)."""
    return isinstance(raw, str) and any(c.isalpha() for c in raw) and raw.strip().lower() not in _YAML_WORDS


@dataclass(frozen=True)
class Reading:
    """A value read in a sentence: offsets are in the source text."""

    start: int
    end: int
    text: str
    value: Any  # kind-specific
    shown: Any  # JSON-friendly rendering for the report
    detail: str = ""  # e.g. the interval a hedged number stands for
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Context:
    """What a kind may know of the whole document while reading one sentence."""

    doc: Document
    anchors: tuple[dt.date, ...] = ()  # the dates the article is about (see check.py)
    cache: dict[Any, Any] = field(default_factory=dict)
    # for the sentence being read: where each cue-bound fact's cues matched (fact id -> spans), so
    # that a value near another fact's cue is left to that fact ("independent since 1991, lost
    # Crimea in 2014")
    sentence_cues: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def near_anchor(self, day: dt.date, days: int = 10) -> bool:
        """Is `day` within `days` of a date the article is about? Without anchors: yes."""
        if not self.anchors:
            return True
        return any(abs((day - a).days) <= days for a in self.anchors)


class Kind(Protocol):
    """One fact kind. See README "Adding a kind"."""

    name: ClassVar[str]
    #: kind-specific keys a fact of this kind may carry, with their type and description
    options: ClassVar[dict[str, Key]]
    #: their names (checked by the loader)
    option_keys: ClassVar[frozenset[str]]
    #: the kind-specific keys a fact of this kind must have
    required_keys: ClassVar[tuple[str, ...]]
    #: what `value` holds, as JSON Schema (gathered into factcheck/data/factbase.schema.json)
    value_schema: ClassVar[dict[str, Any]]

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Any:
        """Parse the curated value (strings/lists as written); raise FactValueError."""
        ...

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        """Validate and compile the kind-specific keys; raise FactValueError."""
        ...

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        """Every value of this kind in `sentence` that could be about `fact`."""
        ...

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        """True: agrees with `value`; False: contradicts it; None: cannot tell."""
        ...

    def render(self, value: Any) -> str:
        """The curated value for people ("121 min", "2021-12-07 (Tuesday)")."""
        ...
