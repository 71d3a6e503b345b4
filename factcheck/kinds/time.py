"""Clock times with zones: "3:30 pm Eastern Time", "15:30 ET", "0647 GMT", "07:47 CET",
"18.40 Uhr MEZ", "21H55", "20 heures", "7.47 o'clock CET", "just after 3 p.m.", "noon".

Zones are IANA zones (stdlib `zoneinfo`, data from `tzdata`); the labels articles use are data
(factcheck/data/en/zones.yaml). A label naming one side of summer time ("EDT", "CEST") is a fixed
offset, so a wrong label is a different instant; a label naming a region's clock ("ET",
"Eastern", "Paris time") is resolved at the date. Two times are compared as instants modulo a
day, so "00:11 local time" on the 13th agrees with "23:11 EDT" on the 12th. When the date is not
known and the zone has summer time, every offset the zone takes is tried: the comparison agrees
(or contradicts) only when every offset does; otherwise it cannot tell.

A fact's value may carry a date and any zone label or IANA name:
`10:07 ET`, `01:47 EST`, `14:05 America/Santiago`, `2010-10-13 00:11 America/Santiago`. The
loader passes the event's date (`_date`) and zone (`_zone`) in the options: a reading without a
zone ("at 2:05 p.m.", "9.40 local time") is read in the article's header zone ("All times EDT")
or the event's zone, and otherwise agrees only with the same clock reading and cannot contradict.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import regex

from factcheck.errors import FactValueError
from factcheck.factbase.keys import Key
from factcheck.factbase.model import Fact
from factcheck.kinds._zonenames import generated_names, generated_places, multi_clock_countries
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang, pack, trie_alternation
from factcheck.segment import Sentence


@dataclass(frozen=True)
class Zone:
    """A zone as written: a fixed offset (minutes east of UTC), an IANA zone, or "local time"."""

    label: str
    fixed: int | None = None
    iana: str | None = None
    local: bool = False
    reader: bool = False  # "our time", "your time": the article's own clock, not the event's
    #: a header's region clock with a label in brackets ("All times Eastern (EST)"): that label's
    #: offset, taken when the days a time may be on leave summer time open
    usual: int | None = None

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class TimeValue:
    local: int  # minutes after local midnight
    zone: Zone | None
    day: dt.date | None = None  # the local date, when known (facts)
    lo: int = 0  # a hedged time stands for [local + lo, local + hi] minutes
    hi: int = 0
    on_the_hour: bool = False  # "8 p.m.", "noon", "20 heures": maybe a round figure
    event_zone: str | None = None  # facts: the event's IANA zone, for readings without a zone

    @property
    def offset_h(self) -> float | None:
        """Hours east of UTC at `day` (or the zone's offset in January when the date is unknown)."""
        if self.zone is None:
            return None
        offs = sorted(zone_offsets(self.zone, self.day or dt.date(2021, 1, 15), self.local))
        return offs[0] / 60 if offs else None

    @property
    def utc(self) -> int | None:
        """Minutes after midnight UTC (see `offset_h`)."""
        o = self.offset_h
        return None if o is None else int(round(self.local - o * 60)) % 1440

    def shown(self) -> str:
        s = f"{self.local // 60:02d}:{self.local % 60:02d}"
        if self.day is not None:
            s = f"{self.day.isoformat()} {s}"
        return f"{s} {self.zone}" if self.zone else s


# -- data ---------------------------------------------------------------------------------------


def _zone_from(label: str, spec: Any) -> Zone:
    if isinstance(spec, (int, float)):
        return Zone(label, fixed=int(round(float(spec) * 60)))
    return Zone(label, iana=str(spec))


@cache
def _data() -> dict[str, Any]:
    return pack("zones")


@cache
def abbreviations() -> dict[str, Zone]:
    return {str(k): _zone_from(str(k), v) for k, v in _data()["abbreviations"].items()}


@cache
def zone_names() -> dict[str, Zone]:
    """Zone names, lower case. Each "<place> time" is also read as a translation writes it: "<place>
    hour", "hour(s) of <place>", "time of <place>" ("16.52 o'clock Italian hour", "10h30 hour of Paris",
    "the 1.45 hours of New York": ora italiana, heure de Paris, las 1.45 horas de Nueva York), and
    "of the <place> time" ("19 Uhr of the Central European Time": mitteleuropäischer Zeit)."""
    out = {str(k).lower(): _zone_from(str(k), v) for k, v in _data()["names"].items()}
    for name, zone in list(out.items()):
        if name.endswith(" time"):
            place = name[: -len(" time")]
            for form in (f"{place} hour", f"hour of {place}", f"hours of {place}", f"time of {place}",
                         f"of the {name}", f"of {name}"):
                # ... and "19 Uhr of the Central European Time" (19 Uhr mitteleuropäischer Zeit)
                out.setdefault(form, zone)
    for name, iana in generated_names().items():  # every other city and one-clock country, from tzdata
        out.setdefault(name, Zone(name, iana=iana))
    return out


#: right after a clock time, a place whose clock it is: "9.30am in Madrid", "3pm in the Netherlands",
#: "8.30am here in the UK" (only there: whole-text searches for zone names leave it out)
# "in London", "here in Paris", and the audience's clock: "for viewers back in the UK", "for fans in Madrid"
# "on the US East Coast": "on the" only before the places zones.yaml's `on_the` lists
_IN_PLACE = (r"(?:here\s+|for\s+(?:viewers|fans|listeners|audiences|readers|those|supporters)\s+(?:watching\s+)?"
             r"(?:back\s+)?(?:at\s+home\s+|home\s+)?)?(?:in\s+(?:the\s+)?|on\s+the\s+(?=(?:"
             + "|".join(regex.escape(str(p)).replace("\\ ", r"\s+") for p in _data()["on_the"])
             + r")(?![\p{L}])))")


@cache
def _in_place_alt() -> str:
    return rf"{_IN_PLACE}(?:{trie_alternation(list(generated_places()))})"


@cache
def _place_either_alt() -> str:
    """After a clock time, "in <place>" (`_in_place_alt`), or a place's name alone closing the time's
    phrase ("(04:14 Paris, 23:14 ...)", "02:14 UTC, 04:14 Paris;"): only before a comma, a semicolon, a
    closing bracket, a full stop or the line's end, so "at 10:00 Paris announced ..." is left alone.
    One copy of the places' trie (a conditional group: without "in", the place must close the phrase)."""
    return (rf"(?P<inw>{_IN_PLACE})?(?:{trie_alternation(list(generated_places()))})"
            rf"(?(inw)|(?=\s*(?:[,;)]|\.(?!\w)|$)))")


def _in_place_zone(label: str) -> Zone | None:
    """The zone of "in <place>" after a clock time (followed by more of a longer place name, "in
    Victoria, British Columbia", it is not read: see `_place_continues`)."""
    m = regex.fullmatch(_IN_PLACE + r"(?P<p>.+)", label.strip(), regex.IGNORECASE)
    if m is None:
        return None
    iana = generated_places().get(regex.sub(r"\s+", " ", m.group("p")).lower())
    return Zone(label.strip(), iana=iana) if iana else None


@cache
def local_words() -> set[str]:
    return {str(w).lower() for w in _data()["local"]}


@cache
def reader_words() -> set[str]:
    return {str(w).lower() for w in _data().get("reader", [])}


@cache
def time_hedges() -> dict[str, tuple[int, int]]:
    return {str(k).lower(): (int(v[0]), int(v[1])) for k, v in _data()["hedges"].items()}


def hedge_window(words: str) -> tuple[int, int] | None:
    """The window in minutes of a clock hedge as written ("about": (-15, 15)), None if it is none."""
    return time_hedges().get(regex.sub(r"\s+", " ", words.lower()))


# "GMT+7", "UTC-3:30"; not the start of another clock time after a dash ("00:58 GMT - 7.58am in Aceh")
_OFFSET = r"(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2})?(?![.:]?\d|\s?[ap]\.?\s?m\b)"


@cache
def _zone_alt() -> str:
    """Any zone label: abbreviations case-sensitively, names and local words case-insensitively."""
    abbr = alternation(abbreviations())
    # a trie: some 1,250 place names (every city and one-clock country), tried at the cost of the
    # text's length, not of their number
    names = trie_alternation(list(zone_names()) + sorted(local_words()) + sorted(reader_words()))
    return rf"(?:{_OFFSET}|(?-i:{abbr})(?![\p{{L}}])|(?:{names})(?![\p{{L}}]))"


def lookup_zone(label: str, *, loose: bool = False) -> Zone | None:
    """The zone a label names; `loose` (fact values) also takes any case and IANA names."""
    s = regex.sub(r"\s+", " ", label.strip())
    if s[:3].lower() in ("in ", "her", "for", "on "):
        place = _in_place_zone(s)
        if place is not None:
            return place
    m = regex.fullmatch(r"(?:UTC|GMT)\s?([+\-\u2212])\s?(\d{1,2})(?::?(\d{2}))?", s, regex.IGNORECASE)
    if m:
        sign = -1 if m.group(1) != "+" else 1
        return Zone(s, fixed=sign * (int(m.group(2)) * 60 + int(m.group(3) or 0)))
    abbr = abbreviations()
    if s in abbr:
        return abbr[s]
    low = s.lower()
    if low in zone_names():
        z = zone_names()[low]
        return Zone(s, z.fixed, z.iana)
    if low in generated_places():
        return Zone(s, iana=generated_places()[low])  # "04:14 Paris," (see `_place_either_alt`)
    if low in local_words():
        return Zone(s, local=True)
    if low in reader_words():
        return Zone(s, reader=True)
    if loose:
        for k, z in abbr.items():
            if k.lower() == low:
                return Zone(s, z.fixed, z.iana)
        if "/" in s or s.upper() == "UTC":
            try:
                ZoneInfo(s)
            except (ZoneInfoNotFoundError, ValueError):
                return None
            return Zone(s, iana=s)
    return None


@cache
def _zoneinfo(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@cache
def zone_offsets(zone: Zone, day: dt.date | None, local: int = 720) -> frozenset[int]:
    """The offsets (minutes east of UTC) `zone` may have at `local` minutes on `day`: one for a
    fixed zone; for an IANA zone at a known date one (two in the repeated hour of autumn); for an
    IANA zone without a date, every offset it takes around the year."""
    if zone.fixed is not None:
        return frozenset({zone.fixed})
    if zone.iana is None:
        return frozenset()
    tz = _zoneinfo(zone.iana)
    h, m = divmod(local % 1440, 60)
    days = [day] if day is not None else [dt.date(2021, mo, 15) for mo in (1, 4, 7, 10)]
    out: set[int] = set()
    for d in days:
        for fold in (0, 1):
            off = dt.datetime(d.year, d.month, d.day, h, m, fold=fold, tzinfo=tz).utcoffset()
            if off is not None:
                out.add(int(off.total_seconds() // 60))
    return frozenset(out)


@lru_cache(maxsize=4096)  # asked in the inner loop of every comparison of a clock time
def _reading_offsets(rz: Zone, day: dt.date | None, f_utc: int, local: int) -> frozenset[int]:
    """The offsets of the reading's zone at its clock reading `local` on the day it most likely
    falls on: the one of the day before, of, or after the fact's instant's own day on that clock
    that puts it nearest the fact's instant (`f_utc`, minutes from midnight UTC of `day`). "12.00am
    in Madrid" an hour after 23:00 CET on 30 October 2016, the night summer time ended, is on the
    31st's clock (CET), not on the 30th's (CEST)."""
    if rz.fixed is not None or rz.iana is None or day is None:
        return zone_offsets(rz, day, local)
    tz = _zoneinfo(rz.iana)
    instant = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(minutes=f_utc)
    home = instant.astimezone(tz).date()
    h, m = divmod(local % 1440, 60)
    best: tuple[float, dt.date] | None = None
    for delta in (-1, 0, 1):
        d = home + dt.timedelta(days=delta)
        at = dt.datetime(d.year, d.month, d.day, h, m, tzinfo=tz)
        gap = abs((at - instant).total_seconds())
        if best is None or gap < best[0]:
            best = (gap, d)
    assert best is not None
    return zone_offsets(rz, best[1], local)


# -- reading ------------------------------------------------------------------------------------


@cache
def _time_re() -> regex.Pattern[str]:
    z = _zone_alt()
    # "18h30, Paris time", "9.30am in Madrid"; a translation's "the 03.00 of the Monday in the
    # peninsular Spain", "3:28 a.m. Sunday in Seoul": the day between the clock and its zone
    # (its date too, "21.00 of the Friday 14 in Peru": read only with the zone after it)
    day = (r"(?:\s+(?:(?:of|on)\s+(?:the\s+)?)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
           r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?![\d.,:]))?)?")
    zone = rf"(?:{day}\s*,?\s*\(?\s*(?P<z>{z}|{_place_either_alt()}))?"
    ampm = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
    hour_before = alternation(_data()["hour_word_before"])
    clock_before = alternation(_data()["clock_word_before"])
    clock = alternation(_data()["clock_words"])
    return regex.compile(
        # every branch's first character is a digit or a clock word's: said first, so the engine skips
        # to such a place (without it, the whole pattern was tried at every character: 6x dearer)
        rf"(?<![\p{{L}}\d.,:])(?=\d|(?:{clock})(?![\p{{L}}]))(?:"
        rf"(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}})(?::[0-5]\d)?)?\s*{ampm}"
        # (its "hours" not taken before "local" or "of <place>": the zone reads them, "hours of New York")
        rf"|(?P<h2>\d{{1,2}})(?P<sep>[:.])(?P<mi2>\d{{2}})(?P<sec>:[0-5]\d(?:\.\d+)?)?(?P<suffix>\s*(?:(?:o['’]clock|Uhr|hrs|h|clock)(?![\p{{L}}])|hours?(?![\p{{L}}])(?!\s+(?:local\b|of\s+(?!(?:the\s+)?(?:morning|afternoon|evening|night|\p{{L}}+day)\b)))))?"
        rf"|(?P<hm>[0-2]\d[0-5]\d)(?P<suffix2>\s*(?:hours|hrs|h)(?![\p{{L}}]))?"
        # "18h30", "18 h 30"; not a length "2 h 31 min"
        rf"|(?P<h3>\d{{1,2}})\s?[hH]\s?(?P<mi3>[0-5]\d)(?!\s*(?:min|mn|m)\b)"
        rf"|(?<=(?<![\p{{L}}])(?:{hour_before})\s+)(?P<h4>\d{{1,2}})\s*(?P<hw>heures|heure|h|Uhr|o['’]clock)(?![\p{{L}}])(?!\s+de\b)"
        rf"|(?P<h5>\d{{1,2}})\s*(?:o['’]clock|(?-i:Uhr)(?![\p{{L}}]))"
        # a translated "15 heures locales", "3 heures du matin": "15 hours local", "3 hours of the morning"
        # ... and "21 hours hour of Brussels", "21 hours GMT": an hour with a zone after it
        # (the zone's shape only, in the lookahead: the zone group after the alternation reads it;
        # the whole zone alternation here cost two thirds more time in reading clock times)
        rf"|(?P<h6>\d{{1,2}})\s*(?:hours?|h)(?=\s+(?:local\b|of\s+the\s+(?P<part6>morning|afternoon|evening|night)\b"
        rf"|hour\s+of\s|(?-i:[A-Z]{{2,5}}\b|UTC|GMT)|(?-i:\p{{Lu}})\p{{L}}+\s+(?:time|hour)\b))"
        # a translation's "at the 21 Italian hour (the 22 in London)" (alle 21 ora italiana, le 22 a
        # Londra): an hour alone after "the", its zone right after it (the zone must be read)
        rf"|(?<=(?:(?<![\p{{L}}])at\s+|\(\s*)the\s+)(?P<h7>[01]?\d|2[0-3])"
        rf"(?=\s+(?:(?-i:\p{{Lu}})\p{{L}}+\s+(?:time|hour)\b(?!\s+trial)|in\s[^()\n]{{1,40}}\)))"
        # "at noon", "until 12 noon", "by 12 midnight"
        rf"|(?<=(?<![\p{{L}}])(?:{clock_before})\s+)(?:12\s+)?(?P<cw>{clock})(?![\p{{L}}])"
        rf"){zone}(?![\d])",
        regex.IGNORECASE,
    )


@cache
def _race_time_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    d = _data()
    return (regex.compile(rf"(?<![\p{{L}}])(?:{alternation(d['duration_before_seconds'])})\s+$", regex.IGNORECASE),
            regex.compile(rf"\s*(?:{alternation(d['duration_after_seconds'])})(?![\p{{L}}])", regex.IGNORECASE))


@cache
def _length_label_re() -> regex.Pattern[str]:
    labels = alternation(_data()['length_labels'])
    return regex.compile(rf"(?<![\p{{L}}])(?:{labels})(?![\p{{L}}])[^.:;\n]{{0,60}}:\s*$", regex.IGNORECASE)


def _length_label(text: str, start: int) -> bool:
    """Does a label of a length and its colon stand right before the clock-like figure at `start`
    ("Elapsed time from liftoff to capsule touchdown: 10:10")?"""
    return _length_label_re().search(text, max(0, start - 100), start) is not None


def _race_time(text: str, start: int, end: int) -> bool:
    """Is the h:mm:ss at [start, end) with no zone a race time, a length ("won in 2:01:09", "a
    best time of 2:34:01", "2:15:37 hours")? A time of day to the second is written after "at" or
    in a timeline's row ("at 20:41:06", "20:39:06 CEST")."""
    before, after = _race_time_res()
    return before.search(text, max(0, start - 14), start) is not None or after.match(text, end) is not None


@cache
def _hedge_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?P<h>{alternation(time_hedges())})\s+(?:at\s+)?(?:the\s+)?$",
                         regex.IGNORECASE)


