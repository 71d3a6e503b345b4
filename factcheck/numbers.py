"""Numbers in running text: digits, number words, multipliers, hedges, and their intervals.

A stated number is turned into an interval by its hedge ("about", "more than", ...) and by the
precision its trailing zeros imply: "94,000" is consistent with 94,300, "100,000" is not an exact
claim. The hedge words are data (factcheck/data/en.yaml); the interval each hedge class makes is
the table in `interval()` and README "Hedges as intervals".
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex

from factcheck.currencies import currency_forms
from factcheck.lang import alternation, lang, pack, trie_alternation
from factcheck.model import Interval

#: hedge classes that make a figure a bound: at most it ("up to", "under"), at least it ("more than")
UPPER_HEDGES = frozenset({"up_to", "under"})
LOWER_HEDGES = frozenset({"over", "at_least", "just_over"})


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
    hi: float | None = None  # the upper end of a range ("60,000 to 90,000"): value is the lower end
    # the other reading of an ambiguous form ("94.300": 94.3 or 94,300); None when unambiguous
    alt: float | None = None
    alt_unit: float = 1.0

    @property
    def span_start(self) -> int:
        return self.hedge_start if self.hedge_start >= 0 else self.start

    @property
    def ambiguous(self) -> bool:
        return self.alt is not None

    def interval(self, scale: float = 1.0) -> Interval:
        if self.hi is None and not self.magnitude and precise_bound(self.value, self.unit, self.hedge):
            return near_bound(self.value, self.unit, self.hedge).scaled(scale)
        iv = interval(self.value, self.unit, self.hedge, self.magnitude)
        if self.hi is not None:
            top = interval(self.hi, self.unit, self.hedge)
            iv = Interval(min(iv.lo, top.lo), max(iv.hi, top.hi), iv.lo_open, top.hi_open)
        return iv.scaled(scale)

    def readings(self) -> list[Number]:
        """This number, and its other reading when the form is ambiguous ("94.300")."""
        if self.alt is None:
            return [self]
        return [replace(self, alt=None), replace(self, value=self.alt, unit=self.alt_unit, alt=None)]


# short scales glued to a figure ("450m users", "2bn people", "30k runners"): a multiplier only when
# the counted noun follows (the caller's test), so "a 3m wall" stays three metres
_SHORT_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
_SHORT_SCALE = regex.compile(r"(m|mn|bn|k)(?![\p{L}\d])", regex.IGNORECASE)


def short_scaled(n: Number, after: str) -> tuple[Number, str] | None:
    """`n` scaled by a short scale glued to it, and the text after the scale; None when none is."""
    m = None if n.words or n.magnitude else _SHORT_SCALE.match(after)
    if m is None:
        return None
    k = _SHORT_SCALES[m.group(1).lower()]
    scaled = replace(n, end=n.end + m.end(), value=n.value * k, unit=n.unit * k,
                     hi=None if n.hi is None else n.hi * k, alt=None, text=n.text + m.group(1))
    return scaled, after[m.end():]


def half_width(value: float, unit: float) -> float:
    """Half the rounding unit, at most 10% of the value."""
    return min(unit / 2, abs(value) * 0.1) if value else unit / 2


def interval(v: float, unit: float, hedge: str = "", magnitude: bool = False, spread_unit: float = 0.0) -> Interval:
    """The interval a hedged number claims (see module docstring). `spread_unit`: the unit an
    approximation spreads by, when it is not the rounding unit (a race clock's "2:07:00": minutes)."""
    if magnitude:
        return Interval(v, math.inf)
    w = half_width(v, unit)
    # an approximation spans 10 % of the value, or five units of its last significant digit when that
    # is less: "about 94,000" is 84,600 to 103,400, but "some 986 million" is 980.5 to 991.5 million,
    # and "about 412 million" is no 421.2 million (a precise figure, hedged, is not any figure within a
    # tenth of it, nor its digits swapped)
    s = min(0.1 * abs(v), 5 * max(unit, spread_unit))
    match hedge:
        case "about":
            return Interval(v - s - w, v + s + w)
        case "nearly":
            return Interval(v - s, v)
        case "just_under":
            return Interval(v - s, v, hi_open=True)
        case "just_over":
            return Interval(v, v + s + w, lo_open=True)
        case "over":
            return Interval(v, math.inf, lo_open=True)
        case "at_least":
            return Interval(v, math.inf)
        case "up_to":
            return Interval(0, v)
        case "under":
            return Interval(0, v, hi_open=True)
        case _:
            # rounding to the nearest: 7.8 stands for [7.75, 7.85), so 7.7 ([7.65, 7.75)) does not
            # agree with it, nor 94,400 with 94,300
            return Interval(v - w, v + w, hi_open=True)


def precise_bound(v: float, unit: float, hedge: str) -> bool:
    """Is a figure stated as a bound ("more than", "up to") written to a precise last digit: four
    significant digits or more, or three not ending in 5 ("more than 34,059", "up to 68.3 tonnes",
    "at least 128", not "more than 1,150", "over 2.3 million" or "at least 55")? Such a figure is
    the figure itself, rounded down or up a little; a round one is a bound."""
    if hedge not in UPPER_HEDGES and hedge not in LOWER_HEDGES or not unit or not v:
        return False
    digits = round(abs(v) / unit)
    return digits >= 1000 or (digits >= 100 and digits % 5 != 0)


def near_bound(v: float, unit: float, hedge: str) -> Interval:
    """The interval of a precise figure stated as a bound (`precise_bound`): the figure and the
    approximation's spread on the bound's side ("more than 34,059": [34,058.5, 34,064.5]; "up to
    68.3 tonnes": [67.75, 68.35]), so a figure with its digits swapped, or in another unit, is not
    inside it. The figure itself is inside: "more than 10.6 million" is the 10.6 million a
    precise count rounds to, not a bound that leaves it out."""
    w = half_width(v, unit)
    s = min(0.1 * abs(v), 5 * unit)
    if hedge in UPPER_HEDGES:
        return Interval(v - s - w, v + w)
    return Interval(v - w, v + s + w)


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
    out = dict(lang().number_words)
    out.update({str(k): float(v) for k, v in _numbers_pack()["multipliers"].items()})
    return out


@cache
def _numbers_pack() -> dict[str, Any]:
    return pack("numbers")


@cache
def _digit_words() -> dict[str, int]:
    """The digits spoken after "point" ("one point three", "nine point eight zero")."""
    return {str(k).lower(): int(v) for k, v in _numbers_pack()["spoken_decimal"]["digits"].items()}


@cache
def _short_mults() -> dict[str, dict[str, object]]:
    return {str(k).lower(): dict(v) for k, v in _numbers_pack()["short_multipliers"].items()}


_SEP = r"[,\u00a0\u202f\u2009 ]"
# comma/space thousands with a decimal point | dotted thousands with a decimal comma | plain, with a
# decimal point or comma ("25,5"). ASCII digits only: float() does not read every digit the regex
# module knows; at most 15 digits, the precision of a float (a 400-digit run is no figure).
# (one thousands separator throughout: "175,000 175,000" is two numbers, not 175,000,175,000)
_DIGITS = (rf"[0-9]{{1,3}}(?P<tsep>{_SEP})[0-9]{{3}}(?:(?P=tsep)[0-9]{{3}}){{0,3}}(?:\.[0-9]{{1,6}})?"
           r"|[0-9]{1,3}(?:\.[0-9]{3}){1,4}(?:,[0-9]{1,6})?"
           r"|[0-9]{1,15}(?:[.,][0-9]{1,6})?")


def _fraction_after(text: str) -> float:
    """The fraction a suffix adds: "and a half" 0.5, "and a third" 1/3 (numbers.yaml `half_suffix`)."""
    pack = _numbers_pack()
    table: dict[str, float] = {k.lower(): float(v) for k, v in (*pack["half_suffix"].items(),
                                                                 *pack["slash_fractions"].items())}
    return table.get(" ".join(text.split()).lower(), 0.5)


@cache
def _number_re() -> regex.Pattern[str]:
    words = alternation([w for w in _words() if w not in ("a", "an")])
    scales = alternation(lang().data["numbers"]["scales"])
    spaced = alternation([k for k, v in _short_mults().items() if v.get("space")])
    tight = alternation([k for k, v in _short_mults().items() if not v.get("space")])
    half = alternation(_numbers_pack()["half_suffix"])
    slash = alternation(_numbers_pack()["slash_fractions"])
    # "two and three quarters": the fraction after "and" is no number word of its own
    fractions = [k[4:] for k in _numbers_pack()["half_suffix"]
                 if k.startswith("and ") and k.split(" ")[1].split("-")[0] not in ("a", "an")]
    not_fraction = rf"(?!(?:{alternation(fractions)})(?![\p{{L}}]))" if fractions else ""
    ordinals = alternation([str(o) for o in _numbers_pack()["ordinals"]])
    point = alternation(list(_numbers_pack()["spoken_decimal"]["point"]))
    return regex.compile(
        rf"(?<![\p{{L}}\d.,:/])(?<![^0-9%\s(\[]-)(?P<digits>{_DIGITS})"
        rf"(?P<half>\s*(?:{half})(?![\p{{L}}])|[ \u00a0](?:{slash})(?![\d/]))?"
        # "68,7 billions Dollar", "123,4 millions spectators": a translation's plural scale
        # "a $1.2-billion deal", "a 6.4-billion-km journey": a hyphen joins the scale as a space does
        rf"(?:(?:\s*|-)(?P<mult>(?:{scales})(?:s(?![\p{{L}}]))?|(?:{spaced})\b(?:\.(?=\s+\p{{L}}))?)|(?P<short>{tight})\b)?"
        rf"(?![0-9]|[.,:][0-9]|/[0-9])"
        rf"|(?<![\p{{L}}-])(?P<words>(?:{words})(?:(?:\s+and\s+{not_fraction}|[\s-]+)(?:{words}))*)(?![\p{{L}}])"
        # "thirty-third", "twenty first": the tens of an ordinal are no number of their own
        rf"(?![\s-]+(?:{ordinals})(?![\p{{L}}]))"
        rf"(?:(?P<whalf>\s+(?:{half})(?![\p{{L}}]))(?:\s+(?P<wmult>{scales})(?![\p{{L}}]))?"
        # spoken decimals: "one point three million", "nine point eight zero"
        rf"|(?P<point>\s+{point}(?:\s+(?:{alternation(list(_digit_words()))}))+)(?![\p{{L}}])"
        rf"(?:\s+(?P<pmult>{scales})(?![\p{{L}}]))?)?",
        regex.IGNORECASE,
    )


@cache
def _scale_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lang().data["numbers"]["scales"])


