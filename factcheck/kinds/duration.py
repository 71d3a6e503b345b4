"""Durations from seconds to months: "97 seconds", "two hours and one minute", "a 90-minute call",
"1.5 hours", "an hour and 45 minutes", "3 days, 4 hours and 12 minutes", "3,5 days",
"a six-day trip", "nearly a week", "more than two months", "the better part of a week".

Values are minutes; a mention is an interval. A compound ("3 days, 4 hours and 12 minutes") is
one reading, as precise as its smallest unit. An adjective ("a six-day trip") is read as "about".
Unit words are data (factcheck/data/en/durations.yaml); numbers and hedges come from
factcheck/numbers.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang, pack
from factcheck.model import Interval
from factcheck.numbers import find_numbers, half_width, interval
from factcheck.segment import Sentence


@cache
def _data() -> dict[str, Any]:
    return pack("durations")


@cache
def units() -> dict[str, float]:
    return {str(k).lower(): float(v) for k, v in _data()["units"].items()}


@cache
def _unit_re() -> regex.Pattern[str]:
    return regex.compile(rf"\A(?P<sep>[-\s]|\s*-\s*)(?P<unit>{alternation(units())})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _article_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<a>an?|half\s+an?)\s+(?P<unit>{alternation(units())})(?![\p{{L}}\-])", regex.IGNORECASE)


@cache
def _decimal_comma_re() -> regex.Pattern[str]:
    # "3,5 days": a comma followed by one or two digits is no thousands separator
    unit = alternation(units())
    return regex.compile(rf"(?<![\p{{L}}\d.,])(?P<n>\d{{1,4}},\d{{1,2}})(?=[-\s]+(?:{unit})(?![\p{{L}}]))",
                         regex.IGNORECASE)


@cache
def _lead_re() -> regex.Pattern[str]:
    """A hedge (numbers.py's classes) or a part ("the better part of") right before a position."""
    hedges = alternation(lang().hedges)
    parts = alternation(_data()["part_of"])
    return regex.compile(rf"(?<![\p{{L}}])(?:(?P<h>{hedges})\s+)?(?:(?P<p>{parts})\s+)?$", regex.IGNORECASE)


@cache
def _before_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(_data()['article_before'])})\s+$", regex.IGNORECASE)


_AND_HALF = regex.compile(r"\A\s+and\s+a\s+half\b", regex.IGNORECASE)
_JOIN = regex.compile(r"\s*,?\s*(?:and\s+)?", regex.IGNORECASE)
# "two hours later", "hours after": a distance in time, not how long something lasted.
_SOMEDAY = regex.compile(r"(?i)(?<![\p{L}])(?:would|will|could|might|may|should|can|must|shall|to|and|that)\s+$")
_NOT_LENGTH = regex.compile(r"\A(?:\s+(?:later|earlier|ago|before|after|ahead|behind|of\s+(?:difference|delay)"
                            r"|old|of\s+age)|-old)\b",  # "a 46-year-old", "31 years old": an age
                            regex.IGNORECASE)


@dataclass
class _Atom:
    start: int  # where the atom's hedge or part begins (relative to text)
    qstart: int  # where the quantity begins
    end: int
    value: float  # in units
    per: float  # minutes per unit
    unit_word: str
    rounding: float  # rounding unit of the number, in units
    hedge: str = ""
    part: tuple[float, float] | None = None
    adjective: bool = False
    article: bool = False


def _atoms(text: str) -> list[_Atom]:
    table = units()
    out: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    extra = [(m.start("n"), m.end("n"), float(m.group("n").replace(",", ".")), 10.0 ** -len(m.group("n").split(",")[1]))
             for m in _decimal_comma_re().finditer(text)]
    nums = [(n.start, n.end, n.value, n.unit, n.magnitude) for n in find_numbers(text)]
    nums = [n for n in nums if not any(a <= n[0] < b for a, b, _, _ in extra)]
    for a, b, value, rounding, magnitude in sorted([*nums, *[(*e, False) for e in extra]]):
        if magnitude:
            continue
        m = _unit_re().match(text[b:])
        if not m:
            continue
        word = m.group("unit").lower()
        at = _Atom(a, a, b + m.end(), value, table[word], word, rounding, adjective="-" in m.group("sep"))
        _lead(text, at)
        out.append(at)
        taken.append((a, at.end))
    for m in _article_re().finditer(text):
        if any(a <= m.start("unit") < b for a, b in taken):
            continue
        word = m.group("unit").lower()
        half = m.group("a").lower().startswith("half")
        at = _Atom(m.start(), m.start(), m.end(), 0.5 if half else 1.0, table[word], word, 1 / 6, article=True)
        _lead(text, at)
        if not half and not at.hedge and not at.part and word.rstrip("s") in _data()["article_needs"] \
                and not _before_re().search(text[max(0, at.start - 20) : at.start]):
            continue  # "twice a day", "a week later": no length unless hedged or after "for", "lasted"
        out.append(at)
    out.sort(key=lambda x: x.qstart)
    return out