@cache
def _date_before_year() -> regex.Pattern[str]:
    """A month and a day (or a day and a month) right before four digits: they are its year."""
    months = alternation(list(lang().data["months"]))
    return regex.compile(rf"(?:\b(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\b\d{{1,2}}\s+(?:{months})\.?),?\s*\Z",
                         regex.IGNORECASE)


# a decimal fraction right after "m:ss": a race time to the hundredth ("3:29.34"), no time of day
_FRACTION_AFTER = regex.compile(r"[.,]\d+(?![:\d])")
_CLOCK_BEFORE = regex.compile(r"(?<![\p{L}])(?:at|the|near|towards?|around)\s+$", regex.IGNORECASE)
_AT_THE = regex.compile(r"(?<![\p{L}])at\s+the\s+$", regex.IGNORECASE)
_HOUR_BEFORE = regex.compile(r"(?<![\p{L}])(?:at\s+)?(?:the\s+)?hour\s+$", regex.IGNORECASE)


@cache
def _word_clock_re() -> regex.Pattern[str]:
    """"half past six in the evening", "four minutes past six p.m.", "a quarter to seven in the
    morning": a clock time in words, read only with its part of the day (or a.m./p.m.)."""
    w = _data()["word_clock"]
    minutes = alternation(list(w["minutes"]))
    hours = alternation(list(w["hours"]))
    parts = alternation(list(w["day_parts"]))
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?P<m>{minutes}|\d{{1,2}})(?:\s+minutes?)?\s+(?P<rel>past|after|to|before)\s+"
        rf"(?P<h>{hours}|\d{{1,2}})(?:\s+o['’]clock)?\s*,?\s*(?P<part>{parts})(?![\p{{L}}])",
        regex.IGNORECASE)


