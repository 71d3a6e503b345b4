"""Durations from seconds to months: "97 seconds", "two hours and one minute", "a 90-minute call",
"1.5 hours", "an hour and 45 minutes", "3 days, 4 hours and 12 minutes", "3,5 days",
"a six-day trip", "nearly a week", "more than two months", "the better part of a week"; race times
"9.80s", "9.80 sec", "9,80 seconds", `9"80` (seconds"hundredths), and with a fact's opt-in keys
race clocks ("2:06:35", "3:43.13", `clock: true`) and bare decimals ("won in 9.80", `bare: seconds`).

Values are minutes; a mention is an interval. A compound ("3 days, 4 hours and 12 minutes") is
one reading, as precise as its smallest unit. An adjective ("a six-day trip") is read as "about".
A race time is as precise as it is written: "9.8" stands for 9.75 to 9.85 seconds, "9.80" for 9.795
to 9.805.
Unit words are data (factcheck/data/en/durations.yaml); numbers and hedges come from
factcheck/numbers.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._patterns import compile_option
from factcheck.kinds._units import unit_after
from factcheck.kinds.base import Context, Reading
from factcheck.kinds.quantity import doc_convention
from factcheck.lang import alternation, lang, pack
from factcheck.model import Interval
from factcheck.numbers import LOWER_HEDGES, UPPER_HEDGES, find_numbers, half_width, interval
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
def _long_re() -> regex.Pattern[str]:
    # "a day-long rescue", "week-long talks" (durations.yaml `long_words`); the plural ("weeks-long")
    # says only "several" and is not read
    words = alternation(_data()["long_words"]["units"])
    return regex.compile(rf"(?<![\p{{L}}-])(?:(?P<a>an?)\s+)?(?P<unit>{words})-long(?![\p{{L}}-])",
                         regex.IGNORECASE)


@cache
def _decimal_comma_re() -> regex.Pattern[str]:
    # "3,5 days", "9,80s": a comma followed by one or two digits is no thousands separator
    unit = alternation(units())
    return regex.compile(rf"(?<![\p{{L}}\d.,])(?P<n>\d{{1,4}},\d{{1,2}})"
                         rf"(?=[-\s]+(?:{unit})(?![\p{{L}}])|\s?(?:(?i:secs?)|s)(?![\p{{L}}\d'’]))",
                         regex.IGNORECASE)


# -- race times ----------------------------------------------------------------------------------
# "9.80s", "9.80 s", "9.80sec", "45secs": seconds written tight or as "s". A lone "s" only after
# decimals: "the 1980s" and "in his 20s" are a decade and an age.
_TIGHT_SECONDS = regex.compile(r"\A(?P<sep>\s?)(?P<unit>(?i:secs?)|s)(?![\p{L}\d'’])")
_DECIMALS = regex.compile(r"\A[0-9]+[.,](?P<d>[0-9]+)\Z")
# "7min 29sec", "2hrs": an abbreviated unit written onto its number (seconds: `_TIGHT_SECONDS`)
_TIGHT_UNIT = regex.compile(r"\A(?P<sep>)(?P<unit>mins?|hrs?)(?![\p{L}\d])", regex.IGNORECASE)
# 9"80 (seconds, then hundredths, as European results write them), 1'43"13 (minutes too)
_MARK = r"(?:\"|''|″|”)"
_NOTATION = regex.compile(
    rf"(?<![\d.,:'’′\"″”])(?:(?P<m>[0-9]{{1,2}})['’′](?P<ms>[0-5][0-9])|(?P<s>[0-9]{{1,3}})){_MARK}"
    r"(?P<f>[0-9]{1,2})(?![0-9]|[.,:][0-9])")
# minutes and seconds as sport reports write them: "1'57''", "1'57\"", "1′57″" (no hundredths)
_MIN_SEC = regex.compile(r"(?<![\d.,:'’′\"″”])(?P<m>[0-9]{1,3})['’′](?P<s>[0-5][0-9])(?:''|’’|[\"″”])(?![0-9])")
# race clocks, with `clock: true`: h:mm:ss ("2:06:35", "2:06:35.2") and m:ss.xx ("3:43.13"); a plain
# "1:20" is a time of day as often as a length, and is not read
_CLOCK = regex.compile(
    # h:mm:ss, or h.mm.ss as translations write it ("stopped the clock at 2.13.44"): one separator
    r"(?<![\d:.,])(?:(?P<h>[0-9]{1,2})(?P<sep>[:.])(?P<hm>[0-5][0-9])(?P=sep)(?P<hs>[0-5][0-9])"
    r"(?:[.,](?P<hf>[0-9]{1,3}))?"
    r"|(?P<m>[0-9]{1,2}):(?P<ms>[0-5][0-9])[.,](?P<mf>[0-9]{1,3})"
    # "the second half in 59:47", "a 60:48 first half": minutes and seconds with no fraction, when the
    # minutes cannot be an hour of the day (24 to 99)
    r"|(?P<mm>2[4-9]|[3-9][0-9]):(?P<ss>[0-5][0-9]))(?![0-9:]|[.,][0-9])")
@cache
def _hours_minutes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Hours and minutes written like a clock, with a plural word for hours ("lasted 8:41 hours",
    "after 11:05 Stunden"), and the words before one that make it a time of day ("at 18:00 hours"):
    `clock_hours` in durations.yaml."""
    d = _data()["clock_hours"]
    return (regex.compile(rf"(?<![\d:.,])(?P<h>[0-9]{{1,2}}):(?P<m>[0-5][0-9])\s?(?:{alternation(d['hours'])})"
                          r"(?![\p{L}])", regex.IGNORECASE),
            regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['before_clock'])})\s+$", regex.IGNORECASE))


