"""Dates: "December 30", "30 December", "Dec. 7, 2021", "7 December 2021", "2021-12-07",
"Thursday, Dec. 30", a weekday alone ("on Tuesday", "Monday night") and a month alone ("in June").

A weekday alone agrees when it is the weekday of the fact's date, but only in an article written
around that date: "on Wednesday" in a story about the 30 December call is 29 December, whatever
the weekday of a fact three weeks earlier (seed 002). Otherwise it cannot tell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, ClassVar

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang, pack
from factcheck.numbers import hedge_before
from factcheck.segment import Sentence

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DateValue:
    """What a date mention says; any part may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    # a numeric date that reads both ways ("11.12.2022"): (first, second) number; month/day unset
    either: tuple[int, int] | None = None
    # a span of days in one month ("from 19 to 21 May", "May 19-21, 2008"): its last day (`day` the first)
    to_day: int | None = None

    def shown(self) -> str:
        parts = []
        if self.either is not None:
            a, b = self.either
            return f"{self.year or '????'}-{b:02d}-{a:02d} or {self.year or '????'}-{a:02d}-{b:02d}"
        if self.weekday is not None:
            parts.append(WEEKDAY_NAMES[self.weekday])
        if self.month:
            md = (f"{self.year or '????'}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
                  + (f" to {self.to_day:02d}" if self.to_day else ""))
            parts.append(md)
        return " ".join(parts)


def _maybe_day_words(text: str) -> bool:
    """May `text` hold a day in words: "<...st|nd|rd|th> of <month>" ("the twenty-first of August")
    or "<month> the ..." ("April the nineteenth")? A text that cannot is read with the lighter
    pattern (the same readings, at about two thirds of the cost); substring tests, cheaper than a
    pattern."""
    low = text.lower()
    if "st of " in low or "nd of " in low or "rd of " in low or "th of " in low:
        return True
    return " the " in low and any(f"{m} the " in low for m in lang().months)


@cache
def _date_re(day_words: bool = True) -> regex.Pattern[str]:
    mon = alternation(lang().months)
    wd = alternation(lang().weekdays)
    # the words and digits a branch can begin with, said first: the engine tries the branches only
    # there (a third less time reading dates)
    firsts = (rf"\d|(?:{wd}|{mon}|the|in|since|during|until|by|last|this|early|late|mid|of)(?![\p{{L}}])|mid-"
              + (rf"|(?:{_day_words_alt()})" if day_words else ""))
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?=(?:{firsts}))(?:"
        rf"(?:(?P<wd1>{wd})\.?,?\s+(?:\(\s*)?)?(?P<m1>{mon})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.]\d)(?:,?\s+(?P<y1>(?:19|20|21)\d\d))?(?:\s*\((?P<wp1>{wd})\.?\))?"
        rf"|(?:(?P<wd2>{wd})\.?,?\s+(?:\(\s*)?)?(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th|(?P<dot>\.))?\s+(?:of\s+)?(?P<m2>{mon})\.?(?:,?\s+(?P<y2>(?:19|20|21)\d\d))?(?:\s*\((?P<wp2>{wd})\.?\))?"
        # a day in words: "the twenty-first of August", "the fifteenth of November 1994", "August the first"
        + (rf"|(?:(?P<wd6>{wd}),?\s+)?(?:the\s+)?(?P<od>{_day_words_alt()})\s+of\s+(?P<m6>{mon})"
           rf"(?:,?\s+(?P<y6>(?:19|20|21)\d\d))?"
           rf"|(?P<m7>{mon})\s+the\s+(?P<od7>{_day_words_alt()})(?:,?\s+(?P<y7>(?:19|20|21)\d\d))?"
           # (the same groups behind a NUL character no text has: the light pattern's readings need
           # no check of which groups it has)
           if day_words else r"|\x00(?P<m6>)(?P<m7>)(?P<wd6>)(?P<od>)(?P<od7>)(?P<y6>)(?P<y7>)")
        + rf"|(?P<iy>(?:19|20|21)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"
        # (not the fraction of "11 1/2 minutes")
        rf"|(?<!\d[ \u00a0])(?P<na>\d{{1,2}})/(?P<nb>\d{{1,2}})(?:/(?P<ny>(?:19|20)?\d\d))?(?!/)"
        rf"|(?P<pa>\d{{1,2}})\.(?P<pb>\d{{1,2}})\.(?P<py>(?:19|20|21)\d\d)(?![.,]?\d)"
        # "on 04.05.", "Friday, 10.06.": a German day and month with no year (day-first articles only)
        rf"|(?P<qa>\d{{2}})\.(?P<qb>\d{{2}})\.(?![\d.,])"
        # "Monday, 6.2.": after a weekday, a dotted day and month of one digit too (any article)
        # ... and a translation's "Saturday, the 23.10." (am Samstag, dem 23.10.)
        rf"|(?P<wdq>{wd}),?\s+(?:the\s+)?(?P<qc>\d{{1,2}})\.(?P<qd>\d{{1,2}})\.(?![\d.]|,\d)"
        # "18. Juli", "22 octobre 2023", "1er juin", "1º de junio": a translation's month, after a day only
        rf"|(?P<d8>\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<m8>{alternation(list(lang().data['foreign_months']))})"
        rf"(?:\s+(?:de\s+)?(?P<y8>(?:19|20|21)\d\d))?"
        rf"|(?P<wd3>{wd})(?:['’]s)?(?:\s+(?:night|evening|morning|afternoon))?"
        # (not before a day: "the game of December 5, 2022" is a full date, read by the first branch)
        rf"|(?P<mo_ctx>(?:in|since|during|until|by|last|this|early|late|mid|of)\s+|mid-)(?P<m4>{mon})(?!\.?\s+\d{{1,2}}(?!\d))"
        rf"(?:\s+(?P<y4>(?:19|20|21)\d\d))?"
        rf"|(?P<m5>January|February|March|April|June|July|August|September|October|November|December)(?:[\s,]+(?P<y5>(?:19|20|21)\d\d))?"
        rf")(?![\p{{L}}\d])",
        regex.IGNORECASE,
    )


