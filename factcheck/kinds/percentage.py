"""Percentages and percentage points: "58.55 %", "58,55 %", "58.5 per cent", "nearly 59%",
"two-thirds", "more than half", "a 17-point margin". A fact in percent (`value: 58.55 %`) and a
fact in points (`value: 17.1 points`) read only figures of their own unit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.quantity import against_fact, doc_convention, hedge_option
from factcheck.lang import alternation, lang, pack
from factcheck.model import Interval
from factcheck.numbers import Number, find_numbers
from factcheck.segment import Sentence


@dataclass(frozen=True)
class Pct:
    value: float
    unit: float  # rounding unit of the curated value
    points: bool  # percentage points, not percent
    hedge: str = ""  # the fact's own hedge class ("less than 1 %": `hedge: less than`)


@cache
def _sign_re() -> regex.Pattern[str]:
    p = pack("numbers")
    signs = alternation([s for s in p["percent_signs"] if s != "%"])
    return regex.compile(rf"\A(?:\s*(?P<pct>%|(?:{signs})(?![\p{{L}}]))"
                         rf"|[\s-]*(?P<pts>(?:{alternation(p['point_words'])}))(?![\p{{L}}]))", regex.IGNORECASE)


# a fraction of a percentage ("half of one percent", "a third of a percentage point")
_OF_A_PERCENT = regex.compile(r"\s+of\s+(?:a|one|1)\s+(?:per\s*cent|percent|%|percentage\s+point)", regex.IGNORECASE)
_SHARE_AFTER = regex.compile(r"\s+of(?![\p{L}])", regex.IGNORECASE)
# ... or "of which one-fourth", "of them two-thirds": the whole named before the share
_SHARE_BEFORE = regex.compile(r"(?<![\p{L}])of\s+(?:which|whom|them|it|these|those)\s*,?\s*$", regex.IGNORECASE)


@cache
def _fraction_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}-])(?P<f>{alternation(pack('numbers')['fractions'])})(?![\p{{L}}-])",
                         regex.IGNORECASE)


@cache
def _fraction_of_before() -> regex.Pattern[str]:
    """A fraction in words and "of" right before a percentage ("half of one percent")."""
    return regex.compile(rf"(?<![\p{{L}}-])(?P<f>{alternation(pack('numbers')['fractions'])})\s+of\s+\Z",
                         regex.IGNORECASE)


@cache
def _ratio_re() -> regex.Pattern[str]:
    """"one in three voters", "nine out of ten", "three of every four people aboard", "1 in 5": a
    share in itself, two small whole numbers joined by a link of numbers.yaml `ratio_links`."""
    small = alternation([w for w, v in lang().number_words.items() if 1 <= v <= 20 and " " not in w])
    n = rf"(?:{small}|[1-9]\d?)"
    links = alternation(pack("numbers")["ratio_links"])
    # (not a length of time: "1 in 3 hours", "won two in five minutes")
    times = alternation(lang().duration_units)
    return regex.compile(rf"(?<![\p{{L}}\d.,-])(?P<f>(?P<a>{n})\s+(?:{links})\s+(?P<b>{n}))(?![\p{{L}}\d-]|[.,]\d)"
                         rf"(?!\s+(?:{times})(?![\p{{L}}]))", regex.IGNORECASE)


def _small_number(word: str) -> float:
    return float(word) if word.isdigit() else lang().number_words[word.lower()]


def _fraction_value(words: str) -> float:
    """The share in percent a fraction in words stands for (numbers.yaml `fractions`)."""
    return float(pack("numbers")["fractions"][regex.sub(r"\s+", " ", words.lower())])


def _hedge_class(words: str) -> str:
    """The class of a hedge as written ("about", "more than")."""
    return str(lang().hedges[regex.sub(r"\s+", " ", words.lower())])


# a share in words ("two-thirds of voters", "three in four") is a round figure: it stands for the
# share within 4.5 points (at most a tenth of it), "two-thirds" for 62-71 %, "one in ten" for 9-11 %
_WORDED_SHARE_UNIT = 9.0


@cache
def _hedge_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?P<h>{alternation(lang().hedges)})\s+$", regex.IGNORECASE)


def read_percentages(text: str, offset: int, conv: str) -> list[tuple[Number, bool, int]]:
    """(number, points?, end) for each percentage in `text`; fractions in words as about that share."""
    out: list[tuple[Number, bool, int]] = []
    for n in find_numbers(text, offset, conv):
        if n.magnitude:
            continue
        m = _sign_re().match(text[n.end - offset :])
        if m:
            if not n.words and n.unit > 1 and n.value < 100 and n.hi is None:
                # "20 percent", "60%": a share in digits is rounded to the whole percent, not to its
                # tens (a round figure is no hedge: "20 percent" is no 18 %, "about 20 percent" may be)
                n = replace(n, unit=1.0)
            part = _fraction_of_before().search(text, 0, n.span_start - offset)
            if part is not None:
                # "about half of one percent of the vote": that part of the percentage (0.5 %), hedged
                # as the fraction is
                k = _fraction_value(part.group("f")) / 100
                h = _hedge_before().search(text, 0, part.start())
                n = replace(n, start=offset + part.start(), value=n.value * k, unit=n.unit * k,
                            hedge=_hedge_class(h.group("h")) if h else n.hedge,
                            hedge_start=offset + h.start() if h else -1, text=text[part.start() : n.end - offset])
            out.append((n, bool(m.group("pts")), n.end + m.end()))
    found = [(m, _fraction_value(m.group("f")), False) for m in _fraction_re().finditer(text)]
    for m in _ratio_re().finditer(text):
        a, b = _small_number(m.group("a")), _small_number(m.group("b"))
        if 0 < a < b:
            found.append((m, round(100 * a / b, 2), True))
    for m, v, ratio in found:
        h = _hedge_before().search(text[: m.start()])
        if (not ratio and not h and not _SHARE_AFTER.match(text, m.end())
                and not _SHARE_BEFORE.search(text, 0, m.start())):
            # "in the first half", "a quarter-final": a share is "half of", "more than half", "of
            # which one-fourth"; "one in three" is a share in itself
            continue
        if not ratio and _OF_A_PERCENT.match(text, m.end()):
            continue  # "about half of one percent of the vote": a fraction of a percentage, read as that
        hedge = _hedge_class(h.group("h")) if h else ""
        hs = offset + h.start() if h else -1
        out.append((Number(start=offset + m.start(), end=offset + m.end(), value=v, unit=_WORDED_SHARE_UNIT,
                           hedge=hedge, hedge_start=hs, text=m.group(0), words=True), False, offset + m.end()))
    return out


class PercentageKind:
    name: ClassVar[str] = "percentage"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "hedge": Key("str", doc="the fact's own hedge ('less than', 'more than'): `value: 1 %` with "
                                "`hedge: less than` for 'less than 1 % of devices'"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = (
        {"type": "string", "description": "a percent or percentage points: '58.55 %', '17.1 points'"})

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Pct:
        text = str(raw).strip()
        found = read_percentages(text, 0, "dot_decimal")
        if len(found) != 1 or found[0][0].words or found[0][2] != len(text) or found[0][0].hedge:
            raise FactValueError(f"cannot read {raw!r} as a percentage",
                                 "write e.g. `value: 58.55 %` or `value: 17.1 points`")
        n, points, _ = found[0]
        return Pct(n.value, n.unit, points, options.get("hedge_class", ""))

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return hedge_option(options)

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        want_points = isinstance(fact.value, Pct) and fact.value.points
        out: list[Reading] = []
        for n, points, end in read_percentages(sentence.text, sentence.start, doc_convention(ctx)):
            if points != want_points:
                continue
            a, b = n.span_start - sentence.start, end - sentence.start
            iv = n.interval()
            out.append(Reading(start=n.span_start, end=end, text=sentence.text[a:b], value=n,
                               shown={"value": n.value, "unit": "points" if points else "%", "interval": str(iv)},
                               detail=f"read as {iv}", extra={"unit": "points" if points else "%"}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        p: Pct = value
        results = {against_fact(n, p.value, p.unit, p.hedge) for n in reading.value.readings()}
        return results.pop() if len(results) == 1 else None

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The share read over the fact's (None when the fact is 0): "two points" against a 17-point
        margin is most likely another figure."""
        p: Pct = value
        n: Number = reading.value
        return n.value / p.value if p.value else None

    def render(self, value: Any) -> str:
        p: Pct = value
        return f"{p.value:g} points" if p.points else f"{p.value:g} %"


__all__ = ["Interval", "PercentageKind", "Pct", "read_percentages"]