# a time gap with its sign, as results lists write it: "+7:29", "+ 10:56", "+1:02:13"
_GAP = regex.compile(r"(?<![\p{L}\d+])\+\s?(?:(?P<h>[0-9]{1,2}):(?=[0-5][0-9]:))?(?P<m>[0-9]{1,2}):(?P<s>[0-5][0-9])"
                     r"(?![0-9]|[:.,][0-9])")
# a gap in m:ss or h:mm:ss said as one in words: "finished 1:38 ahead of", "beat him by 2:43", "lost
# 5:45 to": a plain "1:38" is a time of day as often as a length; these words make it a gap
_SEXAGESIMAL = regex.compile(r"(?<![\d:.,+])(?:(?P<h>[0-9]{1,2}):(?=[0-5][0-9]:))?(?P<m>[0-9]{1,2}):(?P<s>[0-5][0-9])"
                             r"(?![0-9]|[:.,][0-9])")


@cache
def _gap_words() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """(after the time, a verb right before it, what follows that verb's time) of a worded gap."""
    d = _data()["gap_words"]
    # "by" after a word of winning or leading, a few words back ("beat the Slovenian by 2:43"), not a
    # deadline ("by 2:43 the crowd had gone"): the words that make "by" a margin's (roles.yaml)
    by_after = pack("roles")["margin"]["by_after"]
    by = rf"(?P<by>(?<![\p{{L}}])(?:{alternation(by_after)})\s+(?:[\p{{L}}'’-]+\s+){{0,4}}by)"
    return (regex.compile(rf"\A\s+(?:{alternation(d['after'])})(?![\p{{L}}])", regex.IGNORECASE),
            regex.compile(rf"(?:{by}|(?<![\p{{L}}])(?:{alternation(d['before'])}))\s+$", regex.IGNORECASE),
            regex.compile(rf"\A\s+(?:{alternation(d['verb_then'])})(?![\p{{L}}])", regex.IGNORECASE))


# a clock time of day or a dotted time ("06:47:44 GMT", "9.45 pm", "at 21.50 local"): no length
# an hours word after a race clock to the second: "2:01:09 hours" (a translation's "Stunden") is a length
_HOURS_AFTER = regex.compile(r"\s*(?:hours?|hrs?|h|Stunden|heures|horas|ore)(?![\p{L}])", regex.IGNORECASE)
_OF_DAY = regex.compile(r"\A\s*(?:[ap]\.?\s?m\b|(?i:local|o['’]clock|uhr|hours?|hrs?)\b|h\b|GMT\b|UTC\b|Z\b"
                        r"|[A-Z]{1,4}T\b)")


@cache
def _bare_after_re() -> regex.Pattern[str]:
    """What may not follow a bare race time: a letter or a sign right after it ("9.80m", "9.80%",
    "9.80-metre"), another number ("9.80-9.85", "9.80/10"), a unit or a figure's word."""
    words = alternation([*lang().data["bare_number_not_before"], *units()])
    return regex.compile(rf"\A(?:-?\p{{L}}|\s*[%‰°\p{{Sc}}]|\s*[-–/x×:]\s*[0-9]|[.,][0-9]"
                         rf"|[-\s]+(?:{words})(?![\p{{L}}]))", regex.IGNORECASE)


_CURRENCY_BEFORE = regex.compile(r"(?:\p{Sc}|\b[A-Z]{3})\s*$")


def decimals_of(raw: object) -> int:
    """The decimal places of a duration as written ("9.80 seconds" -> 2, `9"8` -> 1, "97 seconds" -> 0)."""
    m = regex.search(rf"[0-9](?:\.|,(?=[0-9]{{1,2}}(?![0-9]))|{_MARK})([0-9]+)", str(raw))
    return len(m.group(1)) if m else 0


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
_HYPHENED_NEXT = regex.compile(r"-(?P<n>[0-5]?[0-9])-(?P<u>minute|second)(?![\p{L}])", regex.IGNORECASE)
_JOIN = regex.compile(r"\s*,?\s*(?:and\s+)?", regex.IGNORECASE)
# two digits of minutes (seconds) after hours (minutes) with no unit, then a break: "1 hour 50,",
# "2 h 05 after the start" (not "2 hours 15 people": a word that counts follows)
# (or with the seconds' symbol alone after minutes, as a fact box writes them: "3 min 30 s")
_BARE_SIXTIETHS = regex.compile(r"\s+(?P<n>[0-5][0-9])(?=\s*(?:[,.;:!?)\]]|[—–]|$)|\s?s(?![\p{L}\d])|"
                                r"\s+(?:after|before|and|but|"
                                r"according|in|on|at|for|to|from|by|with|while|when|as|than|which|that|"
                                r"ahead|behind)(?![\p{L}]))", regex.IGNORECASE)
_SECONDS_SYMBOL = regex.compile(r"\s?s(?![\p{L}\d])")
# "two hours later", "hours after": a distance in time, not how long something lasted.
_SOMEDAY = regex.compile(r"(?i)(?<![\p{L}])(?:would|will|could|might|may|should|can|must|shall|to|and|that)\s+$")
# ("7 minutes 29 seconds ahead of Pogacar", "of difference": a gap, read; its role, a margin, is
# the checker's to weigh: factcheck/roles.py)
_NOT_LENGTH = regex.compile(r"\A(?:\s+(?:ago|of\s+delay"
                            r"|old|of\s+age)|-old)\b",  # "a 46-year-old", "31 years old": an age
                            regex.IGNORECASE)
# "nine days after they went missing", "55 days later": a distance in time between two moments, which
# is also how long passed between them: read as a length loosely (it may agree with an elapsed time,
# never accuse), and firmly after "for" ("for almost two months before crews floated it free")
# ... and "Ten years on, ...", "two decades on from the final" (not "ten days on the ice")
_OFFSET = regex.compile(r"\A\s+(?:later|earlier|before|after|on(?=\s*(?:[,.;:!?]|$)|\s+from\b))\b",
                        regex.IGNORECASE)