@cache
def _day_words() -> dict[str, int]:
    """"first" ... "thirty-first": the days of a month in words."""
    ords = {str(k).lower(): int(v) for k, v in pack("numbers")["ordinals"].items() if int(v) <= 31}
    out = dict(ords)
    for tens_word, tens in (("twenty", 20), ("thirty", 30)):
        for w, v in ords.items():
            if v < 10 and tens + v <= 31:
                out[f"{tens_word}-{w}"] = out[f"{tens_word} {w}"] = tens + v
    return out


@cache
def _day_words_alt() -> str:
    return alternation(list(_day_words()))


def _mk(m: regex.Match[str], day_first: bool | None = None, either: bool = False) -> DateValue | None:
    months = lang().months
    weekdays = lang().weekdays

    def mon(s: str | None) -> int | None:
        return months.get(s.lower().rstrip(".")) if s else None

    def wd(s: str | None) -> int | None:
        return weekdays.get(s.lower().rstrip(".")) if s else None

    def yr(s: str | None) -> int | None:
        return int(s) if s else None

    # a weekday before the date, or after it in brackets ("15 May 2023 (Tue)", a timeline's style)
    if m.group("m1"):
        return DateValue(yr(m.group("y1")), mon(m.group("m1")), int(m.group("d1")),
                         wd(m.group("wd1") or m.group("wp1")))
    if m.group("m2"):
        return DateValue(yr(m.group("y2")), mon(m.group("m2")), int(m.group("d2")),
                         wd(m.group("wd2") or m.group("wp2")))
    if m.group("m6"):
        return DateValue(yr(m.group("y6")), mon(m.group("m6")), _day_words()[_spaced(m.group("od"))],
                         wd(m.group("wd6")))
    if m.group("m7"):
        return DateValue(yr(m.group("y7")), mon(m.group("m7")), _day_words()[_spaced(m.group("od7"))])
    if m.group("m8"):
        foreign = lang().data["foreign_months"]
        return DateValue(yr(m.group("y8")), int(foreign[m.group("m8").lower()]), int(m.group("d8")))
    if m.group("iy"):
        return DateValue(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("qa"):
        day, month = int(m.group("qa")), int(m.group("qb"))
        return DateValue(None, month, day) if day_first is True and 1 <= month <= 12 else None
    if m.group("qc"):
        day, month = int(m.group("qc")), int(m.group("qd"))
        return DateValue(None, month, day, wd(m.group("wdq"))) if 1 <= month <= 12 and 1 <= day <= 31 else None
    if m.group("na") or m.group("pa"):
        # 12/30 or 30/12, 11.12.2022: read one way when the other is impossible (a month above
        # 12) or the article writes its numeric dates day first (`day_first`); else both ways
        dotted = bool(m.group("pa"))
        a, b = (int(m.group("pa")), int(m.group("pb"))) if dotted else (int(m.group("na")), int(m.group("nb")))
        y = m.group("py") if dotted else m.group("ny")
        year = (int(y) + (2000 if len(y) == 2 else 0)) if y else None
        if a <= 12 < b <= 31 and not dotted:
            return DateValue(year, a, b)
        if b <= 12 < a <= 31:
            return DateValue(year, b, a)
        if a > 12 or b > 12 or not a or not b:
            return None
        if a == b:
            return DateValue(year, a, b)
        if day_first is True:
            return DateValue(year, b, a)
        if day_first is False and not dotted:
            return DateValue(year, a, b)
        return DateValue(year, either=(a, b)) if either else None
    if m.group("wd3"):
        return DateValue(weekday=wd(m.group("wd3")))
    if m.group("m4"):
        return DateValue(yr(m.group("y4")), mon(m.group("m4")))
    if m.group("m5"):
        return DateValue(yr(m.group("y5")), mon(m.group("m5")))
    return None


def _spaced(word: str) -> str:
    return regex.sub(r"\s+", " ", word.lower())


# Capitalised month/weekday abbreviations are common words in lower case ("may", "sun", "wed"):
# the pattern is case-sensitive on the first letter for that reason.
_CASE_OK = regex.compile(r"^[\p{Lu}\d(]|^(?:in|since|during|until|by|last|this|early|late|mid|of)\b")


def _lower_ok(m: regex.Match[str], text: str) -> bool:
    """A month name in lower case after its day ("the 24 april", "of 7 may 2017"): how machine
    translation and some styles write it. The full name only, and "may" (a verb as well) only with
    a year after it or "the/of/on" before the day."""
    word = m.group("m2") or ""
    if not m.group("d2") or word.lower() not in _FULL_MONTHS:
        return False
    if word.lower() != "may":
        return True
    return bool(m.group("y2")) or bool(regex.search(r"(?i)\b(?:the|of|on)\s+$", text[max(0, m.start() - 8):m.start()]))


_FULL_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"))


def read_dates(text: str, offset: int = 0, *, day_first: bool | None = None, either: bool = False) -> list[Reading]:
    """Every date in `text`. `day_first`: how the article writes numeric dates (see
    `numeric_order`); `either`: also return numeric dates that read both ways, month and day unset.
    (The same sentence is read for the article's dates, then for each date fact: read once.)"""
    return list(_read_dates(text, offset, day_first, either))


@lru_cache(maxsize=512)
def _read_dates(text: str, offset: int, day_first: bool | None, either: bool) -> tuple[Reading, ...]:
    out: list[Reading] = []
    for m in _date_re(_maybe_day_words(text)).finditer(text):
        v = _mk(m, day_first, either)
        if v is None or (v.day is not None and not 1 <= v.day <= 31):
            continue
        word = (m.group("m4") or m.group("wd3") or m.group("m1") or m.group("m2") or m.group("m5")
                or m.group("m6") or m.group("m7") or m.group("m8") or "")
        if m.group("m8") and word.islower() and not m.group("y8") and word in lang().data["foreign_months_words"]:
            continue  # "3 mars bars"
        if word and not word[0].isupper() and not m.group("iy") and not m.group("na") and not m.group("pa") \
                and not m.group("m8") and not _lower_ok(m, text):
            continue
        if m.group("wd3") and len(m.group("wd3")) <= 4 and not m.group("wd3").endswith("."):
            # "Sun", "Wed", "Sat" alone are too often other words
            if m.group("wd3").lower() not in ("tues", "thurs"):
                continue
        if m.group("wd3") and _generic_weekday_re().search(text, max(0, m.start() - 12), m.start()):
            continue  # "a Sunday lunch", "every Friday": any such day, no date
        start = offset + m.start()
        if m.group("mo_ctx"):
            start = offset + m.start("m4")
        out.append(Reading(start=start, end=offset + m.end(), text=text[start - offset : m.end()],
                           value=v, shown=v.shown()))
    out = _weekday_with_date(_with_listed_days([_span_of(r, text, offset) for r in out], text, offset),
                             text, offset)
    if _HOLIDAY_HINT.search(text):
        out += _holidays(text, offset, out)
    return tuple(out)


def _weekday_with_date(out: list[Reading], text: str, offset: int) -> list[Reading]:
    """A weekday with its part of the day, then a comma and the date ("that Sunday morning, January
    13, 2018"): one date with its weekday, as "Sunday, January 13, 2018" is (a wrong weekday then
    accuses the date, as there)."""
    merged: list[Reading] = []
    for r in out:
        prev = merged[-1] if merged else None
        v: DateValue = r.value
        if (prev is not None and prev.value.weekday is not None and prev.value.month is None
                and v.month is not None and v.day is not None and v.weekday is None and v.either is None
                and regex.fullmatch(r",\s*", text[prev.end - offset : r.start - offset])):
            w = replace(v, weekday=prev.value.weekday)
            merged[-1] = Reading(start=prev.start, end=r.end, text=text[prev.start - offset : r.end - offset],
                                 value=w, shown=w.shown())
            continue
        merged.append(r)
    return merged


# a span of days in one month: its first day before the date read ("from 19 to 21 May", "between 19
# and 21 May 2008", a translation's "the 20. until 22.5."), or its last day after it ("May 19-21, 2008")
# (a hyphen only between the two days, no space: "May 19 - 20 people died" is no span)
_SPAN_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?P<between>between)\s+)?(?<![\d.,:/])(?P<d>\d{1,2})"
                             r"(?:(?:st|nd|rd|th|\.)?\s+(?P<j>to|until|till|through|thru|bis|and)\s+|\s?[–—]\s?|-)$",
                             regex.IGNORECASE)