#: hedges that make a figure an open bound ("more than", "at least", "up to", "less than"): read
#: alone, a bound stands for every figure on its open side
OPEN_BOUND_HEDGES = frozenset({"over", "at_least", "up_to", "under"})

#: a year written in a text, 1600-2099 ("January 2025", "11 March 1985:"; not "2.2016" nor "2016%")
WRITTEN_YEAR = regex.compile(r"(?<![\d.,:/-])((?:1[6-9]|20)\d\d)(?![\d%])")


_PARTS_HINT = regex.compile(r"tenth|hundredth|thousandth")


@cache
def _fraction_re() -> regex.Pattern[str]:
    """"half a mile", "half a million", "a quarter-mile": a fraction of the unit or scale after it
    (a pattern of its own, run only on a text with "half" or "quarter" in it)."""
    scales = alternation(lang().data["numbers"]["scales"])
    fractions = alternation([str(f) for f in _numbers_pack()["unit_fractions"]])
    mults = alternation([str(k) for k in _numbers_pack()["multipliers"]])
    parts = alternation([str(f) for f in _numbers_pack()["unit_parts"]])
    ones = alternation(["a", "an", *(w for w, v in lang().number_words.items() if 1 <= v <= 9 and " " not in w)])
    return regex.compile(
        rf"(?<![\p{{L}}-])(?:(?P<frac>{fractions})(?:\s+(?P<fmult>{scales}|{mults})(?![\p{{L}}])"
        rf"|(?=-\p{{L}})|(?<=\ban?)(?=\s+\p{{L}}))"
        # "seven-tenths of a second", "one hundredth of a second", "one tenth second"
        rf"|(?P<pnum>{ones}|[1-9])[- ](?P<part>{parts})(?:\s+of\s+an?(?=\s+\p{{L}})|(?=\s+sec(?:ond)?s?\b)))",
        regex.IGNORECASE)