_CLOCK_HOUR = regex.compile(r"(?i)(?:[01]?\d|2[0-3])[.,][0-5]\d\s*hours?")
_THE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])the\s+$")
# "opened at 7 hours and closed at 22 hours", "until 22 hours", "began at 14 h local time (16 h Swiss
# hour)": an hour of the clock as a translation writes it ("à 7 heures", "bis 22 Uhr", "à 14 h"), not
# a length
_WHOLE_HOURS = regex.compile(r"(?i)(?:[01]?\d|2[0-4])\s*(?:hours?|h)")
_AT_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:at|until|till|untill)\s+$")


@cache
def _zone_after_re() -> regex.Pattern[str]:
    """A zone right after "N hours" ("21 hours hour of Brussels", "22 hours local"): a clock time."""
    from factcheck.kinds.time import _zone_alt

    return regex.compile(rf"\s+(?:{_zone_alt()})", regex.IGNORECASE)


_INTO_AFTER = regex.compile(r"(?i)\s+(?:into|in|of|after|before|later|earlier)\b")  # "at 7 hours into the count"
_FOR_BEFORE = regex.compile(r"(?i)(?<![\p{L}])for\s+$")


@cache
def _countdown_re() -> regex.Pattern[str]:
    """ "in <length>" after a word of the future in its clause ("The signal should arrive in about 20
    minutes", "the capsule will land in two hours"): a time still to run from the writing, not how
    long something lasts (durations.yaml `countdown_before`)."""
    words = alternation(_data()["countdown_before"])
    return regex.compile(rf"(?<![\p{{L}}'’])(?:{words})\s+(?:[\p{{L}}'’-]+\s+){{0,4}}in\s+$", regex.IGNORECASE)


@cache
def _change_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A change of a length, not a length (durations.yaml `change_before` / `change_after`): "was
    postponed by two weeks", "shaved about three years off the trip"."""
    d = _data()
    return (regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['change_before'])})\s+$", regex.IGNORECASE),
            regex.compile(rf"\A\s+(?:{alternation(d['change_after'])})(?![\p{{L}}])", regex.IGNORECASE))


@dataclass(frozen=True)
class CalendarLength(Interval):
    """A length written in months or years: its interval in minutes (a month is 28 to 31 days, so
    it is widened by the spread) and, apart, the count of that unit as written. Two lengths written
    in the same unit compare by their counts: "six months" is no "5 months", though 5.5 months of
    31 days outlast 5.5 months of 28."""

    unit: str = ""
    count: Interval | None = None


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
    solo: bool = False  # a race time or clock: never part of a compound
    bare: bool = False  # a number with no unit, read in the fact's `bare` unit
    signed: bool = False  # a results list's gap ("+7:29"): stated as a margin by its sign
    hi: float | None = None  # a range's upper number ("one to four months", "1-4 hours"), in units


@dataclass(frozen=True)
class Bare:
    """A fact's `bare` key: bare decimals are read in this unit (minutes per unit), and only those
    with the fact's own number of decimal places."""

    per: float
    decimals: int


def _race_atoms(text: str, clock: bool) -> list[_Atom]:
    """9"80, 1'43"13 and 1'57'' always; h:mm:ss, m:ss.xx and mm:ss (minutes 24 to 99) with `clock`."""
    sec = units()["seconds"]
    out: list[_Atom] = []
    for m in _NOTATION.finditer(text):
        f = m.group("f")
        whole = int(m.group("m")) * 60 + int(m.group("ms")) if m.group("m") else int(m.group("s"))
        out.append(_Atom(m.start(), m.start(), m.end(), whole + int(f) / 10 ** len(f), sec, "seconds",
                         10.0 ** -len(f), solo=True))
    for m in _MIN_SEC.finditer(text):
        if not any(x.qstart <= m.start() < x.end for x in out):
            out.append(_Atom(m.start(), m.start(), m.end(), float(int(m.group("m")) * 60 + int(m.group("s"))), sec,
                             "seconds", 1.0, solo=True))
    for m in _GAP.finditer(text):
        # "2. Tadej Pogacar (SLO) +7:29", "+1:02:13": a results list's time gap, never a time of day
        whole = (int(m.group("h") or 0) * 3600 + int(m.group("m")) * 60 + int(m.group("s")))
        out.append(_Atom(m.start(), m.start(), m.end(), float(whole), sec, "seconds", 1.0, solo=True, signed=True))
    hours_minutes, before_clock = _hours_minutes()
    for m in hours_minutes.finditer(text):
        # "the fifth set alone had lasted 8:41 hours", "after 11:05 hours" (a translated "11:05
        # Stunden"): hours and minutes with the word for hours; not "at 18:00 hours", a time of day
        if any(x.qstart <= m.start() < x.end for x in out) or before_clock.search(text, max(0, m.start() - 8),
                                                                                  m.start()):
            continue
        whole = int(m.group("h")) * 3600 + int(m.group("m")) * 60
        out.append(_Atom(m.start(), m.start(), m.end(), float(whole), sec, "seconds", 60.0, solo=True))
    after, before, then = _gap_words()
    for m in _SEXAGESIMAL.finditer(text):
        # "1:38 ahead of Pogacar", "by 2:43", "lost 5:45 to": a gap in words, never a time of day
        b = before.search(text, max(0, m.start() - 80), m.start())
        rest = text[m.end():]
        if any(x.qstart <= m.start() < x.end for x in out) or _OF_DAY.match(rest) \
                or not (after.match(rest) or b and (b.group("by") or then.match(rest))):
            continue
        whole = (int(m.group("h") or 0) * 3600 + int(m.group("m")) * 60 + int(m.group("s")))
        # its role (a margin or not) is the words', as for "5 minutes 45 seconds" (factcheck/roles.py)
        out.append(_Atom(m.start(), m.start(), m.end(), float(whole), sec, "seconds", 1.0, solo=True))
    if clock:
        for m in _CLOCK.finditer(text):
            if any(x.qstart <= m.start() < x.end for x in out):
                continue
            if _OF_DAY.match(text[m.end():]) and not (m.group("h") and _HOURS_AFTER.match(text, m.end())):
                continue  # "at 18:00:00 hours", "11:16:09 CEST"; not "won in 2:01:09 hours", a length
            if m.group("h"):
                whole, f = int(m.group("h")) * 3600 + int(m.group("hm")) * 60 + int(m.group("hs")), m.group("hf")
            elif m.group("mm"):
                whole, f = int(m.group("mm")) * 60 + int(m.group("ss")), ""
            else:
                whole, f = int(m.group("m")) * 60 + int(m.group("ms")), m.group("mf")
            f = f or ""
            out.append(_Atom(m.start(), m.start(), m.end(), whole + (int(f) / 10 ** len(f) if f else 0), sec,
                             "seconds", 10.0 ** -len(f), solo=True))
    return out


