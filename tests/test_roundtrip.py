"""Hypothesis round-trips: render a value in many surface forms, parse it back."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.kinds.date import WEEKDAY_NAMES, read_dates
from factcheck.kinds.duration import read_durations
from factcheck.kinds.set import country_lists
from factcheck.kinds.time import read_times
from factcheck.lang import lang
from factcheck.numbers import find_numbers
from factcheck.segment import segment

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def words(n: int) -> str:
    """English number words, written independently of the parser under test."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return UNITS[n // 100] + " hundred" + (" and " + words(rest) if rest else "")
    if n < 1_000_000:
        rest = n % 1000
        return words(n // 1000) + " thousand" + (" " + words(rest) if rest else "")
    raise ValueError(n)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from([",", " ", "\u00a0", "", "words"]))
@example(94_000, "words")
@example(175_000, " ")
@example(94_300, ",")
def test_numbers_roundtrip(n: int, form: str) -> None:
    text = words(n) if form == "words" else grouped(n, form) if n >= 1000 or form == "" else str(n)
    found = find_numbers(f"Officials said {text} troops were there.")
    assert [f.value for f in found] == [n], (text, found)


@given(st.sampled_from(["about", "roughly", "nearly", "more than", "up to", "at least", "just over"]),
       st.integers(min_value=1000, max_value=500_000))
def test_hedged_number_keeps_its_hedge(hedge: str, n: int) -> None:
    (num,) = find_numbers(f"There were {hedge} {n:,} soldiers.")
    assert num.value == n
    assert num.hedge == lang().hedges[hedge]
    iv = num.interval()
    if hedge in ("about", "roughly", "nearly", "up to", "at least"):
        assert iv.contains(n)


@given(st.integers(min_value=1, max_value=600))
@example(121)
@example(90)
def test_duration_roundtrip(minutes: int) -> None:
    h, m = divmod(minutes, 60)
    forms = [f"{minutes} minutes", f"{words(minutes)} minutes", f"a {minutes}-minute call"]
    if h and m:
        forms.append(f"{words(h)} hour{'s' if h > 1 else ''} and {words(m)} minute{'s' if m > 1 else ''}")
        forms.append(f"{h} hours {m} minutes" if h > 1 else f"{h} hour {m} minutes")
    if not m:
        forms.append(f"{words(h)} hours" if h > 1 else "one hour")
    if m == 30:
        forms.append(f"{h}.5 hours")
    for text in forms:
        rs = read_durations(f"They spoke for {text} on Tuesday.")
        assert len(rs) == 1, (text, rs)
        assert rs[0].value.contains(minutes), (text, rs[0].value)


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59),
       st.sampled_from([("minutes", 1 / 60), ("hours", 1.0)]))
def test_dotted_sixtieths_roundtrip(whole: int, sixtieths: int, unit: tuple[str, float]) -> None:
    # "59.47 minutes" in a text that writes times with dots: 59 minutes 47 seconds ("4.42 hours": 4 h 42)
    word, minutes_per = unit
    text = f"He ran it in {whole}.{sixtieths:02d} {word}."
    rs = read_durations(text, sixtieths=True)
    assert len(rs) == 1, rs
    per_unit = 1.0 if word == "minutes" else 60.0
    exact = whole * per_unit + sixtieths * minutes_per
    assert rs[0].value.contains(exact), (text, rs[0].value)
    assert rs[0].value.hi - rs[0].value.lo <= per_unit / 60 + 1e-6


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59))
def test_minutes_seconds_clock_roundtrip(minutes: int, seconds: int) -> None:
    # with `clock`, "59:47" is 59 minutes 47 seconds when the minutes cannot be an hour of the day
    text = f"He ran the second half in {minutes:02d}:{seconds:02d}, a negative split."
    rs = read_durations(text, clock=True)
    if minutes < 24:
        assert rs == []  # "12:30" may be a time of day
    else:
        assert len(rs) == 1 and rs[0].value.contains(minutes + seconds / 60), (text, rs)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(["mdy", "dmy", "abbr", "iso", "weekday"]))