def _fractions(text: str, offset: int) -> list[Number]:
    out = []
    for m in _fraction_re().finditer(text):
        if m.group("part"):
            num = m.group("pnum").lower()
            step = float(_numbers_pack()["unit_parts"][m.group("part").lower()])
            count = 1.0 if num in ("a", "an") else float(num) if num.isdigit() else _words()[num]
            out.append(_hedged(text, offset, m.start(), m.end(), count * step, step, words=True))
            continue
        v = float(_numbers_pack()["unit_fractions"][regex.sub(r"\s+", " ", m.group("frac").lower())])
        k = _words().get((m.group("fmult") or "").lower(), 1.0)
        n = _hedged(text, offset, m.start(), m.end(), v * k, v * k / 2, words=True)
        if n.hedge in ("", "nearly", "just_under", "just_over"):
            n = replace(n, hedge="about")  # "(nearly) half a mile" is a colloquial figure: about
        out.append(n)
    return out


# Patterns about what comes just before a number are matched backwards from the number (REVERSE,
# `match` with `endpos`), so each costs the length of what it matches, never of the text before:
# searching the whole prefix for each number made long texts quadratic (docs/robustness.md).
@cache
def _currency_before_re() -> regex.Pattern[str]:
    """A currency sign right before a number (read backwards from it): a symbol, an ISO code, or a
    sign written in letters ("Rs 5m", "Ksh40m", "Dh 2.5m", "kr. 3m": data/en/money.yaml and CLDR)."""
    letters = {w for f in currency_forms().values() for w in (*f["before"], *f["codes"])
               if any(c.isalpha() for c in w) and not (len(w) == 3 and w.isalpha() and w.isupper())}
    signs = trie_alternation(letters, fold=False)
    return regex.compile(rf"(?r)(?:\p{{Sc}}|\b[A-Z]{{3}}|\b[A-Z]{{1,2}}\p{{Sc}}|(?<![\p{{L}}])(?:{signs}))\s*")