def _bare_ok(text: str, a: int, b: int, bare: Bare, ambiguous: bool) -> bool:
    """Is the number at [a, b) a race time with no unit ("won in 9.80", "Smith 9.84, a personal best")?"""
    raw = text[a:b]
    m = _DECIMALS.match(raw)
    if not m or len(m.group("d")) != bare.decimals or len(raw) - len(m.group("d")) > 4:
        return False
    if ambiguous or ("," in raw and bare.decimals == 3):  # "1.500", "1,500": thousands as likely
        return False
    after = text[b:]
    if _bare_after_re().match(after) or _OF_DAY.match(after) or unit_after(after) is not None:
        return False
    return not _CURRENCY_BEFORE.search(text[max(0, a - 6) : a])


def _atoms(text: str, clock: bool = False, bare: Bare | None = None) -> list[_Atom]:
    table = units()
    out: list[_Atom] = _race_atoms(text, clock)
    taken: list[tuple[int, int]] = [(x.qstart, x.end) for x in out]
    for at in out:
        _lead(text, at)
    extra = [(m.start("n"), m.end("n"), float(m.group("n").replace(",", ".")), 10.0 ** -len(m.group("n").split(",")[1]),
              False, False, None)
             for m in _decimal_comma_re().finditer(text)]
    nums = [(n.start, n.end, n.value, n.unit, n.magnitude, n.ambiguous or n.hi is not None, n.hi)
            for n in find_numbers(text)]
    nums = [n for n in nums if not any(a <= n[0] < b for a, b, *_ in extra)]
    for a, b, value, rounding, magnitude, odd, hi in sorted([*nums, *extra], key=lambda n: n[:3]):
        if magnitude or any(x <= a < y for x, y in taken):
            continue
        m = _unit_re().match(text[b:]) or _TIGHT_UNIT.match(text[b:])
        if not m:
            t = _TIGHT_SECONDS.match(text[b:])
            if t and not odd and (t.group("unit") != "s" or _DECIMALS.match(text[a:b])):
                at = _Atom(a, a, b + t.end(), value, table["seconds"], "seconds", rounding)
            elif bare is not None and _bare_ok(text, a, b, bare, odd):
                at = _Atom(a, a, b, value, bare.per, "", rounding, solo=True, bare=True)
            else:
                continue
            _lead(text, at)
            out.append(at)
            taken.append((a, at.end))
            continue
        word = m.group("unit").lower()
        at = _Atom(a, a, b + m.end(), value, table[word], word, rounding, adjective="-" in m.group("sep"),
                   hi=hi if hi is not None and hi > value else None)
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
    for m in _long_re().finditer(text):
        if any(a <= m.start("unit") < b for a, b in taken):
            continue
        word = m.group("unit").lower()
        lo, hi = _data()["long_words"]["share"]
        at = _Atom(m.start(), m.start(), m.end(), 1.0, table[word], word, 1 / 6, article=True,
                   part=(float(lo), float(hi)))
        _lead(text, at)
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


#: the calendar unit of a length in minutes ("Monate", "meses" and "months" are the same unit)
_CALENDAR = {43830.0: "month", 525960.0: "year"}


def _spread(word: str) -> float:
    return float(_data().get("spread", {}).get(word, 0.0))


def _snap(iv: Interval) -> Interval:
    """Bounds rounded below float noise: 9.80 s ends exactly where 9.81 s begins, so the two
    stated times never overlap by a hair (9.8 + 0.005 > 9.81 - 0.005 in floats)."""
    return Interval(round(iv.lo, 9), round(iv.hi, 9), iv.lo_open, iv.hi_open)


def _places(rounding: float) -> int:
    """The decimal places a rounding unit shows (0.01 -> 2, 1 -> 0)."""
    return min(6, max(0, math.ceil(-math.log10(rounding) - 1e-9))) if 0 < rounding < 1 else 0


def _seconds_text(iv: Interval) -> str:
    """A sub-minute interval in seconds, to the precision it holds ("[9.795, 9.805) s")."""
    lo, hi = iv.lo * 60, iv.hi * 60
    d = min(6, max(0, math.ceil(-math.log10(hi - lo) - 1e-9) + 1)) if hi > lo and not math.isinf(hi) else 2
    return f"{'(' if iv.lo_open else '['}{lo:.{d}f}, {'inf' if math.isinf(hi) else f'{hi:.{d}f}'}" \
           f"{')' if iv.hi_open else ']'} s"


# "59.47 minutes", "4.42 hours" in a text that writes decimals with a comma: minutes and seconds,
# hours and minutes, as a translation from such a language writes them
_DOTTED_SIXTIETHS = regex.compile(r"(?P<a>[0-9]{1,2})\.(?P<b>[0-5][0-9])\s*(?:minutes?|mins?|hours?|hrs?)(?![\p{L}])",
                                  regex.IGNORECASE)