@example(dt.date(2021, 12, 7), "abbr")
@example(dt.date(2021, 12, 30), "weekday")
def test_date_roundtrip(d: dt.date, form: str) -> None:
    month = MONTHS[d.month - 1]
    text = {
        "mdy": f"{month} {d.day}, {d.year}",
        "dmy": f"{d.day} {month} {d.year}",
        "abbr": f"{month[:3]}. {d.day}, {d.year}" if month != "May" else f"May {d.day}, {d.year}",
        "iso": d.isoformat(),
        "weekday": f"{WEEKDAY_NAMES[d.weekday()]}, {month} {d.day}, {d.year}",
    }[form]
    rs = read_dates(f"The talks were held on {text} in Geneva.")
    assert len(rs) == 1, (text, rs)
    v = rs[0].value
    assert (v.year, v.month, v.day) == (d.year, d.month, d.day)
    if form == "weekday":
        assert v.weekday == d.weekday()


# months as a translation leaves them, written here apart from the language data under test
GERMAN = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
FRENCH = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
SPANISH = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(["de", "de_no_year", "fr", "es"]))
@example(dt.date(2023, 7, 18), "de_no_year")
@example(dt.date(2023, 3, 3), "fr")
def test_translated_month_roundtrip(d: dt.date, form: str) -> None:
    text = {
        "de": f"{d.day}. {GERMAN[d.month - 1]} {d.year}",
        "de_no_year": f"{d.day}. {GERMAN[d.month - 1]}",
        "fr": f"le {d.day} {FRENCH[d.month - 1]} {d.year}",
        "es": f"el {d.day} de {SPANISH[d.month - 1]} de {d.year}",
    }[form]
    rs = read_dates(f"The talks were held {text} in Geneva.")
    assert len(rs) == 1, (text, rs)
    v = rs[0].value
    assert (v.month, v.day) == (d.month, d.day) and v.year == (None if form == "de_no_year" else d.year)


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59),
       st.sampled_from(["ET", "EST", "GMT", "UTC", "CET", "Moscow time"]))
@example(15, 30, "ET")
def test_time_roundtrip(h: int, m: int, zone: str) -> None:
    offset = lang().zones[zone.lower()]
    utc = int((h * 60 + m - offset * 60) % 1440)
    ampm = f"{(h % 12) or 12}:{m:02d} {'pm' if h >= 12 else 'am'} {zone}"
    for text in (f"{h:02d}:{m:02d} {zone}", f"{h:02d}{m:02d} {zone}", ampm, f"{h}.{m:02d} {zone}"):
        rs = read_times(f"The call starts at {text} on Thursday.")
        assert len(rs) == 1, (text, rs)
        assert rs[0].value.utc == utc, text


@given(st.lists(st.sampled_from(sorted(lang().countries)), min_size=2, max_size=5, unique=True), st.randoms())
def test_country_list_roundtrip(members: list[str], rnd: object) -> None:
    aliases = lang().countries
    shown = [rnd.choice([m, *[a for a in aliases[m] if a[0].isupper() and len(a) > 3]]) for m in members]  # type: ignore[attr-defined]
    listing = ", ".join(shown[:-1]) + " and " + shown[-1]
    doc = segment(f"Biden spoke with the leaders of {listing} on Monday.")
    lists = country_lists(doc.sentences[0])
    assert lists and set(lists[0][2]) == set(members), (listing, lists)


@given(st.integers(min_value=1600, max_value=2099), st.sampled_from(["plain", "hyphen", "oh", "thousand"]))
@example(1964, "plain")
@example(1905, "oh")
@example(2008, "thousand")
def test_spoken_year_round_trip(year: int, style: str) -> None:
    """A year in words, as a column or a transcript says it, reads back as that year."""
    from factcheck.kinds.year import spoken_years
    from factcheck.segment import Sentence
    century, rest = divmod(year, 100)
    if style == "thousand" and 2001 <= year <= 2019:
        said = f"two thousand and {words(year - 2000)}"
    elif rest == 0 or year in range(2000, 2010):
        return  # "nineteen hundred", "two thousand": counts as often as years; not read
    elif rest < 10:
        said = f"{words(century)} oh {words(rest)}"
    else:
        said = f"{words(century)} {words(rest)}"
    if style == "hyphen":
        said = said.replace(" ", "-")
    text = f"They last won it in {said}, long ago."
    got = spoken_years(Sentence(0, len(text), text, 0, 0, ()))
    assert [y for _, _, y in got] == [year], (said, got)