# "18.768.639", "25,5", and "30.000" (three zero decimals are written by no one who means a decimal)
_DOT_THOUSANDS = regex.compile(r"(?<![\d.,])[0-9]{1,3}\.[0-9]{3}\.[0-9]{3}(?![0-9])"
                               r"|(?<![\d.,])[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]{1,2}(?![0-9.,])"
                               r"|(?<![\d.,])[1-9][0-9]{0,2}\.000(?![0-9.,])")
# "7.40 hours", "18.40 Uhr", "9.30 clock" (a translated Uhr), "at 9.40": clock times written with a dot say
# nothing of decimals
# ... nor a translation's "At the 11.36", "(the 9.36 of the universal time)": a clock time after "the"
_DOT_DECIMAL_SRC = (r"(?<![\d.,])[0-9]{1,3},[0-9]{3}(?![0-9])"
                    r"|(?<![\d.,]|(?i:\bat)\s|(?i:\bat\sthe)\s|(?i:{weekdays})\.?,?\s)"
                    r"(?!(?<=(?i:\bthe)\s)(?:[01]?[0-9]|2[0-3])\.[0-5][0-9](?![0-9]))"
                    r"[0-9]+\.[0-9]{1,2}"
                    r"(?![0-9.,])(?!\s*(?:hours?|hrs?|h\b|Uhr|o.clock|clock\b|[ap]\.?m\b|local|GMT|UTC|[A-Z]{2,4}T\b))")