_DOTTED_CLOCK = regex.compile(r"(?<![0-9.,])[0-9]{1,2}\.[0-5][0-9]\.[0-5][0-9](?![0-9]|[.,][0-9])")


def _dotted_doc(ctx: Context) -> bool:
    """Does the article write times with dots ("2.00.35", "1.00.48") or decimals with a comma
    ("48.000 runners", "1,7 km")? Then "59.47 minutes" is 59 minutes 47 seconds."""
    key = ("dotted_sixtieths", id(ctx.doc))
    if key not in ctx.cache:
        ctx.cache[key] = doc_convention(ctx) == "dot_thousands" or bool(_DOTTED_CLOCK.search(ctx.doc.text))
    return bool(ctx.cache[key])


def read_durations(text: str, offset: int = 0, *, clock: bool = False, bare: Bare | None = None,
                   sixtieths: bool = False) -> list[Reading]:
    """All durations in `text`; offsets shifted by `offset`. `clock` also reads race clocks
    ("2:06:35", "3:43.13"), `bare` decimals with no unit ("won in 9.80"); `sixtieths` (a text
    whose decimals have a comma) reads "59.47 minutes" as 59 minutes 47 seconds."""
    atoms = _atoms(text, clock, bare)
    out: list[Reading] = []
    i = 0
    while i < len(atoms):
        first = atoms[i]
        chain = [first]
        end = first.end
        half = None if first.solo else _AND_HALF.match(text[end:])
        if half:
            end += half.end()
        elif not first.solo and first.hi is None:
            # "two hours and one minute", "3 days, 4 hours and 12 minutes": smaller units follow
            # (not after a range: "3 to 4 hours" is a length of its own)
            while i + 1 < len(atoms):
                nxt = atoms[i + 1]
                if nxt.solo or nxt.per >= chain[-1].per or nxt.hedge or nxt.part or nxt.adjective \
                        or _JOIN.fullmatch(text[end : nxt.start]) is None:
                    break
                chain.append(nxt)
                end = nxt.end
                i += 1
            last = chain[-1]
            joined = _HYPHENED_NEXT.match(text, end) if last.adjective else None
            per_next = {"minute": 1.0, "second": 1 / 60}.get(joined.group("u").lower()) if joined else None
            if joined is not None and per_next is not None and per_next < last.per:
                # "the moonlet's 11-hour-55-minute orbit": the smaller unit hyphened on, one length
                chain.append(_Atom(joined.start("n"), joined.start("n"), joined.end(), float(joined.group("n")),
                                   per_next, joined.group("u").lower(), 1.0, adjective=True))
                end = joined.end()
                last = chain[-1]
            tail = _BARE_SIXTIETHS.match(text, end) if last.per in (60.0, 1.0) and not last.bare else None
            if tail is not None and last.per == 60.0 and _SECONDS_SYMBOL.match(text, tail.end("n")):
                tail = None  # "3 h 30 s": the seconds' symbol after hours is no minutes
            if tail is not None and (i + 1 >= len(atoms) or atoms[i + 1].start >= tail.end()):
                # "the first jump lasted 1 hour 50", "2 h 05": the minutes (or seconds) after the
                # hours (minutes) with no unit, as a translation or a results list writes them
                chain.append(_Atom(tail.start("n"), tail.start("n"), tail.end("n"), float(tail.group("n")),
                                   last.per / 60, "minutes" if last.per == 60.0 else "seconds", 1.0))
                end = tail.end("n")
                symbol = _SECONDS_SYMBOL.match(text, end) if last.per == 1.0 else None
                if symbol is not None:
                    end = symbol.end()  # "3 min 30 s": the seconds' symbol is the reading's
        i += 1
        if _CLOCK_HOUR.fullmatch(text[first.start:end]) and _THE_BEFORE.search(text[: first.start]):
            continue  # "at the 14.05 hour": a clock time as some languages write it, translated word for word
        if len(chain) == 1 and not first.hedge and _WHOLE_HOURS.fullmatch(text[first.start:end]) \
                and (_AT_BEFORE.search(text[: first.start]) and not _INTO_AFTER.match(text[end:])
                     or _zone_after_re().match(text, end) and not _FOR_BEFORE.search(text[: first.start])):
            continue  # "closed at 22 hours local hour", "(21 hours hour of Brussels)": an hour of the clock
        if _NOT_LENGTH.match(text[end:]) or _SOMEDAY.search(text[: first.start], concurrent=False) \
                and len(chain) == 1 and not first.hedge and regex.fullmatch(r"(?i)one\s+day", text[first.start:end]):
            continue  # "two days later"; "Ukraine would one day join" (someday, no length)
        minutes = sum(a.value * a.per for a in chain)
        if half:
            minutes += first.per / 2
        dotted = None
        if len(chain) > 1:
            small = chain[-1].per
            w = half_width(minutes, small)
            # a length in several units ending in minutes or more is often cut, not rounded ("5 days,
            # 22 hours and 54 minutes" of a 5:22:54:41 mission, "142 hours and 54 minutes"): its last
            # unit reaches a whole unit up
            up = 2 * w if small >= 1 and not first.hedge else w
            iv = _snap(interval(minutes, small, first.hedge) if first.hedge
                       else Interval(minutes - w, minutes + up, hi_open=True))
        else:
            value = first.value + (0.5 if half else 0.0)
            hedge = first.hedge or ("about" if first.adjective else "")
            rounding = value / 6 if first.article else first.rounding if not half else min(first.rounding, 0.5)
            dotted = _DOTTED_SIXTIETHS.fullmatch(text, first.qstart, first.end) if sixtieths and not half else None
            if dotted:
                value, rounding = int(dotted.group("a")) + int(dotted.group("b")) / 60, 1 / 60
                minutes = value * first.per
            # a clock's trailing zeros ("just under 2:07:00") spread a hedge by minutes or hours
            sexagesimal = next((u for u in (3600.0, 60.0) if first.unit_word == "seconds" and value >= u
                                and value.is_integer() and value % u == 0), 0.0)
            iv = _snap(interval(value, rounding, hedge, spread_unit=sexagesimal)).scaled(first.per)
            if first.adjective and not first.hedge and first.hi is None and not half:
                # "a 70-minute break": a length as an adjective is about that length, within a tenth
                # (or five units of its last digit), not a tenth and half its rounding unit more
                # (58 to 82 minutes let it agree with an 80-minute break)
                w = half_width(value, rounding) * first.per
                iv = Interval(iv.lo + w, iv.hi - w, iv.lo_open, iv.hi_open)
            whole_count = rounding == 1 and value >= 2 and (value < 10 or value % 5 != 0)
            if first.adjective and not first.hedge and whole_count and first.hi is None and not half and not dotted:
                # "a 17-day mission": a length rounded or cut to a whole count of its unit, 16.5 to 18
                # days, not any length within a tenth (15.9 days is a 16- or 15-day mission, no 17-day
                # one); a figure of ten or more in fives ("a 45-minute speech") stays "about"
                whole = Interval(value - 0.5, value + 1, hi_open=True).scaled(first.per)
                iv = Interval(max(iv.lo, whole.lo), min(iv.hi, whole.hi), hi_open=whole.hi <= iv.hi)
            if first.hi is not None:
                # "one to four months", "1-4 hours", "between two and three weeks": from the first
                # number's lower bound to the second's upper one
                top = _snap(interval(first.hi, rounding, hedge)).scaled(first.per)
                iv = Interval(iv.lo, top.hi, iv.lo_open, top.hi_open)
                minutes = (value + first.hi) / 2 * first.per
            if first.article and first.value == 0.5 and not hedge:
                iv = Interval(first.per * 5 / 12, first.per * 7 / 12)  # "half an hour": 25 to 35 minutes
            s = _spread(first.unit_word)
            if s and value > 1:
                # one month is 28 to 31 days, 135 months are 4,106 days within a few: the lengths even
                # out over many ("153 months" is no "155 months"); never closer than a year's leap day
                s = max(s / value, _spread("year"))
            if s:
                count = iv.scaled(1 / first.per)
                iv = CalendarLength(iv.lo * (1 - s), iv.hi * (1 + s), iv.lo_open, iv.hi_open,
                                    unit=_CALENDAR.get(first.per, first.unit_word.lower().rstrip("s")),
                                    count=_snap(count))
        if first.part:
            lo, hi = first.part
            iv = Interval(iv.lo * lo, iv.hi * hi)
            minutes *= (lo + hi) / 2
        start = first.start
        shown: dict[str, Any] = {"minutes": round(minutes, 3), "interval": str(iv)}
        detail = f"{minutes:g} min read as {iv}"
        if chain[-1].per < 1 and iv.hi < 60:
            # a race time: in seconds, to its own precision ("9.80 s read as [9.795, 9.805) s")
            shown["seconds"] = round(minutes * 60, 6)
            detail = f"{minutes * 60:.{_places(chain[-1].rounding)}f} s read as " \
                     f"{_seconds_text(iv)}"
        if dotted:
            detail += " (written with a dot for sixtieths, as the article writes times)"
        extra: dict[str, Any] = {"bare": True} if first.bare else {}
        if len(chain) == 1 and first.adjective and not first.hedge:
            extra["adjective"] = True  # "a 32-year wait": about 32 years, by the form alone
        if first.bare:
            detail += " (a number with no unit, read in the fact's `bare` unit)"
        if first.signed:
            extra["margin"] = True  # "+7:29": a gap
        if first.hedge in _BOUNDS and not first.part:
            extra.update(bound=first.hedge, point=minutes)  # "a maximum of 30 years": a bound, at 30 years
        if _OFFSET.match(text[end:]) and not _FOR_BEFORE.search(text[: first.start]):
            extra.update(loose=True, why_loose="a distance in time between two moments, read as a length loosely")
        elif _countdown_re().search(text[max(0, first.start - 80) : first.start]):
            extra.update(loose=True, why_loose="a time still to run from the writing (\"should arrive in about 20 "
                                               "minutes\"), read as a length loosely")
        elif (before := _change_res()[0].search(text[max(0, first.start - 40) : first.start])) \
                or (after := _change_res()[1].match(text[end:])):
            # a change of a length: loose unless the fact is one (see `extract`)
            # (with the verb before "<length> off": "cutting 29 seconds off")
            lo = max(0, first.start - 40) + before.start() if before else max(0, first.start - 25)
            extra["change"] = (offset + lo, offset + (end + after.end() if not before and after else end))
        out.append(Reading(start=offset + start, end=offset + end, text=text[start:end],
                           value=iv, shown=shown, detail=detail, extra=extra))
    return out