_SPAN_AFTER = regex.compile(r"(?:\s?[–—]\s?|-|\s+(?:to|through|thru|until)\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                            r"(?![\d.:/\p{L}])(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?", regex.IGNORECASE)


def _span_of(r: Reading, text: str, offset: int) -> Reading:
    """The date read, widened to the span of days it ends or begins (`_SPAN_BEFORE`, `_SPAN_AFTER`):
    one reading from the first day to the last, so "from 19 to 21 May" is no "21 May" alone. "19 and
    21 May" is two days, not a span: "and" only after "between"."""
    v: DateValue = r.value
    if v.month is None or v.day is None or v.either is not None or v.to_day is not None:
        return r
    a, b = r.start - offset, r.end - offset
    m = _SPAN_BEFORE.search(text, max(0, a - 24), a) if text[a : a + 1].isdigit() else None
    if m is not None and ((m.group("j") or "").lower() != "and" or m.group("between")):
        first = int(m.group("d"))
        if 1 <= first < v.day:
            w = DateValue(v.year, v.month, first, None, None, v.day)
            return Reading(start=offset + m.start(), end=r.end, text=text[m.start() : b], value=w, shown=w.shown())
    if not text[b - 1 : b].isdigit():
        return r
    m = _SPAN_AFTER.match(text, b)
    if m is not None and v.day < int(m.group("d")) <= 31:
        w = DateValue(v.year or (int(m.group("y")) if m.group("y") else None), v.month, v.day, v.weekday, None,
                      int(m.group("d")))
        return Reading(start=r.start, end=offset + m.end(), text=text[a : m.end()], value=w, shown=w.shown())
    return r


# two days of one month joined by "and": the first day before a date read ("on 19 and 21 May"), or
# the second after it ("on May 19 and 21, 2008"), then not before a word a count would take ("on May
# 19 and 20 people died", "12 and 13 km"): `_counted_after`, en.yaml `listed_day_after`
_LISTED_BEFORE = regex.compile(r"(?<![\d.,:/])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+and\s+$", regex.IGNORECASE)
_LISTED_AFTER = regex.compile(r"\s+and\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d%\p{L}]|[.,:/]\d)"
                              r"(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?", regex.IGNORECASE)
_NEXT_WORD = regex.compile(r"\s*(?P<w>[\p{L}%$€£-]+)")


def _counted_after(text: str, end: int) -> bool:
    """Whether the word after a number at `end` is one a count or a measure takes ("people", "km",
    "points", "%"), so the number is no day of a date."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    w = m.group("w").lower()
    words = lang().data["listed_day_after"]
    if w in words["not_counted"]:
        return False
    return w in words["counted"] or len(w) <= 3 or w.endswith("s") or not w[0].isalpha()


def _with_listed_days(out: list[Reading], text: str, offset: int) -> list[Reading]:
    """The other day of two joined by "and" ("19 and 21 May", "May 19 and 21"), read as a date of its own
    beside the one read: the list names both days (before, "19 and 21 May" was "21 May" alone and
    accused a fact of the 19th). "between 19 and 21 May" is a span (`_span_of`), not a list."""
    extra: list[Reading] = []
    for r in out:
        v: DateValue = r.value
        if v.month is None or v.day is None or v.either is not None or v.to_day is not None:
            continue
        a, b = r.start - offset, r.end - offset
        m = _LISTED_BEFORE.search(text, max(0, a - 12), a) if text[a : a + 1].isdigit() else None
        if m is not None and 1 <= int(m.group("d")) < v.day:
            w = DateValue(v.year, v.month, int(m.group("d")))
            extra.append(Reading(start=offset + m.start("d"), end=offset + m.end("d"), text=m.group("d"),
                                 value=w, shown=w.shown()))
            continue
        m = _LISTED_AFTER.match(text, b) if text[b - 1 : b].isdigit() else None
        if m is not None and v.day < int(m.group("d")) <= 31 and (m.group("y") or not _counted_after(text, m.end())):
            year = v.year or (int(m.group("y")) if m.group("y") else None)
            w = DateValue(year, v.month, int(m.group("d")))
            end = m.end() if m.group("y") else m.end("d")
            extra.append(Reading(start=offset + m.start("d"), end=offset + end, text=text[m.start("d") : end],
                                 value=w, shown=w.shown()))
    return sorted(out + extra, key=lambda r: r.start) if extra else out


# a cheap look before the holiday pattern: every holiday name holds one of these words
_HOLIDAY_HINT = regex.compile(r"(?i)\b(?:day|eve|morning|night|halloween)\b")


@cache
def _holiday_re() -> regex.Pattern[str]:
    # (an apostrophe either way: "New Year's Day", "New Year’s Day")
    names = alternation([str(k) for k in lang().data["holidays"]]).replace("'", "['’]")
    return regex.compile(rf"(?<![\p{{L}}])(?P<h>{names})(?![\p{{L}}])(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d)(?![\d]))?")


@cache
def _holiday_days() -> dict[str, tuple[int, int]]:
    """holiday name (lower case, single spaces) -> (month, day)."""
    return {" ".join(str(k).split()).lower(): (int(str(v)[:2]), int(str(v)[3:5]))
            for k, v in lang().data["holidays"].items()}


def _holidays(text: str, offset: int, taken: list[Reading]) -> list[Reading]:
    """"on Christmas Day", "Christmas Eve, 2021": the holiday's month and day (en.yaml `holidays`)."""
    table = _holiday_days()
    out = []
    for m in _holiday_re().finditer(text):
        if any(r.start - offset < m.end() and m.start() < r.end - offset for r in taken):
            continue
        if _generic_weekday_re().search(text, max(0, m.start() - 12), m.start()):
            continue  # "every Christmas Eve"
        month, day = table[" ".join(m.group("h").split()).lower().replace("’", "'")]
        v = DateValue(int(m.group("y")) if m.group("y") else None, month, day)
        out.append(Reading(start=offset + m.start(), end=offset + m.end(), text=m.group(0), value=v, shown=v.shown()))
    return out


@cache
def _generic_weekday_re() -> regex.Pattern[str]:
    """A word before a weekday that makes it any such day ("a Sunday lunch", "every Friday")."""
    return regex.compile(r"(?i)\b(?:" + alternation(lang().data["generic_before_weekday"]) + r")\s+$")


_NUMERIC = regex.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(?:19|20)?\d\d(?![\d])")
_DAY_DOT_MONTH = regex.compile(r"(?<![\d.])\d{1,2}\.\s+(?-i:\p{Lu})\p{L}+")


def numeric_order(text: str) -> bool | None:
    """How an article writes numeric dates: True day first (a "16/11/2022", a "16. November"),
    False month first (an "11/16/2022"), None when it does not show or shows both."""
    months = {**lang().months, **lang().data["foreign_months"]}
    day_first = any(w.split(".")[-1].strip().lower() in months for w in
                    (m.group(0) for m in _DAY_DOT_MONTH.finditer(text)))
    month_first = False
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if b <= 12 < a <= 31:
            day_first = True
        elif a <= 12 < b <= 31:
            month_first = True
    if day_first == month_first:
        return None
    return day_first


@cache
def _relative_re() -> regex.Pattern[str]:
    rel = alternation(lang().relative_days)
    # not "the day before the video meeting": that is a clause about another event (check.py)
    return regex.compile(rf"(?<![\p{{L}}])(?:on\s+)?(?P<rel>{rel})(?![\p{{L}}])"
                         rf"(?!\s+(?:the|a|an|his|her|their|its|\p{{Lu}}\p{{L}}*['’]s)\b)", regex.IGNORECASE)


def shift(v: DateValue, days: int, years: tuple[int, ...]) -> DateValue:
    """`v` moved by `days` (a full date loses its weekday); a weekday alone moves as a weekday."""
    if v.month and v.day:
        year = v.year or (years[0] if years else 2000)
        try:
            d = dt.date(year, v.month, v.day) + dt.timedelta(days=days)
        except ValueError:
            return v
        # (the weekday is not carried over: the phrase that moved the date states none, and the
        # weekday written beside the date it moved from may be wrong: "2 July 2018 (Sun)")
        return DateValue(d.year if v.year else None, d.month, d.day, None)
    if v.weekday is not None:
        return DateValue(weekday=(v.weekday + days) % 7)
    return v


@cache
def counted_shift_re(key: str, most: int) -> regex.Pattern[str]:
    """"two days later", "a week later", "six weeks on": a count (digits, or a number word up to
    `most`, or "a"), a unit and a direction of the en.yaml table `key` (its `units` and `directions`),
    in groups n, u and d."""
    data = lang().data[key]
    counts = alternation([w for w, v in lang().number_words.items() if 1 <= v <= most and v == int(v)] + ["a", "one"])
    return regex.compile(rf"(?<![\p{{L}}\d])(?P<n>{counts}|[1-9]\d?)\s+(?P<u>{alternation(list(data['units']))})"
                         rf"\s+(?P<d>{alternation(list(data['directions']))})(?![\p{{L}}])", regex.IGNORECASE)


def shift_count(m: regex.Match[str]) -> int:
    """The count of a `counted_shift_re` match ("two", "2", "a")."""
    n_txt = m.group("n").lower()
    return int(n_txt) if n_txt.isdigit() else 1 if n_txt in ("a", "one") else int(lang().number_words[n_txt])


def _counted_relative_re() -> regex.Pattern[str]:
    """"two days later", "four days earlier", "a week later" (en.yaml `relative_counted`)."""
    return counted_shift_re("relative_counted", 31)


def _counted_relative(sentence: Sentence) -> list[tuple[regex.Match[str], int]]:
    """(match, days) of each unhedged "two days later" of the sentence."""
    out: list[tuple[regex.Match[str], int]] = []
    low = sentence.text.lower()
    if "day" not in low and "week" not in low:
        return out  # every counted phrase has one of these
    data = lang().data["relative_counted"]
    for m in _counted_relative_re().finditer(sentence.text):
        if hedge_before(sentence.text[: m.start()]):
            continue  # "about two weeks later": no day can be worked out
        n = shift_count(m)
        unit = int(data["units"][m.group("u").lower()])
        way = int(data["directions"][regex.sub(r"\s+", " ", m.group("d").lower())])
        out.append((m, n * unit * way))
    return out


def relative_dates(sentence: Sentence, ctx: Context) -> list[Reading]:
    """"On the same day", "the next day", "two days later": the last date given before, in the
    same paragraph."""
    out: list[Reading] = []
    rel = lang().relative_days
    for cm, days in _counted_relative(sentence):
        base = _last_date_before(sentence, sentence.start + cm.start(), ctx)
        if base is None or not (base.value.month and base.value.day):
            continue  # a weekday alone, "two weeks after Saturday's run-off", says no day
        v = shift(base.value, days, tuple(a.year for a in ctx.anchors))
        a, b = sentence.start + cm.start(), sentence.start + cm.end()
        out.append(Reading(start=a, end=b, text=cm.group(0), value=v, shown=v.shown(),
                           detail=f"{cm.group(0)!r} after {base.text!r}",
                           extra={"loose": True, "why_loose": "counted from the last date given before"}))
    for m in _relative_re().finditer(sentence.text):
        offset = rel[regex.sub(r"\s+", " ", m.group("rel").lower())]
        base = _last_date_before(sentence, sentence.start + m.start(), ctx)
        if base is None:
            continue
        v = shift(base.value, offset, tuple(a.year for a in ctx.anchors))
        a, b = sentence.start + m.start("rel"), sentence.start + m.end("rel")
        # resolved from an earlier sentence: good enough to agree, too loose to accuse
        out.append(Reading(start=a, end=b, text=m.group("rel"), value=v, shown=v.shown(),
                           detail=f"{m.group('rel')!r} after {base.text!r}",
                           extra={"loose": not (sentence.start <= base.start < sentence.end)}))
    return out


@cache
def _deictic_re() -> regex.Pattern[str]:
    words = alternation(list(lang().data["deictic_days"]))
    return regex.compile(rf"(?<![\p{{L}}])(?P<w>{words})(?![\p{{L}}])", regex.IGNORECASE)




@cache
def _other_pages_re() -> regex.Pattern[str]:
    """A line listing other pages ("Read more: ...", "Most read"): its dates are not the page's."""
    return regex.compile(rf"\s*(?:{alternation(lang().data['other_pages'])})(?![\p{{L}}])", regex.IGNORECASE)


def published(ctx: Context) -> DateValue | None:
    """The day the page says it was published: the first full date of its dateline, "Published ..."
    line or byline date; None when it gives none."""
    key = ("date", "published")
    if key not in ctx.cache:
        found = None
        order = numeric_order(ctx.doc.text)  # "Murmansk/Moscow, 08.10.2001" in an article writing day first
        for a, b, why_ in sorted(ctx.doc.furniture):
            if why_ == "list of other articles" or _other_pages_re().match(ctx.doc.text, a, b):
                continue  # "Read more: ... out 10 November": another page's date
            dates = [r.value for r in read_dates(ctx.doc.text[a:b], a, day_first=order)
                     if r.value.month and r.value.day]
            if dates:
                found = dates[0]
                break
        if found is None:
            found = _day_line_date(ctx.doc.text)
        ctx.cache[key] = found
    value: DateValue | None = ctx.cache[key]
    return value


# a live blog's day line: a full date, then the clock its entries keep ("<weekday>, <date> — all times
# <zone>", "<date> · times in <zone>", "<date> (times are local)")
_DAY_LINE = regex.compile(r"^[^\S\n]*(?P<date>[^\n]{6,40}?)[^\S\n]*[—–·|,(-]+[^\S\n]*"
                          r"(?:all\s+)?times?\s+(?:are\s+|in\s+)?[^\n]{0,60}$", regex.IGNORECASE | regex.MULTILINE)


def _day_line_date(text: str) -> DateValue | None:
    """The day of a live blog's day line among the page's first lines (its entries are on that day),
    or None."""
    head = "\n".join(text.lstrip().split("\n")[:6])
    for m in _DAY_LINE.finditer(head):
        line = m.group("date")
        dates = [r for r in read_dates(line, 0) if r.value.year and r.value.month and r.value.day]
        if dates and not line[: dates[0].start].strip(" ,") and not line[dates[0].end :].strip(" ,"):
            return dates[0].value
    return None


def deictic_dates(sentence: Sentence, ctx: Context) -> list[Reading]:
    """"yesterday", "today", "tomorrow": from the day the page was published; loose (they may agree,
    not accuse: a page's date may be its update's, not its writing's)."""
    out: list[Reading] = []
    pub = published(ctx)
    if pub is None:
        return out
    days = {str(k).lower(): int(v) for k, v in lang().data["deictic_days"].items()}
    taken: list[tuple[int, int]] = []
    if pub.year is not None and "ago" in sentence.text:
        # "a year ago tonight", "five years ago today": the page's day, that many years before
        for m in _years_ago_re().finditer(sentence.text):
            n = _years_count(m.group("n"))
            if n is None:
                continue
            word = regex.sub(r"\s+", " ", m.group("w").lower())
            day = shift(pub, days[word], ())
            if day.year is None or day.month is None or day.day is None:
                continue
            try:
                d = dt.date(day.year - n, day.month, day.day)
            except ValueError:
                continue  # 29 February
            v = DateValue(d.year, d.month, d.day, d.weekday())
            a, b = sentence.start + m.start(), sentence.start + m.end()
            taken.append((m.start("w"), m.end("w")))
            out.append(Reading(start=a, end=b, text=m.group(0), value=v, shown=v.shown(),
                               detail=f"{m.group(0)!r} from the page's date {pub.shown()}",
                               extra={"loose": True, "why_loose": "dated from the page's own date"}))
    for m in _deictic_re().finditer(sentence.text):
        if (m.start("w"), m.end("w")) in taken:
            continue
        word = regex.sub(r"\s+", " ", m.group("w").lower())
        v = shift(pub, days[word], tuple(a.year for a in ctx.anchors))
        a, b = sentence.start + m.start("w"), sentence.start + m.end("w")
        out.append(Reading(start=a, end=b, text=m.group("w"), value=v, shown=v.shown(),
                           detail=f"{m.group('w')!r} from the page's date {pub.shown()}",
                           extra={"loose": True, "why_loose": "dated from the page's own date"}))
    return out


@cache
def _years_ago_count() -> str:
    """The count of "<n> years ago": "five", "forty", "forty-five" (up to ninety-nine), the language's
    `years_ago` words ("a"), or digits."""
    counts = alternation(list(lang().data["years_ago"]))
    nw = lang().number_words
    tens = alternation([w for w, v in nw.items() if 20 <= v <= 90 and v % 10 == 0])
    small = alternation([w for w, v in nw.items() if 1 <= v <= 19])
    units = alternation([w for w, v in nw.items() if 1 <= v <= 9])
    return rf"(?<![\p{{L}}\d])(?P<n>(?:{tens})(?:[\s-](?:{units}))?|{small}|{counts}|\d{{1,3}})\s+years?\s+ago"


@cache
def _years_ago_re() -> regex.Pattern[str]:
    words = alternation(list(lang().data["deictic_days"]))
    return regex.compile(rf"{_years_ago_count()}\s+(?P<w>{words})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def years_ago_any_re() -> regex.Pattern[str]:
    """"<n> years ago", whatever follows ("Four years ago they lost the final"): `n` is the count."""
    return regex.compile(rf"{_years_ago_count()}(?![\p{{L}}])", regex.IGNORECASE)


def years_count(text: str) -> int | None:
    """The number of "forty-five years ago": see `_years_count`."""
    return _years_count(text)


def _years_count(text: str) -> int | None:
    """The number of "forty-five years ago today": digits, the language's `years_ago` words, or
    number words up to ninety-nine."""
    t = regex.sub(r"[\s-]+", " ", text.strip().lower())
    if t.isdigit():
        return int(t)
    counts = {str(k).lower(): int(v) for k, v in lang().data["years_ago"].items()}
    if t in counts:
        return counts[t]
    parts = [lang().number_words.get(w) for w in t.split()]
    known = [p for p in parts if p is not None]
    return int(sum(known)) if known and len(known) == len(parts) else None


def _last_date_before(sentence: Sentence, pos: int, ctx: Context) -> Reading | None:
    # the sentence itself and those before it in its paragraph ("... Tuesday, December seventh ... The
    # next day"; "had sunk on 12 August. At 10.28 ... All 118 men died. The navy made it public two
    # days later"), or the two before it across a paragraph break (a live blog's entries)
    prev = [s for s in ctx.doc.sentences if sentence.index - 6 <= s.index <= sentence.index
            and (s.paragraph == sentence.paragraph or s.index >= sentence.index - 2)]
    for s in reversed(prev):
        found = [r for r in read_dates(s.text, s.start)
                 if r.start < pos and ((r.value.month and r.value.day) or r.value.weekday is not None)]
        if found:
            return found[-1]
    return None


def parse_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError as e:
        raise FactValueError(f"{raw!r} is not a date: {e}", "write dates as YYYY-MM-DD, e.g. 2021-12-07") from None


class DateKind:
    name: ClassVar[str] = "date"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "part": Key("enum", doc="'weekday': the fact states only the date's weekday, as written alone ('on "
                                "Wednesday') or beside a date ('Tuesday, 25 May'); a date with no weekday is not "
                                "about it, and the event's other date facts then judge the day alone",
                    choices=("weekday",)),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = (
        {"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$", "description": "YYYY-MM-DD, e.g. 2021-12-07"})

    def parse_value(self, raw: Any, options: dict[str, Any]) -> dt.date:
        if not isinstance(raw, str):
            raise FactValueError("a date is a string YYYY-MM-DD", "write e.g. `value: 2021-12-07`")
        return parse_date(raw)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        if "part" not in options:
            return {}
        if str(options["part"]).strip().lower() != "weekday":
            raise FactValueError(f"`part` must be weekday, not {str(options['part'])!r}",
                                 "write `part: weekday` for a fact of the date's weekday alone")
        return {"part": "weekday"}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        key = ("date", sentence.index)
        if key not in ctx.cache:
            okey = ("date", "order")
            if okey not in ctx.cache:
                ctx.cache[okey] = numeric_order(ctx.doc.text)
            ctx.cache[key] = read_dates(sentence.text, sentence.start, day_first=ctx.cache[okey], either=True) \
                + relative_dates(sentence, ctx) + deictic_dates(sentence, ctx)
        readings: list[Reading] = ctx.cache[key]
        if fact.options.get("part") == "weekday":
            # a weekday fact: only what writes a weekday ("on Wednesday", "Tuesday, 25.05.2005")
            return [r for r in readings if r.value.weekday is not None and r.value.either is None]
        if fact.options.get("weekday_apart"):
            # the event's weekday fact judges a weekday written alone
            return [r for r in readings if not (r.value.weekday is not None and r.value.month is None)]
        return readings

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        v: DateValue = reading.value
        d: dt.date = value
        if v.either is not None:
            return None  # "11.12.2022" in an article that does not show its order: either date
        if fact.options.get("part") == "weekday":
            if v.weekday is None or (v.month is None and not ctx.near_anchor(d, 10)):
                return None
            return v.weekday == d.weekday()
        if v.weekday is not None and fact.options.get("weekday_apart"):
            v = replace(v, weekday=None)  # the event's weekday fact judges the weekday
        if v.month is not None:
            if v.month != d.month or (v.year is not None and v.year != d.year):
                return False
            if v.to_day is not None and v.day is not None:
                return v.day <= d.day <= v.to_day  # a span of days holds the fact's day, or not
            if v.day is not None and v.day != d.day:
                return False
            if v.weekday is not None and v.weekday != d.weekday():
                return False
            if v.day is None:
                return True
            return True
        if v.weekday is not None:
            if not ctx.near_anchor(d, 10):
                return None
            return v.weekday == d.weekday()
        return None

    def render(self, value: Any) -> str:
        d: dt.date = value
        return f"{d.isoformat()} ({WEEKDAY_NAMES[d.weekday()]})"


def set_weekday_apart(facts: list[Fact]) -> None:
    """A base with a weekday fact of an event (`part: weekday`): that event's other date facts judge
    the day alone, leaving the weekday written beside a date, or alone, to it ("Tuesday evening,
    25.05.2005" for a Wednesday: the weekday fact contradicts, the date fact agrees)."""
    events = {f.event for f in facts if f.kind == "date" and f.options.get("part") == "weekday" and f.event}
    for f in facts:
        if f.kind == "date" and f.event in events and f.options.get("part") != "weekday":
            f.options["weekday_apart"] = True