@cache
def _word_tables() -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """The word clock's minutes, hours and parts of the day (lower case, single spaces)."""
    w = _data()["word_clock"]
    return ({" ".join(str(k).lower().split()): int(v) for k, v in w["minutes"].items()},
            {str(k).lower(): int(v) for k, v in w["hours"].items()},
            {" ".join(str(k).lower().split()): str(v) for k, v in w["day_parts"].items()})


@cache
def _word_clock_hint() -> regex.Pattern[str]:
    """A clock time in words needs one of these words (most sentences have none: the word readers
    are skipped)."""
    w = _data()["word_clock"]
    words = ["past", "o'clock", "o’clock", "minutes to", "minute to", "quarter to", *map(str, w["day_parts"]),
             *map(str, w["later_parts"])]
    return regex.compile(alternation(words), regex.IGNORECASE)


def _pm(part: str, h: int) -> bool | None:
    """Is hour `h` (1-12) of this part of the day after noon? None: cannot tell ("five at night")."""
    if part == "night":
        return True if h >= 6 else (False if h <= 4 else None)
    return part == "pm"


@cache
def _zone_named_re() -> regex.Pattern[str]:
    abbr = alternation(abbreviations())
    names = trie_alternation(list(zone_names()))
    return regex.compile(rf"(?:{_OFFSET}|(?-i:{abbr})(?![\p{{L}}])|(?<![\p{{L}}])(?:{names})(?![\p{{L}}]))",
                         regex.IGNORECASE)


def zone_in(text: str) -> bool:
    """Does `text` name a zone (an abbreviation, a zone's name, an offset), not only "local time"?"""
    return bool(_zone_named_re().search(text) or _in_place_re().search(text))


@cache
def _in_place_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}]){_in_place_alt()}(?![\p{{L}}])", regex.IGNORECASE)


def _place_continues(label: str, text: str, end: int) -> bool:
    """Is a zone read as "in <place>" the start of a longer place name ("in Santiago de Compostela",
    "in Victoria, British Columbia", "in Perth, Scotland"), perhaps of another place with another clock?"""
    return label.lower().startswith(("in ", "here in ")) and _PLACE_GOES_ON.match(text, end) is not None


_PLACE_GOES_ON = regex.compile(r"(?:,?\s+(?-i:\p{Lu})|\s+(?:de|del|da|do|di|du|la|le)\s)")