_UPPER = UPPER_HEDGES
_BOUNDS = UPPER_HEDGES | LOWER_HEDGES
#: how far apart two bounds' figures may be and still be one bound ("up to 29 years" and "a maximum of
#: 29 years"); further than `_BOUND_OFF`, another bound ("a maximum of 30 years")
_BOUND_SAME, _BOUND_OFF = 0.01, 0.02


@cache
def _fact_bound(raw: str) -> tuple[str, float] | None:
    """A fact's value written as a bound ("up to 29 years", "more than 12 hours"): its hedge class and
    its figure in minutes; None for any other value."""
    readings = read_durations(raw)
    if len(readings) != 1 or "bound" not in readings[0].extra:
        return None
    return str(readings[0].extra["bound"]), float(readings[0].extra["point"])


def _against_bound(reading: Reading, bound: tuple[str, float]) -> bool | None | str:
    """A length read against a fact that is a bound: another statement of a bound on the same side
    agrees only at the bound's own figure ("a maximum of 30 years" against "up to 29 years"
    contradicts, as another bound), one on the other side at its figure cannot tell ("a minimum of 15
    years" against "up to 15 years"); a plain figure at the bound agrees, beyond it contradicts, and
    inside it may be another figure (a sentence given, against the maximum): it cannot tell. "" when
    the reading is neither (an approximate length: the intervals decide)."""
    side, top = bound
    rside = reading.extra.get("bound")
    if rside is not None:
        off = abs(float(reading.extra["point"]) - top) / top if top else 1.0
        if (side in _UPPER) != (rside in _UPPER):
            # "a minimum of 15 years" against "up to 15 years": a bound on the other side at the
            # fact's own figure touches it only at that figure; it may be another bound (a minimum
            # sentence beside the maximum), never an agreement
            return None if off <= _BOUND_SAME else ""
        return True if off <= _BOUND_SAME else False if off > _BOUND_OFF else None
    if _hedged(reading.text) or reading.extra.get("adjective"):
        return ""
    iv: Interval = reading.value
    mid = (iv.lo + iv.hi) / 2
    if abs(mid - top) <= _BOUND_SAME * top:
        return True
    beyond = mid > top if side in _UPPER else mid < top
    return False if beyond else None