@cache
def _dot_decimal_re() -> regex.Pattern[str]:
    """A number written with a decimal point; not "Tuesday 16.04" (a translation's day and month)."""
    # (a digit first: the lookbehinds are then tried at digits only, not at every character: 4x cheaper)
    return regex.compile("(?=[0-9])(?:" + _DOT_DECIMAL_SRC.replace("{weekdays}", alternation(lang().weekdays)) + ")")


@lru_cache(maxsize=64)
def convention(text: str) -> str:
    """How `text` writes numbers: "dot_thousands" (94.300 / 25,5), "dot_decimal" (94,300 / 25.5),
    "mixed" when it writes both, one with a comma (a machine translation keeping some of its source's
    forms: "369,5 points" beside "5,281 miles", "45.000 runners" beside "42,195 kilometres": a lone
    comma group is then read both ways), or "" when it does not say (or says both otherwise: "a field
    of 2.000" beside "3.5 points")."""
    t = bool(_DOT_THOUSANDS.search(text))
    d = bool(_dot_decimal_re().search(text))
    if t and d:
        # both conventions written, one of them with a comma: a translation's "369,5 points" or
        # "45.000 runners" beside "42,195 kilometres" leaves a lone comma group either way; "a field
        # of 2.000" beside "3.5 points" says nothing of commas (undecided)
        return "mixed" if _COMMA_IN_NUMBER.search(text) else ""
    return "dot_thousands" if t else "dot_decimal" if d else ""


_SPACES = regex.compile(r"[\u00a0\u202f\u2009 ]")
_COMMA_IN_NUMBER = regex.compile(r"(?<![\d.,])[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]{1,3}(?![0-9.,])")
_DOTTED_GROUPS = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,4}(?:,[0-9]+)?|[0-9]{1,3}\.[0-9]{3},[0-9]+")
_COMMA_GROUPS = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_COMMA_DECIMAL = regex.compile(r"[0-9]+,[0-9]+")
_ONE_DOT_GROUP = regex.compile(r"[0-9]{1,3}\.[0-9]{3}")
_ONE_COMMA_GROUP = regex.compile(r"[0-9]{1,3},[0-9]{3}")


def _read_digits(raw: str, conv: str) -> tuple[float, float, float | None, float]:
    """(value, rounding unit, other reading or None, its unit) of a digit string."""
    clean = _SPACES.sub("", raw)
    if _DOTTED_GROUPS.fullmatch(clean):
        clean = clean.replace(".", "").replace(",", ".")  # 18.768.639 / 1.234,5
    elif _ONE_COMMA_GROUP.fullmatch(clean) and conv == "mixed":
        # "5,281 miles" in a text that also writes "369,5 points": thousands or a decimal comma
        thousands = float(clean.replace(",", ""))
        return thousands, rounding_unit(thousands), float(clean.replace(",", ".")), 0.001
    elif _COMMA_GROUPS.fullmatch(clean):
        clean = clean.replace(",", "")  # 94,300 / 1,234.5
    elif _COMMA_DECIMAL.fullmatch(clean):
        clean = clean.replace(",", ".")  # 25,5 / 2,25
    elif _ONE_DOT_GROUP.fullmatch(clean) and conv != "dot_decimal":
        thousands = float(clean.replace(".", ""))
        if conv == "dot_thousands":
            return thousands, rounding_unit(thousands), None, 1.0
        dec = float(clean)
        return dec, 0.001, thousands, rounding_unit(thousands)
    decimals = len(clean.split(".")[1]) if "." in clean else 0
    value = float(clean)
    return value, rounding_unit(value, decimals), None, 1.0


@cache
def _hedge_re() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<h>{alternation(lang().hedges)})\s+(?:an?\s+)?$", regex.IGNORECASE
    )


