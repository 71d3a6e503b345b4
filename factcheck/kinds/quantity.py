"""Quantities such as troop figures: "94,000 Russian troops", "roughly 94,000", "up to 175,000",
"tens of thousands of soldiers", "ninety-four thousand". A mention is an interval (hedge and
implied precision, see factcheck/numbers.py) compared with the fact's interval.

When the fact is itself a bound ("up to 175,000", a projection), a mention with a hedge of the
same direction is a claim about that figure: "as many as 250,000" contradicts it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds.base import Context, Reading
from factcheck.lang import lang
from factcheck.model import Interval
from factcheck.numbers import Number, find_numbers, interval, rounding_unit
from factcheck.segment import Sentence

_UPPER = {"up_to", "under"}
_LOWER = {"over", "at_least", "just_over"}
# What may stand between a number and its unit noun: "94,000 Russian troops", "175,000 combat troops".
_FILLER = regex.compile(r"(?:of|the|its|more|additional|extra|new|military|armed|ground|active|regular|combat|"
                        r"front-?line|battle-?ready|Russian|Russia's|Ukrainian)$|(?-i:\p{Lu}[\p{L}'’]+)$",
                        regex.IGNORECASE)


def unit_follows(after: str, unit_re: regex.Pattern[str], max_words: int = 3) -> bool:
    """Is the unit noun within `max_words` filler words after the number?"""
    pos = 0
    for _ in range(max_words + 1):
        m = regex.match(r"\s+", after[pos:])
        if not m:
            return False
        pos += m.end()
        if unit_re.match(after[pos:]):
            return True
        w = regex.match(r"[\p{L}'’-]+", after[pos:])
        if not w or not _FILLER.match(w.group(0)):
            return False
        pos += w.end()
    return False


# What a bare number may be followed by and still stand for the fact's unit ("up to 175,000 for an
# offensive", "puts the figure at 94,300.").
_BARE_OK = regex.compile(r"\A(?:\s*[.,;:)]|\s*$|\s+(?:for|to|at|in|near|along|on|by|and|or|who|that|which|were|are|"
                         r"was|is|have|had|has|could|would|might|may|can|will|as|more|massed|troops|from|into|"
                         r"within|around|across|inside|outside)\b)", regex.IGNORECASE)
# What a number followed by these is not: a troop figure
_OTHER_UNIT = regex.compile(r"\A\s*(?:%|percent|per\s+cent|km|kilomet|mile|dollars|euros|rubles|roubles|years?|days?|"
                            r"hours?|minutes?)", regex.IGNORECASE)


@dataclass(frozen=True)
class QuantityValue:
    value: float
    hedge: str  # hedge class of the fact ("up_to", "over", "")
    unit: float

    def interval(self) -> Interval:
        return interval(self.value, self.unit, self.hedge)


def _is_year(n: Number, text: str) -> bool:
    return (not n.words and 1900 <= n.value <= 2100 and n.value.is_integer()
            and "," not in n.text and " " not in n.text)


_FROM = regex.compile(r"\b(?:from|between)\s+(?:\w+\s+){0,2}$", regex.IGNORECASE)
_TO = regex.compile(r"\A[^.;]{0,40}?\b(?:to|and)\s+(?:\w+\s+){0,2}\d", regex.IGNORECASE)
_FROM_BEFORE = regex.compile(r"\b(?:from|between)\s+[^.;]{0,40}?\d[^.;]{0,30}?\b(?:to|and)\s+(?:\w+\s+){0,2}$",
                             regex.IGNORECASE)


def in_range(text: str, a: int, b: int) -> bool:
    """Is the number one end of "from X to Y" / "between X and Y"?"""
    return bool((_FROM.search(text[:a]) and _TO.match(text[b:])) or _FROM_BEFORE.search(text[:a]))


class QuantityKind:
    name: ClassVar[str] = "quantity"
    option_keys: ClassVar[frozenset[str]] = frozenset({"unit", "hedge"})

    def parse_value(self, raw: Any, options: dict[str, Any]) -> QuantityValue:
        if not isinstance(raw, str):
            raise FactValueError("a quantity is a number", "write e.g. `value: 94300`")
        nums = find_numbers(raw)
        if len(nums) != 1 or nums[0].magnitude:
            raise FactValueError(f"cannot read {raw!r} as one number",
                                 "write digits (94300, 94,300) or number words (ninety-four thousand)")
        n = nums[0]
        hedge = options.get("hedge_class", "")
        return QuantityValue(n.value, hedge, n.unit if n.unit > 1 else rounding_unit(n.value))

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"unit": compile_option(options, "unit", r"troops|soldiers|servicemen|forces")}
        h = options.get("hedge")
        if h is not None:
            if not isinstance(h, str) or h.lower() not in lang().hedges:
                known = ", ".join(sorted({p for p in lang().hedges}))
                raise FactValueError(f"unknown hedge {h!r}", f"use one of: {known}")
            out["hedge_class"] = lang().hedges[h.lower()]
        return out

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        unit_re: regex.Pattern[str] = fact.options["unit"]
        text = sentence.text
        out: list[Reading] = []
        for n in find_numbers(text, sentence.start):
            if _is_year(n, text) or (n.value < 100 and not n.magnitude):
                continue
            after = text[n.end - sentence.start :]
            before = text[: n.start - sentence.start]
            if regex.search(r"[$€£¥]\s*$", before) or _OTHER_UNIT.match(after):
                continue
            has_unit = unit_follows(after, unit_re)
            if not has_unit and not (n.value >= 1000 and _BARE_OK.match(after)):
                continue
            iv = n.interval()
            extra: dict[str, Any] = {"bare": not has_unit}
            if in_range(text, n.span_start - sentence.start, n.end - sentence.start):
                extra.update(loose=True, why_loose="one end of a range over time (from ... to ...)")
            out.append(Reading(start=n.span_start, end=n.end,
                               text=text[n.span_start - sentence.start : n.end - sentence.start],
                               value=n, shown={"value": n.value, "hedge": n.hedge or None, "interval": str(iv)},
                               detail=f"read as {iv}", extra=extra))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        n: Number = reading.value
        q: QuantityValue = value
        exact_fact = interval(q.value, q.unit, "")
        if not q.hedge:
            return n.interval().overlaps(exact_fact)
        if n.magnitude:
            return None
        same_side = (q.hedge in _UPPER and n.hedge in _UPPER) or (q.hedge in _LOWER and n.hedge in _LOWER)
        if same_side:
            # a claim about the bound itself ("as many as 250,000" against "up to 175,000")
            return interval(n.value, n.unit, "").overlaps(exact_fact)
        if q.hedge in _LOWER:
            # "more than 10,000" reports a figure a little above 10,000, not any figure above it:
            # "about 40,000" is another figure
            return n.interval().overlaps(Interval(q.value, q.value * 1.5, lo_open=True))
        if not n.hedge:
            return interval(n.value, n.unit, "").overlaps(exact_fact)
        return n.interval().overlaps(q.interval())

    def render(self, value: Any) -> str:
        q: QuantityValue = value
        hedge = {"up_to": "up to ", "over": "more than ", "at_least": "at least ", "under": "fewer than ",
                 "about": "about ", "nearly": "nearly ", "just_over": "just over "}.get(q.hedge, "")
        v = f"{q.value:,.0f}" if not math.isinf(q.value) else "inf"
        return f"{hedge}{v}"