_BARE_UNITS = ("seconds", "minutes", "hours")
_TRUE = ("true", "yes", "on")
_FALSE = ("false", "no", "off")


_SECONDS = regex.compile(r"(?i)\bs(?:ec(?:ond)?s?)?\b")


@cache
def _race_value(raw: str) -> bool:
    return decimals_of(raw) > 0 and bool(_SECONDS.search(raw))


def _race_time(fact: Fact) -> bool:
    """Is the fact's value a time in seconds with decimals, under a minute ("9.80 seconds")? Such a
    value is a race time, which pages write with no unit ("won in 9.80")."""
    iv = fact.value
    return isinstance(iv, Interval) and iv.hi < 1 and _race_value(str(fact.raw_value))


@cache
def _bare_of(per: float, raw: str) -> Bare:
    return Bare(per, decimals_of(raw))


def _edges_only(read: Interval, fact_iv: Interval, reading: Reading, fact: Fact) -> bool:
    """Two approximations that barely touch: "some 12 hours" against about 15 hours, "a 32-year
    wait" (about 32 years by its form alone) against 36 years. Neither agrees nor accuses."""
    loose_fact = _hedged(str(fact.raw_value)) or bool(reading.extra.get("adjective"))
    loose_read = _hedged(reading.text) or bool(reading.extra.get("adjective"))
    return loose_fact and loose_read and read.meets_only_at_edges(fact_iv)


@cache
def _hedge_start_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(lang().hedges)})\s", regex.IGNORECASE)


def _hedged(text: str) -> bool:
    """Does a written length carry a hedge ("about 15 hours", "some 12 hours")?"""
    return bool(_hedge_start_re().search(text))


_AFTER_WORD = regex.compile(r"\s+(?:after|since|from)\s+", regex.IGNORECASE)
_ARTICLE = regex.compile(r"(?:the|its|their)\s+", regex.IGNORECASE)


def _as_change(r: Reading, sentence: Sentence, fact: Fact) -> Reading:
    """A change of a length ("was postponed by two weeks", "shaved three years off the trip") is read
    loosely, unless the fact is one: a margin (`figure: margin`) or cued by the change's own words
    ("cut|shaved" for a record's margin: "cutting 29 seconds off the 2:01:39")."""
    span = r.extra.get("change")
    if span is None:
        return r
    phrase = sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    if fact.figure == "margin" or any(c.search(phrase) for c in fact.cues):
        return r
    return replace(r, extra={**r.extra, "loose": True,
                             "why_loose": "a change of a length (\"postponed by\", \"shaved ... off\"), read as "
                                          "a length loosely"})


def _from_moment(r: Reading, sentence: Sentence, after: Any) -> Reading:
    """A length read loosely as a distance between two moments ("about six minutes after liftoff")
    is the length itself when the moment is the fact's `after`."""
    if not r.extra.get("loose") or r.extra.get("bare"):
        return r
    at = r.end - sentence.start
    m = _AFTER_WORD.match(sentence.text, at)
    if m is None:
        return r
    art = _ARTICLE.match(sentence.text, m.end())
    if after.match(sentence.text, m.end()) is None and (art is None or after.match(sentence.text, art.end()) is None):
        return r
    extra = {k: v for k, v in r.extra.items() if k not in ("loose", "why_loose")}
    return replace(r, extra={**extra, "from_moment": True})