@cache
def _preposition_re() -> regex.Pattern[str]:
    """A word before a hedge that makes it a preposition ("confronted him about", "a row over")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['hedge_preposition_after'])})\s+$",
                         regex.IGNORECASE)


@cache
def _place_under_re() -> regex.Pattern[str]:
    """A word before "under"/"below" that makes it a place ("drifting down under", "touchdown under")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().data['place_under_after'])})\s+$",
                         regex.IGNORECASE)


# a length in time or a share right after a number ("landed under 10 minutes later", "fell below 5%":
# "under" is "less than")
_TIME_AFTER = regex.compile(r"\s*(?:%|per\s*cent|(?:[\p{L}-]+\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|"
                            r"days?|weeks?|months?|years?)(?![\p{L}]))", regex.IGNORECASE)


def _a_preposition(head: str, h: regex.Match[str], after: str = "") -> bool:
    """Is the hedge matched in `head` a preposition there ("confronted him about", "a row over",
    "drifting down under three parachutes", not "landed under 10 minutes later")?"""
    word = h.group("h").lower()
    if (word in ("under", "below") and _place_under_re().search(head, 0, h.start()) is not None
            and not _TIME_AFTER.match(after)):
        return True
    return (word in lang().data["hedge_prepositions"]
            and _preposition_re().search(head, 0, h.start()) is not None)


def hedge_before(text: str) -> tuple[str, int] | None:
    """The hedge ending `text` ("more than ", "up to an "): its class and where it starts."""
    m = _hedge_re().search(text[-40:])
    if not m or _a_preposition(text[-40:], m):
        return None
    return lang().hedges[regex.sub(r"\s+", " ", m.group("h").lower())], len(text) - len(text[-40:]) + m.start()


@cache
def _magnitude_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?:{alternation(lang().magnitudes)})(?![\p{{L}}])", regex.IGNORECASE)


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
            # "two hundred"; "twelve hundred", "twenty-five hundred" (1,200 and 2,500, as people say them)
            or (cls == "hundred" and last in ("unit", "tens") and (current < 10 or (current < 100 and not total)))
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


def find_numbers(text: str, offset: int = 0, conv: str | None = None) -> list[Number]:
    """Every number in `text` (offsets shifted by `offset`), with its hedge. `conv` is the
    document's number convention (see `convention`); by default `text`'s own."""
    if conv is None:
        conv = convention(text)
    return list(_find_numbers(text, offset, conv))


@cache
def _range_join() -> regex.Pattern[str]:
    return regex.compile(r"\A\s*(?:to|–|—|-)\s*(?:\p{Sc}|[A-Z]{3}\s?|[A-Z]{1,2}\p{Sc})?\Z")


_BETWEEN = regex.compile(r"(?r)\bbetween\s+(?:\p{Sc}|[A-Z]{3}\s?)?", regex.IGNORECASE)  # backwards, see above
_AND = regex.compile(r"\A\s+and\s+(?:\p{Sc}|[A-Z]{3}\s?)?\Z", regex.IGNORECASE)
_FROM_BEFORE = regex.compile(r"(?r)\bfrom\s+(?:\p{Sc}|[A-Z]{3}\s?)?", regex.IGNORECASE)


#: scale words only English writes, after which a point is a decimal point
_ENGLISH_SCALES = frozenset({"thousand", "million", "billion", "trillion", "k", "m", "bn", "bln", "mn", "mln",
                             "tn", "trn"})


