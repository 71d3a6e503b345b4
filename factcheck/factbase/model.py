"""The fact base as values: parties, events and facts, each with where it is defined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import regex

from factcheck.model import Position

# Every user pattern is matched with this time limit (seconds) so a runaway pattern is an
# error with a position, never a hang (issue 5).
MATCH_TIMEOUT = 0.25


@dataclass(frozen=True)
class Pattern:
    """A user-written regular expression, compiled case-insensitively, with its position."""

    source: str
    compiled: regex.Pattern[str]
    position: Position

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.search(
                text, pos, endpos if endpos is not None else len(text), timeout=MATCH_TIMEOUT
            )
        except TimeoutError:
            return None

    def may_match(self, text: str) -> bool:
        """Could the pattern match somewhere in `text`? True when it does, and when the search was
        cut by the time limit (a prefilter must never drop what it could not rule out)."""
        try:
            return self.compiled.search(text, timeout=MATCH_TIMEOUT) is not None
        except TimeoutError:
            return True

    def finditer(self, text: str) -> list[regex.Match[str]]:
        try:
            return list(self.compiled.finditer(text, timeout=MATCH_TIMEOUT))
        except TimeoutError:
            return []


class TimedRegex:
    """A kind's compiled option pattern (`unit`, `counted`, `context`, `patterns`, `role`): the
    methods of `regex.Pattern` the kinds call, each match limited to MATCH_TIMEOUT like `Pattern`'s;
    a match cut by the limit is no match (`sub` then leaves the text as it is)."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return int(self.compiled.flags)

    def search(self, string: str, pos: int = 0, endpos: int | None = None, *,
               timeout: float = MATCH_TIMEOUT) -> regex.Match[str] | None:
        try:
            return self.compiled.search(string, pos, len(string) if endpos is None else endpos, timeout=timeout)
        except TimeoutError:
            return None

    def match(self, string: str, pos: int = 0, endpos: int | None = None, *,
              timeout: float = MATCH_TIMEOUT) -> regex.Match[str] | None:
        try:
            return self.compiled.match(string, pos, len(string) if endpos is None else endpos, timeout=timeout)
        except TimeoutError:
            return None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None, *,
                  timeout: float = MATCH_TIMEOUT) -> regex.Match[str] | None:
        try:
            return self.compiled.fullmatch(string, pos, len(string) if endpos is None else endpos, timeout=timeout)
        except TimeoutError:
            return None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None, *,
                 timeout: float = MATCH_TIMEOUT) -> list[regex.Match[str]]:
        """Every match, as a list (none when the limit cuts the search)."""
        try:
            return list(self.compiled.finditer(string, pos, len(string) if endpos is None else endpos,
                                               timeout=timeout))
        except TimeoutError:
            return []

    def sub(self, repl: Any, string: str, count: int = 0, *, timeout: float = MATCH_TIMEOUT) -> str:
        try:
            return self.compiled.sub(repl, string, count, timeout=timeout)
        except TimeoutError:
            return string

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimedRegex) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"TimedRegex({self.pattern!r})"

    def __getstate__(self) -> regex.Pattern[str]:
        return self.compiled

    def __setstate__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    aliases: tuple[str, ...]
    fuzzy: bool
    country: str | None
    position: Position
    generic: bool = False  # a country or institution, named in almost every sentence of such articles


@dataclass(frozen=True)
class Variant:
    """Another accepted value; with `attribution`, accepted only when the sentence attributes
    the claim to that source (e.g. TASS's 122 minutes for the summit)."""

    value: Any
    attribution: Pattern | None = None
    note: str = ""


@dataclass(frozen=True)
class Fact:
    id: str
    kind: str
    value: Any  # parsed by the kind
    raw_value: Any  # as written in the YAML
    position: Position
    event: str | None = None
    variants: tuple[Variant, ...] = ()
    #: the role a figure is stated in (factcheck/roles.py): value, margin or projection
    figure: str = "value"
    #: words that stand for a number in this story ("hat-trick" -> 3), a pattern and the number
    value_words: tuple[tuple[Pattern, float], ...] = ()
    #: values of other figures near this fact's words: a value matching one is not about this fact
    distractors: tuple[Variant, ...] = ()
    cues: tuple[Pattern, ...] = ()
    exclude: tuple[Pattern, ...] = ()
    near: tuple[Pattern, ...] = ()
    exclude_near: tuple[Pattern, ...] = ()
    when: tuple[dt.date, dt.date] | None = None
    options: dict[str, Any] = field(default_factory=dict)  # kind-specific keys, parsed by the kind
    sources: tuple[str, ...] = ()
    note: str = ""
    omission: str | None = None  # skip | fail | pass (pytest plugin), None = default
    severity: str = "error"  # error | warning | info: only an error fact's findings fail a gate
    far: str = "unclear"  # unclear | contradict: a value far from the fact (weeks away, several times off)
    tags: tuple[str, ...] = ()
    expected: str = ""  # the value rendered for people

    @property
    def defined_at(self) -> str:
        return f"{self.position.file}:{self.position.line}"


@dataclass(frozen=True)
class Event:
    id: str
    what: str
    date: dt.date | None
    mode: str | None
    place: str | None
    parties: tuple[str, ...]
    names: tuple[Pattern, ...]
    facts: tuple[str, ...]
    position: Position
    #: the event's own words for what happened ("launch|lifted off", "quake|tremor", "run-off"):
    #: a clause with one of them is about the event, parties or not
    words: tuple[Pattern, ...] = ()
    #: the IANA zone of the event's place ("America/Santiago"): local and bare clock times
    zone: str | None = None
    #: the words of a mode of the base's own (`mode` not one of the language data's)
    mode_words: tuple[Pattern, ...] = ()


@dataclass(frozen=True)
class FactBase:
    parties: dict[str, Party]
    events: dict[str, Event]
    facts: tuple[Fact, ...]
    files: tuple[str, ...] = ()

    def fact(self, fact_id: str) -> Fact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)

    def event_facts(self, event_id: str, kind: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.event == event_id and (kind is None or f.kind == kind)]