class DurationKind:
    name: ClassVar[str] = "duration"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "clock": Key("bool", doc="true: also read race clocks, h:mm:ss ('2:06:35') and m:ss.xx ('3:43.13'), "
                                 "as lengths"),
        "bare": Key("enum", doc="the unit of a decimal number written with no unit ('won in 9.80'): "
                                "such numbers are read in it when they have as many decimals as the value",
                    choices=_BARE_UNITS),
        "after": Key("regex", doc="the moment the length is counted from ('launch|lift-?off'): 'about six "
                                  "minutes after liftoff' is then the length itself, bound firmly (without "
                                  "it, a length before 'after'/'later' is a distance between two moments, "
                                  "read loosely)"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "a number and a unit: '121 min', 'about 90 min', '6 days', '25.5 days', '97 seconds', "
                       "'9.80 seconds'; with `clock: true` also '2:06:35', '3:43.13'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> Interval:
        if not isinstance(raw, str):
            raise FactValueError("a duration is a string such as '121 min' or 'about 90 minutes'",
                                 "write e.g. `value: 121 min`")
        if options.get("bare") is not None and not decimals_of(raw):
            raise FactValueError(f"with `bare`, {raw!r} must be written with its decimals: a bare number "
                                 "is read only with as many decimals as the value",
                                 "write the time as it is stated, e.g. `value: 9.80 seconds`, or drop `bare`")
        readings = read_durations(raw, clock=bool(options.get("clock")))
        if len(readings) != 1 or readings[0].text.strip() != raw.strip():
            raise FactValueError(f"cannot read {raw!r} as one duration",
                                 "write a number and a unit: '121 min', '97 seconds', '6 days', '25.5 days', "
                                 "'2 hours 1 minute', 'about 69 days', '9.80 seconds'"
                                 + ("" if options.get("clock") else "; a race clock ('2:06:35') needs `clock: true`"))
        iv: Interval = readings[0].value
        return iv

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "clock" in options:
            raw = str(options["clock"]).strip().lower()
            if raw not in _TRUE + _FALSE:
                raise FactValueError(f"`clock` must be true or false, not {str(options['clock'])!r}",
                                     "write `clock: true` to read race clocks such as 2:06:35 and 3:43.13")
            out["clock"] = raw in _TRUE
        if "bare" in options:
            raw = str(options["bare"]).strip().lower()
            if raw not in _BARE_UNITS:
                raise FactValueError(f"`bare` must name the unit of a bare number, one of {', '.join(_BARE_UNITS)}; "
                                     f"not {str(options['bare'])!r}",
                                     "write e.g. `bare: seconds` to read 'won in 9.80' as 9.80 seconds")
            out["bare"] = units()[raw]
        after = compile_option(options, "after")
        if after is not None:
            out["after"] = after
        return out

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        clock = bool(fact.options.get("clock"))
        per = fact.options.get("bare")
        implied = per is None and _race_time(fact)
        bare = _bare_of(units()["seconds"] if implied else per, str(fact.raw_value)) \
            if per is not None or implied else None
        key = ("duration", sentence.index, clock, bare, implied)
        if key not in ctx.cache:
            readings = read_durations(sentence.text, sentence.start, clock=clock, bare=bare,
                                      sixtieths=_dotted_doc(ctx))
            if implied:
                # the fact did not say `bare: seconds`: a number with no unit is a race time only loosely
                readings = [r if not r.extra.get("bare") else replace(r, extra={
                    **r.extra, "loose": True,
                    "why_loose": "a number with no unit, read as seconds because the fact's value is a time "
                                 "in seconds with decimals (`bare: seconds` binds it firmly)"})
                    for r in readings]
            ctx.cache[key] = readings
        out: list[Reading] = ctx.cache[key]
        if any("change" in r.extra for r in out):
            out = [_as_change(r, sentence, fact) for r in out]
        after = fact.options.get("after")
        if after is not None:
            out = [_from_moment(r, sentence, after) for r in out]
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        r = reading.value
        bound = _fact_bound(str(fact.raw_value)) if isinstance(fact.raw_value, str) else None
        if bound is not None and (said := _against_bound(reading, bound)) != "":
            return None if isinstance(said, str) else said
        if isinstance(r, CalendarLength) and isinstance(value, CalendarLength) and r.unit == value.unit \
                and r.count is not None and value.count is not None:
            if _edges_only(r.count, value.count, reading, fact):
                return None
            return r.count.overlaps(value.count)  # "six months" against 5 months: counts of one unit
        if _edges_only(r, value, reading, fact):
            return None
        return bool(r.overlaps(value))

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The length read over the fact's (middles of their intervals; a bound's own figure, "more than
        8,200 hours"; None when the fact is unbounded)."""
        r: Interval = reading.value
        v: Interval = value
        if any(math.isinf(x) for x in (v.lo, v.hi)) or not (v.lo + v.hi):
            return None
        if math.isinf(r.hi) and not math.isinf(r.lo) and r.lo > 0:
            return 2 * r.lo / (v.lo + v.hi)  # "more than 8,200 hours of flight experience"
        if math.isinf(r.lo) or math.isinf(r.hi):
            return None
        return (r.lo + r.hi) / (v.lo + v.hi)

    def render(self, value: Any) -> str:
        iv: Interval = value
        mid = (iv.lo + iv.hi) / 2
        per = units()["years"]
        if mid >= 2 * per and iv.hi != float("inf"):
            # a length of years in years ("[24.4, 25.6) years" for "25 years", not "[8,921.78,
            # 9,341.82) days")
            lo, hi = iv.lo / per, iv.hi / per
            return f"{'(' if iv.lo_open else '['}{lo:.3g}, {hi:.3g}{')' if iv.hi_open else ']'} years"
        if mid >= 2880 and iv.hi != float("inf"):
            days = Interval(iv.lo / 1440, iv.hi / 1440, iv.lo_open, iv.hi_open)
            return f"{mid / 1440:g} days" if iv.hi - iv.lo <= 1440 else f"{days} days"
        width = (iv.hi - iv.lo) * 60  # seconds
        d = min(3, max(0, math.ceil(-math.log10(width) - 1e-6))) if 0 < width < 60 else 0
        if iv.hi - iv.lo <= 1 and mid < 10 and abs(mid - round(mid)) > 1e-6 and (mid < 1 or not d):
            # seconds, to the precision of the value ("9.80 seconds", "97 seconds")
            return f"{mid * 60:.{d}f} seconds"
        if 0 < width < 60 and (mid >= 10 or d):
            # a race clock: h:mm:ss, to the precision of the value ("2:06:35", "3:43.13")
            total = round(mid * 60, d)
            h, rest = divmod(total, 3600)
            m, sec = divmod(rest, 60)
            secs = f"{sec:0{3 + d if d else 2}.{d}f}"
            return f"{int(h)}:{int(m):02d}:{secs}" if h else f"{int(m)}:{secs}"
        return f"{mid:g} min" if iv.hi - iv.lo <= 1 else f"{iv} min"