@cache
def _zone_after_re() -> regex.Pattern[str]:
    return regex.compile(rf"\s*,?\s*\(?\s*(?P<z>{_zone_alt()}|{_in_place_alt()})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _word_hour_re() -> regex.Pattern[str]:
    """"nine in the evening", "four in the morning, UTC", "eleven o'clock at night", "9 in the
    evening", "4.15 in the morning": an hour alone, in words (or digits, with their minutes, before a
    part of the day in words), read only with its part of the day."""
    w = _data()["word_clock"]
    hours = alternation(list(w["hours"]))
    parts = alternation([p for p in w["day_parts"] if " " in str(p)])
    ampm = alternation([p for p in w["day_parts"] if " " not in str(p)])
    return regex.compile(
        rf"(?<![\p{{L}}\d.,:])(?:(?P<h>{hours})(?:\s+o['’]clock)?\s*,?\s*(?:(?P<part>{parts})|(?P<ampm>{ampm}))"
        rf"|(?P<d>\d{{1,2}})(?:[.:](?P<dm>[0-5]\d))?(?:\s+o['’]clock)?\s+(?P<dpart>{parts}))(?![\p{{L}}])",
        regex.IGNORECASE)


def _word_hours(text: str, taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, minutes after midnight) of each hour in words with its part of the day, but
    those inside a clock time in words already read ("half past six in the evening")."""
    _, hours, parts = _word_tables()
    out = []
    for m in _word_hour_re().finditer(text):
        if any(a <= m.start() < b for a, b, _ in taken):
            continue
        h = int(m.group("d")) if m.group("d") else hours[m.group("h").lower()]
        part = " ".join((m.group("part") or m.group("ampm") or m.group("dpart")).lower().split())
        if not 1 <= h <= 12:
            continue
        pm = _pm(parts[part], h)  # "two at night" is 02:00
        if pm is None:
            continue
        out.append((m.start(), m.end(), ((h % 12) + (12 if pm else 0)) * 60 + int(m.group("dm") or 0)))
    return out


@cache
def _bare_clock_re() -> regex.Pattern[str]:
    """"half past one", "five past three", "twenty minutes to two", "a little before three o'clock":
    a clock time in words with no part of the day right after it (perhaps later: "on Monday
    afternoon", "on a Wednesday evening")."""
    w = _data()["word_clock"]
    minutes = alternation(list(w["minutes"]))
    hours = alternation(list(w["hours"]))
    return regex.compile(
        # "to" only with "minutes" or "a quarter": "eight to three" may be a vote or a score
        rf"(?<![\p{{L}}\d])(?:(?P<m>{minutes})(?:\s+minutes?)?\s+(?P<rel>past)\s+(?P<h>{hours})(?:\s+o['’]clock)?"
        rf"|(?P<m2>{minutes})\s+minutes?\s+to\s+(?P<h2>{hours})|a\s+quarter\s+to\s+(?P<h3>{hours})"
        # "nine o'clock", and "9 o'clock" too: no half of the day said, either is read
        rf"|(?P<ho>{hours}|(?<![\d.,:])(?:1[0-2]|0?[1-9]))\s*o['’]clock)(?![\p{{L}}])",
        regex.IGNORECASE)


@cache
def _later_part_re() -> regex.Pattern[str]:
    later = alternation(list(_data()["word_clock"]["later_parts"]))
    return regex.compile(rf"[^.;]{{0,40}}?(?<![\p{{L}}])(?P<p>{later})(?![\p{{L}}])", regex.IGNORECASE)


# an hour past noon before "o'clock": the text counts its hours to 24, so "10 o'clock" there is 10:00
_OCLOCK_24 = regex.compile(r"(?<![\d.,:])(?:1[3-9]|2[0-4])\s*o['’]clock", regex.IGNORECASE)


def _bare_clocks(text: str, taken: list[tuple[int, int, int]]) -> list[tuple[int, int, int, bool]]:
    """(start, end, minutes after midnight, either half of the day) of each clock time in words
    without its part of the day right after it; a part of the day later in the clause settles it."""
    mins, hours, _ = _word_tables()
    out = []
    for m in _bare_clock_re().finditer(text):
        if any(a <= m.start() < b for a, b, _ in taken):
            continue
        if m.group("ho"):
            ho = m.group("ho")
            if ho.isdigit() and _OCLOCK_24.search(text):
                continue  # "at 16 o'clock local time (10 o'clock German time)": a 24-hour clock's
            h, mi, rel = int(ho) if ho.isdigit() else hours[ho.lower()], 0, "past"
        elif m.group("h3"):
            h, mi, rel = hours[m.group("h3").lower()], 15, "to"
        elif m.group("h2"):
            h, mi, rel = hours[m.group("h2").lower()], mins[" ".join(m.group("m2").lower().split())], "to"
        else:
            h, mi, rel = hours[m.group("h").lower()], mins[" ".join(m.group("m").lower().split())], "past"
        if not 1 <= h <= 12:
            continue
        later = _later_part_re().match(text, m.end())
        part = later.group("p").lower() if later else ""
        # (with no part of the day, "twelve o'clock" is shown as noon; either half is read)
        pm = bool(_pm(str(_data()["word_clock"]["later_parts"][part]), h)) if part else h == 12
        total = ((h % 12) + (12 if pm else 0)) * 60 + (mi if rel.lower() == "past" else -mi)
        out.append((m.start(), m.end(), total % 1440, not part))
    return out


def _word_clocks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, minutes after midnight) of each clock time in words."""
    mins, hours, parts = _word_tables()
    out = []
    for m in _word_clock_re().finditer(text):
        mi = int(m.group("m")) if m.group("m").isdigit() else mins[" ".join(m.group("m").lower().split())]
        h = int(m.group("h")) if m.group("h").isdigit() else hours[m.group("h").lower()]
        if not (1 <= h <= 12 and 0 < mi < 60):
            continue
        pm_ = _pm(parts[" ".join(m.group("part").lower().split())], h)
        if pm_ is None:
            continue
        pm = pm_
        h = (h % 12) + (12 if pm else 0)
        total = h * 60 + (mi if m.group("rel").lower() in ("past", "after") else -mi)
        out.append((m.start(), m.end(), total % 1440))
    return out


def read_times(text: str, offset: int = 0, *, loose: bool = False) -> list[Reading]:
    """Every clock time in `text`; offsets shifted by `offset`."""
    out: list[Reading] = []
    clocks: list[tuple[int, int, int]] = []
    hours: list[tuple[int, int, int]] = []
    bare: dict[tuple[int, int, int], bool] = {}
    if _word_clock_hint().search(text):
        clocks = _word_clocks(text)
        hours = _word_hours(text, clocks)
        bare = {(a, b, t): either for a, b, t, either in _bare_clocks(text, clocks + hours)}
    for a, b, total in clocks + hours + list(bare):
        lo = hi = 0
        start = a
        hm_ = _hedge_re().search(text[max(0, a - 30) : a])
        if hm_:
            lo, hi = hedge_window(hm_.group("h")) or (0, 0)  # (the pattern matches only its hedges)
            start = max(0, a - 30) + hm_.start()
        zone = None
        b0 = b
        hour_only = total % 60 == 0 and (a, b, total) not in clocks
        either = bare.get((a, b, total), False)
        zm = _zone_after_re().match(text, b)
        if zm and _place_continues(zm.group("z"), text, zm.end()):
            zm = None
        if zm:  # "a little after four in the morning, UTC"
            zone = lookup_zone(zm.group("z"), loose=loose)
            b = zm.end() if zone is not None else b
        v = TimeValue(total, zone, lo=lo, hi=hi, on_the_hour=hour_only)
        # "half past one" with no part of the day: 01:30 or 13:30; with one further on ("... on Monday
        # afternoon"), that half. Both read loosely: they agree, never accuse
        extra: dict[str, Any] = {}
        if (a, b0, total) in bare:
            extra = {"loose": True,
                     "why_loose": "no part of the day" if either else "the part of the day is further on"}
            if either:
                extra["half_day"] = True
        out.append(Reading(start=offset + start, end=offset + b, text=text[start:b], value=v, shown=v.shown(),
                           detail=("an hour before o'clock" if text[a].isdigit() else "a clock time in words")
                           + (", either half of the day" if either else ""),
                           extra=extra))
    worded = [(r.start - offset, r.end - offset) for r in out]
    for m in _time_re().finditer(text):
        if any(a <= m.start() < b for a, b in worded):
            continue  # "4:30 in the morning", read whole above
        z = m.group("z")
        if z and _place_continues(z, text, m.end("z")):
            z = None  # "at 3pm in Santiago de Compostela": another place than the zone's city
        hour_only = False
        if m.group("h") is not None:
            h, mi = int(m.group("h")), int(m.group("mi") or 0)
            if not 1 <= h <= 12:
                continue
            hour_only = m.group("mi") is None
            pm = m.group("ampm").lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
        elif m.group("h2") is not None:
            h, mi = int(m.group("h2")), int(m.group("mi2"))
            suffix = (m.group("suffix") or "").strip().lower()
            if not m.group("sec") and m.group("sep") == ":" and _FRACTION_AFTER.match(text, m.end("mi2")):
                continue  # "a world record 3:29.34", "in 3:52,69": minutes, seconds and hundredths
            if m.group("sec") and not z and _race_time(text, m.start(), m.end("sec")):
                continue  # "won in 2:01:09", "a best time of 2:34:01 hours": a length, no time of day
            if m.group("sep") == ":" and not z and not suffix and _length_label(text, m.start()):
                continue  # "Elapsed time from liftoff to touchdown: 10:10", "Freefall duration: 4:19"
            if m.group("sep") == "." and not z and not suffix.startswith(("o", "uhr", "clock")) and not (
                    suffix.startswith("h") and len(m.group("h2")) == 2
                    and _CLOCK_BEFORE.search(text, max(0, m.start() - 12), m.start())) and not (
                    len(m.group("h2")) == 2 and _HOUR_BEFORE.search(text, max(0, m.start() - 16), m.start())) and not (
                    h <= 23 and _AT_THE.search(text, max(0, m.start() - 8), m.start())):
                # "1.30" or "1.30 hours" without a zone is a decimal number; "at the 00.11 hours" (a
                # translated "a las 00.11 horas"), "at the 15.05 hour", "18.04 clock", "at the hour
                # 04.17" (a translated "saat 04.17'de"), "at the 11.36" (a translated "alle 11.36")
                # are clock times
                continue
        elif m.group("hm") is not None:
            if not m.group("suffix2") and (not z or _PLACE_ZONE.match(z) or z.lower() in generated_places()):
                continue  # "2030" alone is a year or a figure; "2011 in Daegu", "2019 Paris" a year and a place
            if not m.group("suffix2") and ("," in text[m.end("hm") : m.start("z")]
                                           or _date_before_year().search(text, max(0, m.start() - 20), m.start())):
                # "launched on July 30, 2020, Eastern time": a year, then the zone the date was
                # given in; "0647 GMT" has its zone right after it
                continue
            hm = m.group("hm")
            h, mi = int(hm[:2]), int(hm[2:])
        elif m.group("h3") is not None:
            h, mi = int(m.group("h3")), int(m.group("mi3"))
        elif m.group("h4") is not None:
            h, mi, hour_only = int(m.group("h4")), 0, True
        elif m.group("h5") is not None:
            h, mi, hour_only = int(m.group("h5")), 0, True
        elif m.group("h7") is not None:
            if not z or (z.lower().startswith("in ") and not regex.match(r"\s*\)", text[m.end():])):
                continue  # "the 22 in the final": no clock without its zone; "(the 22 in London)" closes there
            h, mi, hour_only = int(m.group("h7")), 0, True
        elif m.group("h6") is not None:
            h, mi, hour_only = int(m.group("h6")), 0, True
            part = (m.group("part6") or "").lower()
            if h < 12 and (part in ("afternoon", "evening") or (part == "night" and h >= 6)):
                h += 12
        else:
            minutes = int(_data()["clock_words"][m.group("cw").lower()])
            h, mi, hour_only = minutes // 60, minutes % 60, True
        if h > 24 or mi > 59 or (h == 24 and mi):
            continue
        h %= 24
        zone = lookup_zone(z, loose=loose) if z else None
        if z and zone is None:
            continue  # an abbreviation in the wrong case ("et"): not a zone, and unsure it is a time
        if zone is None:
            zone = _place_where_before(text, m.start())
        elif zone.local:
            zone = _local_of_place_before(text, m.start()) or zone
        start = m.start()
        lo = hi = 0
        hm_ = _hedge_re().search(text[max(0, start - 30) : start])
        if hm_:
            lo, hi = hedge_window(hm_.group("h")) or (0, 0)  # (the pattern matches only its hedges)
            start = max(0, start - 30) + hm_.start()
        v = TimeValue(h * 60 + mi, zone, lo=lo, hi=hi, on_the_hour=hour_only and mi == 0)
        utc = v.utc
        # a bare clock in a clause that first names a place of one clock ("Back home in London the game
        # kicked off at 7.45pm"): perhaps that place's clock, not the event's (rule time.place_before)
        before = _place_in_head(text, m.start()) if zone is None else None
        out.append(Reading(start=offset + start, end=offset + m.end(), text=text[start : m.end()].strip(),
                           value=v, shown=v.shown(), extra={"place_before": before} if before else {},
                           # a zone with summer time gives no UTC until the day is known (the fact's)
                           detail="" if utc is None or (zone is not None and zone.iana and v.day is None)
                           else f"{utc // 60:02d}:{utc % 60:02d} UTC"))
    return out


@cache
def _where_it_was_re() -> regex.Pattern[str]:
    places = trie_alternation(list(generated_places()))
    # "<place>, where it was" or "in <place> it was" (a conditional group: without "in", "where")
    return regex.compile(rf"(?<![\p{{L}}])(?P<inw>in\s+)?(?P<p>{places})"
                         rf"(?:\s*,?\s+where\s+it|(?(inw)\s+(?:it|they)|(?!)))"
                         rf"(?:\s+(?:was|is|were)|['’]s)\s+(?:then\s+|already\s+|just\s+|still\s+|by\s+then\s+)?"
                         rf"(?:at\s+|the\s+)?\Z", regex.IGNORECASE)


def _place_where_before(text: str, start: int) -> Zone | None:
    """The clock of a place right before a time, as a conversion names it ("in Melbourne, where it
    was then 19 Uhr", "Tokyo, where it was already 11 p.m.", a translation's "in Germany it was already
    1.54 o'clock", "when in Utah they were the 14.52")."""
    if not regex.search(r"where|\b(?:it|they)\s", text[max(0, start - 30) : start]):
        return None
    m = _where_it_was_re().search(text, max(0, start - 60), start)
    return lookup_zone("in " + m.group("p")) if m else None


@cache
def _place_in_clause_re() -> regex.Pattern[str]:
    places = trie_alternation([*generated_places(), *multi_clock_countries()])
    return regex.compile(rf"(?<![\p{{L}}])in\s+(?:the\s+)?(?P<p>{places})(?![\p{{L}}])", regex.IGNORECASE)


_CLAUSE_BREAK = regex.compile(r"[;:!?\n]|\.(?=\s)")  # (not the dots of "10.07.2016" or "20.02 Uhr")


def _local_of_place_before(text: str, start: int) -> Zone | None:
    """The clock "local time" means when its clause names a place before it ("In Germany the game was
    followed from 21 Uhr; in Lisbon the kick-off was at 20 Uhr local time"): that place's, not the
    event's (the last place named between the clause's start and the time); a country of several
    clocks ("in Portugal", with the Azores) names none, so the time cannot be compared."""
    head = _clause_head(text, start)
    bracket = _OPEN_BEFORE.search(head)
    if bracket is not None:
        # "at the Deep Space Network's Canberra complex, Australia (21:55 local time)": the bracket
        # gives the time of the place named right before it, whatever word leads to the place; the
        # most precise place of one clock wins ("Canberra" before "Australia")
        named = [m for m in _place_named_re().finditer(head, 0, bracket.start()) if m.group("p")[:1].isupper()]
        if named:
            clocks = [(regex.sub(r"\s+", " ", m.group("p")), generated_places().get(
                regex.sub(r"\s+", " ", m.group("p")).lower())) for m in named]
            place, iana = next(((p, z) for p, z in reversed(clocks) if z), clocks[-1])
            return Zone(f"local time in {place}", iana=iana)
    if " in " not in f" {head.lower()}":
        return None
    found = list(_place_in_clause_re().finditer(head))
    if not found:
        return None
    place = regex.sub(r"\s+", " ", found[-1].group("p"))
    iana = generated_places().get(place.lower())
    return Zone(f"local time in {place}", iana=iana)  # (iana None: several clocks, no offset)


def _clause_head(text: str, start: int) -> str:
    """The clause's text before `start` (at most 100 characters back, from its last break)."""
    head = text[max(0, start - 100) : start]
    cuts = list(_CLAUSE_BREAK.finditer(head))
    return head[cuts[-1].end() :] if cuts else head


def _place_in_head(text: str, start: int) -> str | None:
    """The IANA zone of the last place of one clock named after "in" in the clause before `start`, if
    any ("Back home in London the game kicked off at": Europe/London)."""
    head = _clause_head(text, start)
    if " in " not in f" {head.lower()}":
        return None
    found = [m for m in _place_in_clause_re().finditer(head) if m.group("p")[:1].isupper()]
    if not found or conversion_re().search(head):
        return None  # ("in Germany it was then already 03:17": a conversion, read as such elsewhere)
    return generated_places().get(regex.sub(r"\s+", " ", found[-1].group("p")).lower())


# an opening bracket right before the time, perhaps past a word or two ("(21:55 local time)", "(at 9
# p.m. local time)")
_OPEN_BEFORE = regex.compile(r"\((?:\s*\p{L}+){0,2}\s*\Z")


@cache
def _place_named_re() -> regex.Pattern[str]:
    """A place of the zone pack (or a country of several clocks) named anywhere, not only after "in"
    (the caller keeps those written with a capital)."""
    places = trie_alternation([*generated_places(), *multi_clock_countries()])
    return regex.compile(rf"(?<![\p{{L}}])(?P<p>{places})(?![\p{{L}}])", regex.IGNORECASE)


# a place as a clock's zone ("in Daegu"): not how a four-digit clock ("0647 GMT") is written
_PLACE_ZONE = regex.compile(_IN_PLACE, regex.IGNORECASE)

# after a clock time, perhaps past its day ("23:14 on 31 May in Rio", "07:00 in Kathmandu"): a place
_PLACE_AFTER = regex.compile(r"(?:\s+on\s+[^,.;:()\n]{1,25}?)?"
                             r"\s+(?P<in>in\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+|do\s+|da\s+)?\p{Lu}[\p{L}'’-]+)?)")


def _place_after(text: str, end: int) -> Zone | bool:
    """The clock of "in <Place>" after the clock time ending at `end`, past a day between them ("23:14
    on 31 May in Rio de Janeiro"); True for a place the zone pack does not know ("in Belém"): the
    time is that place's, not the header's; False when no place follows."""
    m = _PLACE_AFTER.match(text, end, min(len(text), end + 60))
    if m is None:
        return False
    words = m.group("in").split()
    for n in range(len(words), 1, -1):
        zone = lookup_zone(" ".join(words[:n]))
        if zone is not None:
            return zone
    return True


# -- the article's header zone ------------------------------------------------------------------


# a header's zone as written, one to four words ("EDT", "UTC+3", "Eastern", "Paris time"), checked
# word by word with `lookup_zone` (the alternation of every zone name, some 4,000 of them, compiled into
# each header pattern took seconds)
_HEADER_ZONE = r"[\p{L}\d][\p{L}\d+\-\u2212:]*(?:[ \t]+[\p{L}\d+\-\u2212:]+){0,3}"


@cache
def _header_res() -> tuple[regex.Pattern[str], ...]:
    """Each header pattern on its own: a generic zone capture that names no zone ("All times Cape
    Canaveral (EDT)" for "all times {zone}") must leave the next pattern its chance at that place."""
    return tuple(regex.compile(str(p).replace("{zone}", f"(?P<z>{_HEADER_ZONE})"), regex.IGNORECASE)
                 for p in _data()["headers"])


def _header_label(words: str) -> tuple[Zone, int] | None:
    """The zone the longest run of the header's first words names ("CET The final" -> CET), and the
    length of that run in characters."""
    parts = list(regex.finditer(r"\S+", words))
    for n in range(len(parts), 0, -1):
        zone = lookup_zone(words[: parts[n - 1].end()])
        if zone is not None:
            return zone, parts[n - 1].end()
    return None


def header_zone(text: str) -> Zone | None:
    """The zone a live-blog header gives every bare time ("All times EDT", "Times are CET")."""
    found = sorted(((m.start(), i, m) for i, rx in enumerate(_header_res()) for m in rx.finditer(text)),
                   key=lambda t: (t[0], t[1]))
    for _, _, m in found:
        for k, v in m.groupdict().items():
            label = _header_label(v) if k == "z" and v else None
            if label is not None:
                z, size = label
                if not z.local and not z.reader:
                    # "All times Eastern (EST)": the label in brackets says which side of summer time
                    # the blog's own days are on (a time of another season keeps the region's clock)
                    b = _BRACKETED.match(text, m.start(k) + size)
                    inner = lookup_zone(b.group(1)) if b else None
                    if inner is not None and inner.fixed is not None and z.iana is not None:
                        return replace(z, usual=inner.fixed)
                    return z
    return None


_BRACKETED = regex.compile(r"\s*\(\s*([^()]{1,12}?)\s*\)")

# A fact box's columns of clocks: a header row of zones ("local Berlin time (CEST) | UTC | US Eastern
# (EDT)", "CEST / GMT / ET") over rows that open with as many bare clock times ("11:16 | 09:16 |
# 05:16 - Kipchoge finishes"): each column's clock is its header's zone.
_COLUMN_SEP = regex.compile(r"\s*(?:\||\s/\s)\s*")
_ZONE_WORDS = regex.compile(r"(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2})?|\p{Lu}{2,5}\b|\p{L}+(?:\s+\p{L}+){0,2}")
_ROW_CLOCK = r"(?:about\s+|~\s*|c\.\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?"


@cache
def _row_re() -> regex.Pattern[str]:
    """A row of clock times in columns, perhaps after its label and dot leaders ("FIRE near the upper
    fin ... 19:25 | 00:25 (7 May) | 00:25 (7 May)"), each clock perhaps with its day in brackets."""
    day = r"(?:[^\S\n]*\([^()|\n]{1,20}\))?"
    label = r"(?:[^|\d\s][^|\n]*?(?:\.{2,}|[^\S\n]{3,})[^\S\n]*)?"
    return regex.compile(rf"\s*{label}({_ROW_CLOCK}){day}" + rf"(?:{_COLUMN_SEP.pattern}({_ROW_CLOCK}){day})?" * 4)


def _cell_zone(cell: str) -> Zone | None:
    """The zone a header cell names: an abbreviation in it first ("US Eastern (EDT, UTC-4)" -> EDT,
    "local Berlin time (CEST, UTC+2)" -> CEST), else its words ("UTC", "local time") or a place's name
    ("Doha (AST)": the abbreviation is ambiguous, the city is not)."""
    # (a place's name is its clock too: "Doha (AST)", "Tokyo")
    found = [z for w in _ZONE_WORDS.findall(cell)
             if (z := lookup_zone(w) or _in_place_zone(f"in {w}")) is not None and not z.reader]
    fixed = [z for z in found if not z.local]
    return fixed[0] if fixed else (found[0] if found else None)


@lru_cache(maxsize=16)
def column_zones(text: str) -> tuple[tuple[int, int, Zone], ...]:
    """(start, end, zone) of every clock time in a column under a header row of zones."""
    out: list[tuple[int, int, Zone]] = []
    if "|" not in text and " / " not in text:
        return ()
    zones: list[Zone] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        cells = _COLUMN_SEP.split(line.strip())
        row = _row_re().match(line)
        if zones is not None and row is not None and sum(1 for g in row.groups() if g) == len(zones):
            for i, z in enumerate(zones):
                out.append((start + row.start(i + 1), start + row.end(i + 1), z))
            continue
        if len(cells) >= 2 and not regex.match(r"\s*\d", line) and len(line) < 200:
            found = [_cell_zone(c) for c in cells]
            if all(z is not None for z in found[1:]) and sum(1 for z in found if z is not None) >= 2:
                # (the first cell may hold a title before its zone: "RACE DAY - local Berlin time")
                zones = [z for z in found if z is not None] if found[0] is not None else None
    return tuple(out)


_STAMP_SPAN = 400  # characters: an article's stamp line ("Monday 15 October 2012, 07:00 CEST") opens it


@lru_cache(maxsize=16)
def own_zone(text: str) -> Zone | None:
    """The article's own clock, for "our time": its header zone ("All times CEST"), else the zone of
    the first clock time with a zone near its top (a stamp or byline line), else none."""
    header = header_zone(text)
    if header is not None:
        return header
    for r in read_times(text[:_STAMP_SPAN], 0):
        z = r.value.zone
        if z is not None and not z.local and not z.reader:
            return z
    return None


# -- comparing ----------------------------------------------------------------------------------


def _circular(d: int) -> int:
    return (d + 720) % 1440 - 720


def _fact_days(f: TimeValue, ctx: Context) -> list[dt.date | None]:
    if f.day is not None:
        return [f.day]
    return list(ctx.anchors) or [None]


def _meaning_at_event(rz: Zone, f: TimeValue) -> Zone:
    """An abbreviation several clocks share ("CST": US Central, China, Cuba) in the meaning that is the
    event's own zone's offset on its day, when it has one (zones.yaml `other_meanings`)."""
    others = _data().get("other_meanings", {}).get(rz.label)
    if not others or f.event_zone is None:
        return rz
    home = zone_offsets(Zone(f.event_zone, iana=f.event_zone), f.day, f.local)
    if rz.fixed in home:
        return rz
    for hours, regions in others.items():
        minutes = round(float(hours) * 60)
        if f.event_zone in regions and minutes in home:
            return Zone(rz.label, fixed=minutes)
    return rz


def _off_clock(fact: TimeValue, read: TimeValue,
               others: list[TimeValue]) -> tuple[float, float, list[TimeValue]] | None:
    """For `read`, a clock time on a named clock that is not this fact's: (this fact's offset, the
    reading's offset, the other time facts of the same instant); None for a reading on no named
    clock or on this fact's own."""
    zone = read.zone
    if zone is None or zone.local or zone.reader or fact.utc is None:
        return None
    mine = fact.offset_h
    theirs = replace(read, day=fact.day).offset_h
    if mine is None or theirs is None or theirs == mine:
        return None
    siblings = [o for o in others if o.zone is not None and o.utc == fact.utc and _same_utc_day(o, fact)]
    return mine, theirs, siblings


def on_another_facts_clock(fact: TimeValue, read: TimeValue, others: list[TimeValue]) -> bool:
    """Is `read`, a clock time on a named clock, on the clock of another time fact of the same instant
    and not on this fact's? A base may give one instant twice, "17:14" on the event's clock and "04:14
    UTC"; "05:14 GMT" then states the UTC fact (wrongly), not the local one (rule time.sibling_clock)."""
    off = _off_clock(fact, read, others)
    if off is not None:
        return any(replace(read, day=o.day).offset_h == o.offset_h for o in off[2])
    # one offset that day, two regions: "06:00" in a London (BST) column with facts of 07:00 CET and
    # 07:00 BST in May 1953 is the London fact's clock, not the Continent's
    mine, theirs = _region(fact.zone), _region(read.zone)
    if (mine is None or theirs is None or mine == theirs or read.zone is None or read.zone.local
            or read.zone.reader or fact.utc is None):
        return False
    return any(o.zone is not None and o.utc == fact.utc and _same_utc_day(o, fact) and _region(o.zone) == theirs
               for o in others)


def _region(zone: Zone | None) -> str | None:
    """The region a zone as written names: its IANA zone, or the region of a label of one side of a
    region's summer time ("BST": Europe/London; zones.yaml `seasonal`)."""
    if zone is None:
        return None
    return zone.iana or _seasonal().get(zone.label.lower())


@cache
def _words_before_clock(*keys: str) -> regex.Pattern[str]:
    """The phrases of the zones.yaml lists `keys`, ending the text before a clock time (an adverb,
    "already", "exactly", between)."""
    words = alternation([w for k in keys for w in _data()[k]])
    return regex.compile(rf"(?<![\p{{L}}])(?:{words})(?:\s+(?:already|exactly|just|precisely|about))?\s*\Z",
                         regex.IGNORECASE)


def conversion_re() -> regex.Pattern[str]:
    """The words of zones.yaml `then_clock_before` and `conversion_before` before a clock time: it is
    the same moment on another clock."""
    return _words_before_clock("then_clock_before", "conversion_before")


def then_clock_re() -> regex.Pattern[str]:
    """The words of zones.yaml `then_clock_before` before a clock time ("In Germany it was then")."""
    return _words_before_clock("then_clock_before")


@cache
def _seasonal() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (_data().get("seasonal") or {}).items()}


def label_out_of_season(read: TimeValue, fact: TimeValue) -> tuple[str, int] | None:
    """Why the reading's zone label is out of season on the fact's day ("1:07 p.m. EDT" on 13 January,
    when New York was on UTC-5), and the region's real offset that day (minutes east of UTC); None
    when it is not: a label of one side of a region's summer time (zones.yaml `seasonal`) on a day the
    region was on the other side. The clock or its label is wrong (rule time.label_out_of_season)."""
    z = read.zone
    if z is None or z.fixed is None or fact.day is None:
        return None
    region = _seasonal().get(regex.sub(r"\s+", " ", z.label.strip()).lower())
    if region is None:
        return None
    offs = zone_offsets(Zone(region, iana=region), fact.day, 720)
    if not offs or z.fixed in offs:
        return None
    real = min(offs)

    def utc(m: int) -> str:
        h, mi = divmod(abs(m), 60)
        return f"UTC{'-' if m < 0 else '+'}{h}" + (f":{mi:02d}" if mi else "")
    return (f"'{z.label}' is {utc(z.fixed)}, but {region.split('/')[-1].replace('_', ' ')} was on {utc(real)} on "
            f"{fact.day.isoformat()}: the clock or its label is wrong"), real


def on_clock_of(fact: TimeValue, offset: int) -> bool:
    """Is the fact's clock, on its day, at `offset` minutes east of UTC (the clock a slipped label
    meant: a CET fact for "20.07 MESZ" in January)?"""
    zone = fact.zone or (Zone(fact.event_zone, iana=fact.event_zone) if fact.event_zone else None)
    if zone is None or fact.day is None or zone.local:
        return False
    return zone_offsets(zone, fact.day, fact.local) == frozenset({offset})


def on_local_siblings_clock(fact: TimeValue, read: TimeValue, others: list[TimeValue]) -> bool:
    """Is `read`, a clock time on no named clock (none written, or "local time": the event's own
    clock), the instant of another time fact that is on the event's clock, while this fact is on
    another clock? "The quake struck at 12:51 p.m." with facts of 12:51 NZDT and 23:51 UTC states
    the local fact; the UTC one is not stated (rule time.sibling_clock)."""
    if read.zone is not None and not read.zone.local:
        return False
    ez = fact.event_zone
    if ez is None or fact.utc is None or fact.offset_h is None:
        return False
    home = zone_offsets(Zone(label=ez, iana=ez), fact.day, fact.local)
    if round(fact.offset_h * 60) in home:
        return False  # this fact is on the event's clock itself
    return any(o.zone is not None and o.utc == fact.utc and _same_utc_day(o, fact) and o.offset_h is not None
               and round(o.offset_h * 60) in home for o in others)


def on_a_nearer_facts_clock(fact: TimeValue, read: TimeValue, others: list[TimeValue], far_hours: float) -> bool:
    """Is `read`, a clock time on a named clock that no time fact of its instant has, at least
    `far_hours` from this fact's clock and nearer in UTC offset to another time fact of the same
    instant? "21:41 BST" with facts of 20:41 CEST, 18:41 UTC and 14:41 EDT is a conversion for
    British readers: wrong, it misstates the UTC and CEST facts (an hour away), not the EDT one
    (five hours away), which the article never gives (rule time.nearest_clock)."""
    off = _off_clock(fact, read, others)
    if off is None:
        return False
    mine, theirs, siblings = off
    if any(replace(read, day=o.day).offset_h == o.offset_h for o in siblings):
        return False  # (on a sibling's own clock: rule time.sibling_clock)
    return abs(mine - theirs) >= far_hours and any(
        o.offset_h is not None and abs(o.offset_h - theirs) < abs(mine - theirs) for o in siblings)


def clock_slip(fact: TimeValue, quote: str) -> bool:
    """Is the clock time quoted ("0051 GMT", "8.34 o'clock MESZ") on this fact's own clock (the same
    UTC offset at the fact's day), with the fact's minutes, a whole one to three hours off its time?
    A conversion that forgot summer time or slipped an hour: the article's own error on that clock,
    not another moment of the story (rule time.own_clock_slip)."""
    if fact.utc is None or fact.offset_h is None:
        return False
    for r in read_times(quote):
        v = r.value
        if not isinstance(v, TimeValue) or v.zone is None or v.zone.local or v.lo or v.hi:
            continue
        if replace(v, day=fact.day).offset_h != fact.offset_h:
            continue
        gap = (v.local - fact.local) % 1440
        if gap in (60, 120, 180, 1260, 1320, 1380):
            return True
    return False


def _same_utc_day(a: TimeValue, b: TimeValue) -> bool:
    """Are two facts' clock times, of the same UTC time of day, on the same UTC day? (Their local days
    may differ: 11:28 PDT on 6 July is 03:28 KST on 7 July.)"""
    if a.day == b.day:
        return True
    if a.day is None or b.day is None or a.offset_h is None or b.offset_h is None:
        return False

    def utc_day(day: dt.date, v: TimeValue) -> dt.date:
        return (dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=v.local - (v.offset_h or 0) * 60)).date()

    return utc_day(a.day, a) == utc_day(b.day, b)


