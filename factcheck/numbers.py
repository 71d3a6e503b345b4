"""Numbers in running text: digits, number words, multipliers, hedges, and their intervals.

A stated number is turned into an interval by its hedge ("about", "more than", ...) and by the
precision its trailing zeros imply: "94,000" is consistent with 94,300, "100,000" is not an exact
claim. The hedge words are data (factcheck/data/en.yaml); the interval each hedge class makes is
the table in `interval()` and README "Hedges as intervals".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import regex

from factcheck.lang import alternation, lang
from factcheck.model import Interval


@dataclass(frozen=True)
class Number:
    """A number found in text. `start`/`end` cover the number itself (and its multiplier);
    `hedge_start` is where its hedge begins (== start when unhedged)."""

    start: int
    end: int
    value: float
    unit: float  # the rounding unit the surface form implies (94,000 -> 1000; 1.5 -> 0.1)
    hedge: str = ""  # hedge class: about, nearly, just_over, over, at_least, up_to, under, ...
    hedge_start: int = -1
    text: str = ""
    words: bool = False  # written in words ("ninety-four thousand")
    magnitude: bool = False  # a vague magnitude ("tens of thousands"): a lower bound only

    @property
    def span_start(self) -> int:
        return self.hedge_start if self.hedge_start >= 0 else self.start

    def interval(self, scale: float = 1.0) -> Interval:
        return interval(self.value, self.unit, self.hedge, self.magnitude).scaled(scale)


def half_width(value: float, unit: float) -> float:
    """Half the rounding unit, at most 10% of the value."""
    return min(unit / 2, abs(value) * 0.1) if value else unit / 2


def interval(v: float, unit: float, hedge: str = "", magnitude: bool = False) -> Interval:
    """The interval a hedged number claims (see module docstring)."""
    if magnitude:
        return Interval(v, math.inf)
    w = half_width(v, unit)
    match hedge:
        case "about":
            return Interval(0.9 * v - w, 1.1 * v + w)
        case "nearly":
            return Interval(0.9 * v, v)
        case "just_under":
            return Interval(0.9 * v, v, hi_open=True)
        case "just_over":
            return Interval(v, 1.1 * v + w, lo_open=True)
        case "over":
            return Interval(v, math.inf, lo_open=True)
        case "at_least":
            return Interval(v, math.inf)
        case "up_to":
            return Interval(0, v)
        case "under":
            return Interval(0, v, hi_open=True)
        case _:
            return Interval(v - w, v + w)


def rounding_unit(value: float, decimals: int = 0) -> float:
    if decimals:
        return float(10**-decimals)
    n = int(round(abs(value)))
    if n == 0:
        return 1.0
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return float(unit)


@cache
def _words() -> dict[str, float]:
    return lang().number_words


@cache
def _number_re() -> regex.Pattern[str]:
    words = alternation([w for w in _words() if w not in ("a", "an")])
    scales = alternation(lang().data["numbers"]["scales"])
    # ASCII digits only: float() does not read every digit the regex module knows; at most 15
    # digits, the precision of a float (a 400-digit run is no figure)
    digits = r"[0-9]{1,3}(?:(?:,|\u00a0|\u202f|\u2009| )[0-9]{3}){1,4}(?:\.[0-9]{1,6})?|[0-9]{1,15}(?:\.[0-9]{1,6})?"
    return regex.compile(
        rf"(?<![\p{{L}}\d.,:/-])(?P<digits>{digits})(?:\s*(?P<mult>{scales}|k\b|m\b|bn\b|mn\b))?"
        rf"(?![0-9]|[.,:][0-9]|/[0-9])"
        rf"|(?<![\p{{L}}-])(?P<words>(?:{words})(?:(?:\s+and\s+|[\s-]+)(?:{words}))*)(?![\p{{L}}])",
        regex.IGNORECASE,
    )


@cache
def _hedge_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<h>{alternation(lang().hedges)})\s+(?:an?\s+)?$", regex.IGNORECASE
    )


@cache
def _magnitude_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().magnitudes)})(?![\p{{L}}])", regex.IGNORECASE)


_MULT = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}


def parse_words(text: str) -> list[tuple[int, int, float]]:
    """Split a run of number words into numbers: (start, end, value) relative to `text`.

    "ninety-four thousand" -> 94000; "two" -> 2; "one hundred and twenty" -> 120.
    A sequence that cannot be one number ("two three") is split.
    """
    table = _words()
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in regex.finditer(r"[\p{L}]+", text)]
    out: list[tuple[int, int, float]] = []
    total = 0.0
    current = 0.0
    last = ""  # class of the last token: unit, teen, tens, hundred, scale
    s = e = -1

    def flush() -> None:
        nonlocal total, current, last, s
        if s >= 0:
            out.append((s, e, total + current))
        total = current = 0.0
        last = ""
        s = -1

    for a, b, w in toks:
        if w == "and":
            continue
        v = table.get(w)
        if v is None:
            flush()
            continue
        cls = "scale" if v >= 1000 else "hundred" if v == 100 else "tens" if v >= 20 else "unit"
        ok = (
            last == ""
            or (cls == "unit" and last in ("tens", "hundred", "scale") and (last != "tens" or v < 10))
            or (cls == "tens" and last in ("hundred", "scale"))
            or (cls == "hundred" and last in ("unit",) and current < 10)
            or (cls == "scale" and last in ("unit", "tens", "hundred"))
        )
        if not ok:
            flush()
        if s < 0:
            s = a
        e = b
        if cls == "scale":
            total += (current or 1) * v
            current = 0
        elif cls == "hundred":
            current = (current or 1) * 100
        else:
            current += v
        last = cls
    flush()
    return out


def find_numbers(text: str, offset: int = 0) -> list[Number]:
    """Every number in `text` (offsets shifted by `offset`), with its hedge."""
    found: list[Number] = []
    for m in _number_re().finditer(text):
        if m.group("digits"):
            raw = m.group("digits")
            clean = regex.sub(r"[,\u00a0\u202f\u2009 ]", "", raw)
            decimals = len(clean.split(".")[1]) if "." in clean else 0
            value = float(clean)
            unit = rounding_unit(value, decimals)
            mult = (m.group("mult") or "").lower()
            if mult:
                k = _MULT.get(mult) or _words().get(mult, 1.0)
                value *= k
                unit *= k
            found.append(_hedged(text, offset, m.start(), m.end(), value, unit, words=False))
        else:
            base = m.start("words")
            for a, b, v in parse_words(m.group("words")):
                found.append(
                    _hedged(text, offset, base + a, base + b, v, rounding_unit(v), words=True)
                )
    for m in _magnitude_re().finditer(text):
        v = float(lang().magnitudes[regex.sub(r"\s+", " ", m.group(0).lower())])
        # drop the digits/words the magnitude phrase contains ("tens of thousands")
        found = [n for n in found if not (m.start() <= n.start - offset < m.end())]
        found.append(
            Number(
                start=offset + m.start(), end=offset + m.end(), value=v, unit=v,
                hedge_start=-1, text=m.group(0), words=True, magnitude=True,
            )
        )
    found.sort(key=lambda n: n.start)
    return found


def _hedged(
    text: str, offset: int, a: int, b: int, value: float, unit: float, *, words: bool
) -> Number:
    head = text[max(0, a - 40) : a]
    h = _hedge_re().search(head)
    hedge = ""
    hs = -1
    if h:
        hedge = lang().hedges[regex.sub(r"\s+", " ", h.group("h").lower())]
        hs = offset + a - len(head) + h.start()
    return Number(
        start=offset + a, end=offset + b, value=value, unit=unit, hedge=hedge,
        hedge_start=hs, text=text[a:b], words=words,
    )
