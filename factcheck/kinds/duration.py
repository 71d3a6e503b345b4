"""Durations: "two hours and one minute", "121 minutes", "a 90-minute call", "1.5 hours",
"an hour and a half", "just over two hours". Values are minutes; a mention is an interval."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang
from factcheck.model import Interval
from factcheck.numbers import Number, find_numbers, half_width, interval
from factcheck.segment import Sentence


@cache
def _unit_re() -> regex.Pattern[str]:
    units = alternation(lang().duration_units)
    return regex.compile(rf"\A(?P<sep>[-\s]|\s*-\s*)(?P<unit>{units})(?![\p{{L}}])", regex.IGNORECASE)


_AND_HALF = regex.compile(r"\A\s+and\s+a\s+half\b", regex.IGNORECASE)
_AN_HOUR = regex.compile(
    r"(?<![\p{L}])(?P<hedge>(?:(?:about|around|roughly|nearly|almost|just\s+over|more\s+than|over|"
    r"just\s+under|less\s+than|some)\s+)?)(?P<a>an?|one)\s+(?P<unit>hour|minute)(?P<half>\s+and\s+a\s+half)?(?![\p{L}])"
    r"|(?<![\p{L}])(?P<halfan>half\s+an\s+hour)",
    regex.IGNORECASE,
)
_MINUTES_AFTER = regex.compile(r"\A\s*(?:,\s*)?(?:and\s+)?", regex.IGNORECASE)
# "two hours later", "hours after": a distance in time, not how long something lasted.
_NOT_LENGTH = regex.compile(r"\A\s+(?:later|earlier|ago|before|after|ahead|behind|of\s+(?:difference|delay))\b",
                            regex.IGNORECASE)


def _interval_minutes(n: Number, minutes_per_unit: float, adjective: bool) -> Interval:
    hedge = n.hedge or ("about" if adjective else "")
    return interval(n.value, n.unit, hedge).scaled(minutes_per_unit)


def read_durations(text: str, offset: int = 0) -> list[Reading]:
    """All durations in `text`; offsets shifted by `offset`."""
    units = lang().duration_units
    nums = find_numbers(text, offset)
    out: list[Reading] = []
    used: set[int] = set()
    for i, n in enumerate(nums):
        if i in used or n.magnitude:
            continue
        rest = text[n.end - offset :]
        m = _unit_re().match(rest)
        if not m:
            continue
        per = units[m.group("unit").lower()]
        end = n.end + m.end()
        adjective = "-" in m.group("sep")
        half = _AND_HALF.match(text[end - offset :])
        value_iv = _interval_minutes(n, per, adjective)
        minutes = n.value * per
        if half:
            minutes += per / 2
            end += half.end()
            value_iv = Interval(value_iv.lo + per / 2, value_iv.hi + per / 2, value_iv.lo_open, value_iv.hi_open)
        # "two hours and one minute": add the minutes, precision from the smaller unit
        if per >= 60 and i + 1 < len(nums):
            nxt = nums[i + 1]
            between = text[end - offset : nxt.start - offset]
            if _MINUTES_AFTER.fullmatch(between) is not None or regex.fullmatch(r"\s*(?:,|and)?\s*", between):
                m2 = _unit_re().match(text[nxt.end - offset :])
                if m2 and units[m2.group("unit").lower()] < 60:
                    minutes = n.value * per + nxt.value
                    w = half_width(minutes, 1.0)
                    value_iv = interval(minutes, 1.0, n.hedge)
                    if not n.hedge:
                        value_iv = Interval(minutes - w, minutes + w)
                    end = nxt.end + m2.end()
                    used.add(i + 1)
        if _NOT_LENGTH.match(text[end - offset :]):
            continue
        start = n.span_start
        out.append(
            Reading(
                start=start, end=end, text=text[start - offset : end - offset],
                value=value_iv, shown={"minutes": minutes, "interval": str(value_iv)},
                detail=f"{minutes:g} min read as {value_iv}",
            )
        )
    for m in _AN_HOUR.finditer(text):
        if any(r.start - offset <= m.start() < r.end - offset for r in out):
            continue
        if m.group("halfan"):
            minutes, iv = 30.0, Interval(25, 35)
        else:
            per = 60 if m.group("unit").lower() == "hour" else 1
            minutes = per * (1.5 if m.group("half") else 1.0)
            hedge = lang().hedges.get(regex.sub(r"\s+", " ", m.group("hedge").strip().lower()), "")
            iv = interval(minutes, minutes / 6 if per == 60 else 1, hedge)
        if _NOT_LENGTH.match(text[m.end() :]):
            continue
        start, end = offset + m.start(), offset + m.end()
        out.append(Reading(start=start, end=end, text=m.group(0), value=iv,
                           shown={"minutes": minutes, "interval": str(iv)},
                           detail=f"{minutes:g} min read as {iv}"))
    out.sort(key=lambda r: r.start)
    return out


class DurationKind:
    name: ClassVar[str] = "duration"
    option_keys: ClassVar[frozenset[str]] = frozenset()

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Interval:
        if not isinstance(raw, str):
            raise FactValueError("a duration is a string such as '121 min' or 'about 90 minutes'",
                                 "write e.g. `value: 121 min`")
        readings = read_durations(raw)
        if len(readings) != 1 or readings[0].text.strip() != raw.strip():
            raise FactValueError(f"cannot read {raw!r} as one duration",
                                 "write a number and a unit: '121 min', '2 hours 1 minute', 'about 90 min'")
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

    def render(self, value: Any) -> str:
        iv: Interval = value
        mid = (iv.lo + iv.hi) / 2
        return f"{mid:g} min" if iv.hi - iv.lo <= 1 else f"{iv} min"