def compare_times(v: TimeValue, f: TimeValue, ctx: Context | None = None, header: Zone | None = None) -> bool | None:
    """True: the same instant (within the reading's hedge); False: another; None: cannot tell."""
    rz = v.zone
    if rz is not None and rz.reader:
        # "at 17:30 our time": the article's own clock when it says which, else no zone at all
        # (the same clock reading may agree; another never accuses)
        own = own_zone(ctx.doc.text) if ctx is not None else None
        if own is None:
            return True if v.local == f.local else None
        rz = own
    if rz is None and header is not None:
        rz = header
    if (rz is None or rz.local) and f.event_zone:
        rz = Zone(f.event_zone, iana=f.event_zone)
    # a hedged fact ("about 15:00") agrees with a reading whose window meets its own: the fact's
    # offset from the reading may run from the reading's low edge minus the fact's high one
    lo, hi = v.lo - f.hi, v.hi - f.lo
    if rz is None or rz.local:
        # no zone to compare in: the same clock reading agrees (a hedged one when the fact's falls in
        # its window: "at roughly ten to seven in the evening" for 18:50), another cannot accuse
        if lo or hi:
            return True if lo <= _circular(f.local - v.local) <= hi else None
        return True if v.local == f.local else None
    if f.event_zone and rz.fixed is not None:
        rz = _meaning_at_event(rz, f)
    assert f.zone is not None
    fz = f.zone if not f.zone.local else (Zone(f.event_zone, iana=f.event_zone) if f.event_zone else None)
    if fz is None:
        return None
    verdicts: set[bool | None] = set()
    slack = max(15, v.hi - v.lo) if (v.lo or v.hi) else (10 if v.on_the_hour else 0)
    for day in _fact_days(f, ctx) if ctx is not None else [f.day]:
        for fo in zone_offsets(fz, day, f.local):
            f_utc = f.local - fo
            for ro in _reading_offsets(rz, day, f_utc, v.local):
                diff = _circular(f_utc - (v.local - ro))
                if lo <= diff <= hi:
                    verdicts.add(True)
                elif lo - slack < diff < hi + slack:
                    verdicts.add(None)
                else:
                    verdicts.add(False)
    if len(verdicts) != 1:
        if rz.usual is not None:
            return compare_times(replace(v, zone=Zone(rz.label, fixed=rz.usual)), f, ctx)
        return None
    return verdicts.pop()


