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


_SHARE_AFTER = regex.compile(r"\s+of(?![\p{L}])", regex.IGNORECASE)
# ... or "of which one-fourth", "of them two-thirds": the whole named before the share
_SHARE_BEFORE = regex.compile(r"(?<![\p{L}])of\s+(?:which|whom|them|it|these|those)\s*,?\s*$", regex.IGNORECASE)


@cache
def _fraction_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}-])(?P<f>{alternation(pack('numbers')['fractions'])})(?![\p{{L}}-])",
                         regex.IGNORECASE)


@cache
def _ratio_re() -> regex.Pattern[str]:
    # "one in three voters", "nine out of ten": a share in itself (numbers.yaml `ratios`)
    words = [r"\s+".join(regex.escape(p) for p in str(w).split()) for w in pack("numbers").get("ratios", {})]
    return regex.compile(rf"(?<![\p{{L}}-])(?P<f>{'|'.join(sorted(words, key=len, reverse=True))})(?![\p{{L}}-])",
                         regex.IGNORECASE)


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
            out.append((n, bool(m.group("pts")), n.end + m.end()))
    ratios = pack("numbers").get("ratios", {})
    found = [(m, float(pack("numbers")["fractions"][regex.sub(r"\s+", " ", m.group("f").lower())]), False)
             for m in _fraction_re().finditer(text)]
    found += [(m, float(ratios[regex.sub(r"\s+", " ", m.group("f").lower())]), True)
              for m in (_ratio_re().finditer(text) if ratios else ())]
    for m, v, ratio in found:
        h = _hedge_before().search(text[: m.start()])
        if (not ratio and not h and not _SHARE_AFTER.match(text, m.end())
                and not _SHARE_BEFORE.search(text, 0, m.start())):
            # "in the first half", "a quarter-final": a share is "half of", "more than half", "of
            # which one-fourth"; "one in three" is a share in itself
            continue
        hedge = lang().hedges[regex.sub(r"\s+", " ", h.group("h").lower())] if h else ""
        hs = offset + h.start() if h else -1
        out.append((Number(start=offset + m.start(), end=offset + m.end(), value=v, unit=5.0, hedge=hedge,
                           hedge_start=hs, text=m.group(0), words=True), False, offset + m.end()))
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