@lru_cache(maxsize=8192)
def _find_numbers(text: str, offset: int, conv: str) -> tuple[Number, ...]:
    found: list[Number] = []
    mults: list[float] = []
    for m in _number_re().finditer(text):
        if m.group("digits"):
            try:
                value, unit, alt, alt_unit = _read_digits(m.group("digits"), conv)
            except ValueError:
                continue  # a run of digits and separators no convention reads: no number
            end = m.end()
            if m.group("half"):
                frac = _fraction_after(m.group("half"))
                value, unit = value + frac, frac
                alt = None
            k = 1.0
            mult = (m.group("mult") or "").lower().rstrip(".")
            if mult.endswith("s") and mult[:-1] in _words():
                mult = mult[:-1]
            short = (m.group("short") or "").lower()
            if short:
                sm = _short_mults()[short]
                if sm.get("after_currency") and not _currency_before_re().match(text, 0, m.start()):
                    end = m.end("half") if m.group("half") else m.end("digits")
                else:
                    k = float(sm["value"])  # type: ignore[arg-type]
            elif mult:
                k = float(_short_mults()[mult]["value"]) if mult in _short_mults() else _words().get(mult, 1.0)  # type: ignore[arg-type]
            n = _hedged(text, offset, m.start(), end, value * k, unit * k, words=False)
            n = _signed(text, offset, m.start(), n)
            if alt is not None and (mult in _ENGLISH_SCALES or short in _ENGLISH_SCALES) and "." in m.group("digits"):
                # "A$2.875 million", "$1.575m": before an English scale word the point is a decimal
                # point (a translation writes "2.875 millones" for 2,875 million, not "million"); a
                # comma keeps both readings in a text writing both conventions ("170,799 billion
                # Dollar" beside "64,8 billion": a translation's decimal comma, or thousands)
                alt = None
            if alt is not None:
                n = replace(n, alt=alt * k, alt_unit=alt_unit * k)
            found.append(n)
            mults.append(k)
        else:
            base = m.start("words")
            parts = parse_words(m.group("words"))
            for i, (a, b, v) in enumerate(parts):
                unit = rounding_unit(v)
                if i == len(parts) - 1 and m.group("point") and v == int(v) and v < 1000:
                    # "one point three million" = 1.3 million, "nine point eight zero" = 9.80
                    digits = [_digit_words()[w.lower()] for w in m.group("point").split()[1:]]
                    v = v + sum(d / 10 ** (j + 1) for j, d in enumerate(digits))
                    unit = 10.0 ** -len(digits)
                    b = m.end("point") - base
                    if m.group("pmult"):
                        k = _words().get(m.group("pmult").lower(), 1.0)
                        v, unit, b = v * k, unit * k, m.end() - base
                    v = round(v, 9)
                elif i == len(parts) - 1 and m.group("whalf"):
                    frac = _fraction_after(m.group("whalf"))
                    # "a billion and a fifth", "two million and a half": a fraction of the scale
                    # word it follows (1.2 billion), not of one
                    last = m.group("words")[a:b].split()[-1].split("-")[-1].lower()
                    per = _words().get(last, 1.0) if last in _scale_words() else 1.0
                    b, v, unit = m.end() - base, v + frac * per, frac * per
                    if m.group("wmult"):
                        k = _words().get(m.group("wmult").lower(), 1.0)
                        v, unit = v * k, unit * k
                n = _hedged(text, offset, base + a, base + b, v, unit, words=True)
                found.append(_signed(text, offset, base + a, n))
                mults.append(1.0)
    low = text.lower()
    if "half" in low or "quarter" in low or "th" in low and _PARTS_HINT.search(low):
        # a fraction wins over a number it overlaps when it starts first (or at the same place), as
        # one scan of both patterns would have it: "half a million" is not "million"
        fracs = _fractions(text, offset)
        if fracs:
            merged: list[tuple[int, int, Number, float]] = sorted(
                [(n.start, 0, n, 1.0) for n in fracs] + [(n.start, 1, n, k) for n, k in zip(found, mults)],
                key=lambda t: (t[0], t[1]))
            kept: list[tuple[Number, float]] = []
            for _, _, n, k in merged:
                if kept and n.start < kept[-1][0].end:
                    continue
                kept.append((n, k))
            found, mults = [n for n, _ in kept], [k for _, k in kept]
    found, mults = _ranges(text, offset, found, mults)
    magnitudes = [
        Number(start=offset + m.start(), end=offset + m.end(),
               value=(v := float(lang().magnitudes[regex.sub(r"\s+", " ", m.group(0).lower())])), unit=v,
               hedge_start=-1, text=m.group(0), words=True, magnitude=True)
        for m in _magnitude_re().finditer(text)
    ]
    if magnitudes and found:
        # "2 thousands years", "68,7 billions": a plural scale after a number is that number's
        fstarts = [n.start for n in found]
        magnitudes = [g for g in magnitudes if not _inside(g.start, fstarts, found)]
    if magnitudes:
        # drop the digits/words a magnitude phrase contains ("tens of thousands"): one pass
        starts = [g.start for g in magnitudes]
        found = [n for n in found if not _inside(n.start, starts, magnitudes)] + magnitudes
    found.sort(key=lambda n: n.start)
    return tuple(found)