# a full date written right before a clock time ("on 14 November at 00:36 GMT") or right after it
# ("00:36 GMT on Saturday, 15 November"): the day the article says that clock reading is on
_BEFORE_GAP = regex.compile(r"\s*,?\s*(?:at|around|about|by)?\s*", regex.IGNORECASE)
# (never across a line: a date on the line below is a live blog's or a timeline's next heading)
_AFTER_GAP = regex.compile(r"[^\S\n]*,?[^\S\n]*(?:on|of)?[^\S\n]*", regex.IGNORECASE)
_DAY_SPAN = 60  # characters looked at on each side of the time for its date


def _stated_day(reading: Reading, text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a full date written right beside the clock time `reading`."""
    from factcheck.kinds.date import read_dates

    a, b = max(0, reading.start - _DAY_SPAN), reading.start
    for d in reversed(read_dates(text[a:b], a)):
        if _BEFORE_GAP.fullmatch(text, d.end, b):
            v = d.value
            return (v.month, v.day, v.year) if v.month and v.day else None
    a, b = reading.end, min(len(text), reading.end + _DAY_SPAN)
    for d in read_dates(text[a:b], a):
        if _AFTER_GAP.fullmatch(text, a, d.start):
            v = d.value
            return (v.month, v.day, v.year) if v.month and v.day else None
    return None


def _stated_day_fits(reading: Reading, f: TimeValue, ctx: Context, header: Zone | None) -> bool | None:
    """True unless a full date beside the (agreeing) clock reading names a day its instant is on
    neither in the reading's zone nor in the fact's: then False when that day is next to the fact's
    (a date slipped across midnight or a zone), None when it is further off (another occurrence)."""
    assert f.day is not None
    stated = _stated_day(reading, ctx.doc.text)
    v: TimeValue = reading.value
    rz = v.zone if v.zone is not None and not v.zone.reader else header
    if stated is None:
        return True
    if rz is None or rz.local:
        # a bare clock ("At 22:22 on 4 January, Beijing time, the rover rolled down its ramp") is read
        # on the event's clock, as it agreed
        rz = Zone(f.event_zone, iana=f.event_zone) if f.event_zone else None
    fz = f.zone if f.zone is not None and not f.zone.local else (
        Zone(f.event_zone, iana=f.event_zone) if f.event_zone else None)
    days = {f.day}
    if fz is not None and rz is not None:
        for fo in zone_offsets(fz, f.day, f.local):
            utc = dt.datetime.combine(f.day, dt.time()) + dt.timedelta(minutes=f.local - fo)
            days |= {(utc + dt.timedelta(minutes=ro)).date() for ro in zone_offsets(rz, f.day, v.local)}
    month, day, year = stated
    if any(d.month == month and d.day == day and year in (None, d.year) for d in days):
        return True
    try:
        said = dt.date(year or f.day.year, month, day)
    except ValueError:
        return None
    return False if abs((said - f.day).days) <= 1 else None


# between a bare clock time and the zoned one converting it in brackets: "8.55 a.m. (2355 GMT", "21.00 [19.00 UTC"
_CONVERTS_BARE = regex.compile(r"\s*[(\[]\s*(?:i\.\s?e\.,?\s*|or\s+|that\s+is\s+)?")


def _other_clock_in(ctx: Context, f: TimeValue) -> bool:
    """Does the article give a clock time with a zone whose offset on the fact's day is not the
    event's own?"""
    key = ("time", "zones")
    if key not in ctx.cache:
        text = ctx.doc.text
        times = read_times(text)
        bare_ends = [r.end for r in times if r.value.zone is None]
        # a zoned time in brackets right after a bare one converts it ("at 8.55 a.m. (2355 GMT on
        # Tuesday)"): the writer's bare clock is the local one, so it casts no doubt on the others
        ctx.cache[key] = {r.value.zone for r in times
                          if r.value.zone is not None and not r.value.zone.local and not r.value.zone.reader
                          and not any(_CONVERTS_BARE.fullmatch(text, e, r.start) for e in bare_ends
                                      if 0 <= r.start - e <= 12)}
    assert f.event_zone is not None
    home = zone_offsets(Zone(f.event_zone, iana=f.event_zone), f.day, f.local)
    return any(not (zone_offsets(z, f.day, f.local) & home) for z in ctx.cache[key])


# -- the kind -----------------------------------------------------------------------------------

# "03:13 SAST ±5 min", "22:00 +/- 30 minutes": a window of the fact's own, written after the time
_FACT_WINDOW = regex.compile(r"\s*(?:±|\+/-|\+-)\s*(?P<n>\d{1,3})\s*(?:min(?:ute)?s?)?\s*\Z", regex.IGNORECASE)
_FACT_HEDGE = regex.compile(r"\s*(?P<h>[\p{L}][\p{L} ]*?)\s+(?=\d)")
_FACT_RE = regex.compile(
    r"\s*(?:(?P<date>\d{4}-\d\d-\d\d)[ T]+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\s+(?P<zone>.+?))?\s*")


def _known_labels() -> list[str]:
    return sorted(abbreviations()) + sorted(zone_names())


def _nearest(label: str) -> str:
    cands = _known_labels()
    near = difflib.get_close_matches(label, cands, n=4, cutoff=0.5)
    near += difflib.get_close_matches(label.upper(), cands, n=2, cutoff=0.5)
    if "/" in label or not near:
        near += difflib.get_close_matches(label, sorted(available_timezones()), n=4, cutoff=0.6)
    seen = list(dict.fromkeys(near))
    return ", ".join(seen[:5]) if seen else "e.g. ET, GMT, CET, Europe/Paris"


def _opt_date(options: dict[str, Any]) -> dt.date | None:
    d = options.get("_date")
    return d if isinstance(d, dt.date) else None


def _opt_zone(options: dict[str, Any]) -> str | None:
    z = options.get("_zone")
    return z if isinstance(z, str) and z else None


class TimeKind:
    name: ClassVar[str] = "time"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {}
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": "string",
        "description": "HH:MM and a zone: '15:30 ET', '01:47 EST', '14:05 America/Santiago', "
                       "'2010-10-13 00:11 America/Santiago'; without a zone, the event's `zone`; a hedge "
                       "before ('about 15:00 ET', ±15 min) or a window after ('03:13 SAST ±5 min')"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> TimeValue:
        if not isinstance(raw, str):
            raise FactValueError("a time is a string such as '15:30 ET'", "write e.g. `value: 15:30 ET`")
        day, event_zone = _opt_date(options), _opt_zone(options)
        # "about 15:00 EDT": a time known to a window ([-15, +15] minutes for "about"; the hedges of
        # zones.yaml), as a reading's hedge is
        lo = hi = 0
        written, own = raw, _FACT_WINDOW.search(raw)
        if own is not None:
            raw = raw[: own.start()]
        hm = _FACT_HEDGE.match(raw)
        window = hedge_window(hm.group("h")) if hm is not None else None
        if hm is not None and window is not None:
            lo, hi = window
            raw = raw[hm.end():]
        m = _FACT_RE.fullmatch(raw)
        if m is None:
            rs = read_times(raw, loose=True)
            if len(rs) != 1 or rs[0].text.strip() != raw.strip():
                raise FactValueError(f"cannot read {raw!r} as one time and zone",
                                     "write HH:MM and a zone, e.g. '15:30 ET' or '14:05 America/Santiago'")
            v: TimeValue = rs[0].value
            zone, local = v.zone, v.local
        else:
            h, mi = int(m.group("h")), int(m.group("m"))
            if h > 23 or mi > 59:
                raise FactValueError(f"'{m.group('h')}:{m.group('m')}' is not a clock time",
                                     "hours run 00-23, minutes 00-59")
            local = h * 60 + mi
            if m.group("s"):
                # "20:41:06 CEST", an event recorder's or a race clock's second: the minute it falls in,
                # which an article may write truncated (20:41) or rounded up (20:42)
                if int(m.group("s")) > 59:
                    raise FactValueError(f"'{m.group(0).strip()}' is not a clock time", "seconds run 00-59")
                if int(m.group("s")) > 0:
                    hi = max(hi, 1)
            if m.group("date"):
                try:
                    day = dt.date.fromisoformat(m.group("date"))
                except ValueError as e:
                    raise FactValueError(f"{m.group('date')!r} is not a date: {e}", "write YYYY-MM-DD") from None
            zone = None
            if m.group("zone"):
                zone = lookup_zone(m.group("zone"), loose=True)
                if zone is not None and zone.reader:
                    raise FactValueError(f"{m.group('zone')!r} in {raw!r} is a reader's clock, not a zone",
                                         "write the zone itself: an abbreviation (CEST), a zone word (Paris time) "
                                         "or an IANA name (Europe/Paris)")
                if zone is None:
                    raise FactValueError(f"unknown zone {m.group('zone')!r} in {raw!r}",
                                         f"use a zone factcheck knows (nearest: {_nearest(m.group('zone'))}) "
                                         "or an IANA zone name such as Europe/Paris")
        if event_zone is not None:
            try:
                ZoneInfo(event_zone)
            except (ZoneInfoNotFoundError, ValueError):
                raise FactValueError(f"unknown event zone {event_zone!r}",
                                     f"use an IANA name; nearest: {_nearest(event_zone)}") from None
        if zone is None or zone.local:
            if event_zone is None:
                raise FactValueError(f"{raw!r} has no zone factcheck knows",
                                     "add a zone: an abbreviation (ET, GMT, CET), a zone word (Paris time) "
                                     "or an IANA name (Europe/Paris), or give the event a `zone:`")
            zone = Zone(event_zone, iana=event_zone)
        # "11:07 CST" of an event in Beijing is China Standard Time, as an article's "CST" there is
        # (zones.yaml `other_meanings`), not US Central
        zone = _meaning_at_event(zone, TimeValue(local, zone, day=day, event_zone=event_zone))
        if own is not None:
            n = int(own.group("n"))
            if not 0 < n <= 180:
                raise FactValueError(f"a window of ±{n} min in {written!r}", "write a window of 1 to 180 minutes")
            lo, hi = -n, n  # the window written replaces a hedge's
        return TimeValue(local, zone, day=day, lo=lo, hi=hi, event_zone=event_zone)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {k: options[k] for k in ("_date", "_zone") if options.get(k) is not None}

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        key = ("time", sentence.index)
        if key not in ctx.cache:
            found = read_times(sentence.text, sentence.start)
            columns = column_zones(ctx.doc.text) if found else ()
            if columns:
                # a bare clock in a column under a header row of zones is on its column's clock
                at = {(a, b): z for a, b, z in columns}
                found = [replace(r, value=replace(r.value, zone=at[(r.start, r.end)]),
                                 detail="; ".join(x for x in (r.detail, f"on the clock of its column "
                                                                         f"({at[(r.start, r.end)]})") if x))
                         if r.value.zone is None and (r.start, r.end) in at else r for r in found]
            ctx.cache[key] = found
        readings: list[Reading] = ctx.cache[key]
        return readings

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        got, reading, header = self._clock(reading, value, ctx, self._header(ctx))
        if got is True and value.day is not None:
            # "Contact was lost on 14 November at 00:36 GMT" for 15 November 00:36 UTC: the right clock
            # reading on a day beside it that its instant is on in no zone of the two
            got = _stated_day_fits(reading, value, ctx, header)
        if reading.extra.get("half_day") and got is not True:
            # "half past one": 01:30, else 13:30
            v: TimeValue = reading.value
            other = compare_times(replace(v, local=(v.local + 720) % 1440), value, ctx, header)
            return True if other is True else (False if got is False and other is False else None)
        return got

    def why_false(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> str | None:
        """What makes a contradiction of a clock that agrees: the day written beside it ("At 22:22 on
        4 January, Beijing time" for 3 January 22:22)."""
        if value.day is None:
            return None
        got, reading, _ = self._clock(reading, value, ctx, self._header(ctx))
        stated = _stated_day(reading, ctx.doc.text) if got is True else None
        if stated is None:
            return None
        month, day, year = stated
        said = f"{day} {dt.date(2000, month, 1):%B}" + (f" {year}" if year else "")
        return f"the clock agrees, but the day written beside it ({said}) is not its instant's"

    def clock_agrees(self, reading: Reading, value: Any, ctx: Context) -> bool:
        """Does the clock reading agree with the fact's, whatever day is written beside it ("on Monday,
        21.06.2010, at 19.13 Uhr MESZ" for Tuesday 22 June, 18:13 BST)?"""
        return self._clock(reading, value, ctx, self._header(ctx))[0] is True

    def header(self, ctx: Context) -> Zone | None:
        """The zone an article-wide header gives its bare clock times ("All times are IST"), if any."""
        return self._header(ctx)

    def _header(self, ctx: Context) -> Zone | None:
        key = ("time", "header")
        if key not in ctx.cache:
            ctx.cache[key] = header_zone(ctx.doc.text)
        header: Zone | None = ctx.cache[key]
        return header

    def on_event_clock(self, reading: Reading, ctx: Context) -> bool:
        """Is the clock time read on the event's own clock: no zone written with it (or "local
        time"), no place after it ("23.14 hours of the Friday 14 in Peru"), no header of the article
        ("All times GMT": "22:00 here")?"""
        z = reading.value.zone
        if z is not None and not z.local:
            return False
        if z is None and (isinstance(_place_after(ctx.doc.text, reading.end), Zone) or self._header(ctx) is not None):
            return False
        return True

    def _clock(self, reading: Reading, value: Any, ctx: Context,
               header: Zone | None) -> tuple[bool | None, Reading, Zone | None]:
        """The clock reading against the fact's instant, the day beside it aside; with the reading and
        the heading's zone as read (a place after the time is its clock)."""
        if reading.value.zone is None:
            place = _place_after(ctx.doc.text, reading.end)
            if isinstance(place, Zone):
                # "23:14 on 31 May in Rio de Janeiro": the place after the day is the time's clock
                reading = replace(reading, value=replace(reading.value, zone=place))
            elif place and header is not None:
                # "(04:14 Paris, 23:14 on 31 May in Belém)" under "times UTC": a place the zone pack
                # does not know says the time is not on the header's clock; read as if there were none
                header = None
        got = compare_times(reading.value, value, ctx, header)
        if got is False and reading.value.zone is None and header is None and value.event_zone:
            # a clock time with no zone, read on the event's clock, in an article that gives other
            # times on another clock ("17.38 Uhr MESZ" earlier, "22.09 o'clock" later): which clock
            # the bare one is on is unsure, so it never accuses
            if _other_clock_in(ctx, value):
                return None, reading, header
        return got, reading, header

    def render(self, value: Any) -> str:
        v: TimeValue = value
        assert v.zone is not None
        window = "" if not (v.lo or v.hi) else (f" ±{v.hi} min" if v.lo == -v.hi else f" {v.lo:+d} to {v.hi:+d} min")
        utcs = sorted({(v.local - o) % 1440 for o in zone_offsets(v.zone, v.day, v.local)})
        if len(utcs) != 1:
            return v.shown() + window  # a zone with summer time and no date: the UTC time depends on the date
        return f"{v.shown()}{window} ({utcs[0] // 60:02d}:{utcs[0] % 60:02d} UTC)"