def _lead(text: str, at: _Atom) -> None:
    head = text[max(0, at.qstart - 40) : at.qstart]
    m = _lead_re().search(head)
    if m is None or m.start() == len(head):
        return
    if m.group("h"):
        at.hedge = lang().hedges[regex.sub(r"\s+", " ", m.group("h").lower())]
    if m.group("p"):
        lo, hi = _data()["part_of"][regex.sub(r"\s+", " ", m.group("p").lower())]
        at.part = (float(lo), float(hi))
    at.start = max(0, at.qstart - 40) + m.start()


def _spread(word: str) -> float:
    return float(_data().get("spread", {}).get(word, 0.0))


def read_durations(text: str, offset: int = 0) -> list[Reading]:
    """All durations in `text`; offsets shifted by `offset`."""
    atoms = _atoms(text)
    out: list[Reading] = []
    i = 0
    while i < len(atoms):
        first = atoms[i]
        chain = [first]
        end = first.end
        half = _AND_HALF.match(text[end:])
        if half:
            end += half.end()
        else:
            # "two hours and one minute", "3 days, 4 hours and 12 minutes": smaller units follow
            while i + 1 < len(atoms):
                nxt = atoms[i + 1]
                if nxt.per >= chain[-1].per or nxt.hedge or nxt.part or nxt.adjective \
                        or _JOIN.fullmatch(text[end : nxt.start]) is None:
                    break
                chain.append(nxt)
                end = nxt.end
                i += 1
        i += 1
        if _NOT_LENGTH.match(text[end:]) or _SOMEDAY.search(text[: first.start], concurrent=False) \
                and len(chain) == 1 and not first.hedge and regex.fullmatch(r"(?i)one\s+day", text[first.start:end]):
            continue  # "two days later"; "Ukraine would one day join" (someday, no length)
        minutes = sum(a.value * a.per for a in chain)
        if half:
            minutes += first.per / 2
        if len(chain) > 1:
            small = chain[-1].per
            w = half_width(minutes, small)
            iv = (interval(minutes, small, first.hedge) if first.hedge
                  else Interval(minutes - w, minutes + w, hi_open=True))
        else:
            value = first.value + (0.5 if half else 0.0)
            hedge = first.hedge or ("about" if first.adjective else "")
            rounding = value / 6 if first.article else first.rounding if not half else min(first.rounding, 0.5)
            iv = interval(value, rounding, hedge).scaled(first.per)
            if first.article and first.value == 0.5 and not hedge:
                iv = Interval(first.per * 5 / 12, first.per * 7 / 12)  # "half an hour": 25 to 35 minutes
            s = _spread(first.unit_word)
            if s:
                iv = Interval(iv.lo * (1 - s), iv.hi * (1 + s), iv.lo_open, iv.hi_open)
        if first.part:
            lo, hi = first.part
            iv = Interval(iv.lo * lo, iv.hi * hi)
            minutes *= (lo + hi) / 2
        start = first.start
        out.append(Reading(start=offset + start, end=offset + end, text=text[start:end],
                           value=iv, shown={"minutes": round(minutes, 3), "interval": str(iv)},
                           detail=f"{minutes:g} min read as {iv}"))
    return out


class DurationKind:
    name: ClassVar[str] = "duration"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {}
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "a number and a unit: '121 min', 'about 90 min', '6 days', '25.5 days', '97 seconds'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Interval:
        if not isinstance(raw, str):
            raise FactValueError("a duration is a string such as '121 min' or 'about 90 minutes'",
                                 "write e.g. `value: 121 min`")
        readings = read_durations(raw)
        if len(readings) != 1 or readings[0].text.strip() != raw.strip():
            raise FactValueError(f"cannot read {raw!r} as one duration",
                                 "write a number and a unit: '121 min', '97 seconds', '6 days', '25.5 days', "
                                 "'2 hours 1 minute', 'about 69 days'")
        iv: Interval = readings[0].value
        return iv

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        key = ("duration", sentence.index)
        if key not in ctx.cache:
            ctx.cache[key] = read_durations(sentence.text, sentence.start)
        readings: list[Reading] = ctx.cache[key]
        return readings

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        return bool(reading.value.overlaps(value))

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The length read over the fact's (middles of their intervals; None when unbounded)."""
        r: Interval = reading.value
        v: Interval = value
        if any(math.isinf(x) for x in (r.lo, r.hi, v.lo, v.hi)) or not (v.lo + v.hi):
            return None
        return (r.lo + r.hi) / (v.lo + v.hi)

    def render(self, value: Any) -> str:
        iv: Interval = value
        mid = (iv.lo + iv.hi) / 2
        if mid >= 2880 and iv.hi != float("inf"):
            days = Interval(iv.lo / 1440, iv.hi / 1440, iv.lo_open, iv.hi_open)
            return f"{mid / 1440:g} days" if iv.hi - iv.lo <= 1440 else f"{days} days"
        if iv.hi - iv.lo <= 1 and mid < 10 and abs(mid - round(mid)) > 1e-6:
            return f"{mid * 60:.0f} seconds"
        return f"{mid:g} min" if iv.hi - iv.lo <= 1 else f"{iv} min"