def _inside(pos: int, starts: list[int], spans: list[Number]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i].start <= pos < spans[i].end


def _ranges(text: str, offset: int, found: list[Number], mults: list[float]) -> tuple[list[Number], list[float]]:
    """Join "60,000 to 90,000", "$14m–$15m", "between 2 and 3 million" into one Number with `hi`;
    drop a number after a hyphen that is no range's end ("2021-12-07")."""
    out: list[Number] = []
    outm: list[float] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            between = text[a.end - offset : b.start - offset]
            before = a.span_start - offset  # what ends there is matched backwards (see _FROM_BEFORE)
            lo, lo_unit = a.value, a.unit
            if mults[i] == 1.0 and mults[i + 1] > 1.0 and a.value < b.value / mults[i + 1]:
                lo, lo_unit = a.value * mults[i + 1], a.unit * mults[i + 1]
            joined = (_range_join().match(between) and not _FROM_BEFORE.match(text, 0, before)) or (
                _AND.match(between) and _BETWEEN.match(text, 0, before))
            tail = text[b.end - offset : b.end - offset + 2]
            if (joined and lo < b.value and not b.hedge and a.alt is None and b.alt is None
                    and a.words == b.words and not regex.match(r"-\d", tail)):
                out.append(replace(a, value=lo, unit=max(lo_unit, b.unit), hi=b.value, end=b.end,
                                   text=text[a.start - offset : b.end - offset]))
                outm.append(mults[i + 1])
                i += 2
                continue
        s = a.start - offset
        if not (s >= 2 and text[s - 1] == "-" and text[s - 2].isdigit()):
            out.append(a)
            outm.append(mults[i])
        i += 1
    return out, outm


# a minus sign right before a number ("-7 °C", "−7", "minus 20 degrees", "(-0.5%)"), not a hyphen
# after a figure ("10 - 15", "2-1") or a word ("Covid-19")
_SIGN = regex.compile(r"(?r)(?:(?<=^|[\s(\[])[-−–]|(?<![\p{L}])(?:minus|negative)\s+)")


def _signed(text: str, offset: int, a: int, n: Number) -> Number:
    """`n` negated when a minus sign or "minus" stands right before it. A hedge on a negative figure
    is read as "about" ("nearly minus 20" is near it on either side as far as a reader cares)."""
    m = _SIGN.match(text, 0, a)
    if m is None or m.end() != a or text[: m.start()].rstrip()[-1:].isdigit():
        return n  # (not "2 -1", "10 – 15": a score, a range)
    return replace(n, value=-n.value, hi=None if n.hi is None else -n.hi, alt=None if n.alt is None else -n.alt,
                   hedge="about" if n.hedge else "", start=offset + m.start(), text=text[m.start():a] + n.text)


def _hedged(
    text: str, offset: int, a: int, b: int, value: float, unit: float, *, words: bool
) -> Number:
    head = text[max(0, a - 40) : a]
    h = _hedge_re().search(head)
    hedge = ""
    hs = -1
    if h and not _a_preposition(head, h, text[b : b + 30]):
        hedge = lang().hedges[regex.sub(r"\s+", " ", h.group("h").lower())]
        hs = offset + a - len(head) + h.start()
    return Number(
        start=offset + a, end=offset + b, value=value, unit=unit, hedge=hedge,
        hedge_start=hs, text=text[a:b], words=words,
    )
