"""Reading every value of a source, with its sentence context.

Values are read by the kinds' own readers wherever one reads without a fact: clock times
(`read_times`), dates (`read_dates`, with the article's `numeric_order`), durations
(`read_durations`), years (`years_in`), percentages (`read_percentages`), sums of money
(`read_money`) and figures with a unit of measure (`unit_after`, the quantity kind's units). Numbers
come from factcheck/numbers.py, in the document's number `convention` as the checker reads them.

Two readers are local, because the kinds' readers need a fact to know what to read: a figure with
the noun it counts ("12,000 Canadian nurses"; the count and quantity kinds read only the noun of a
fact's `counted`/`unit`), and a person's name (names.py)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import regex

from factcheck.kinds._units import fillers_re, lookup, unit_after
from factcheck.kinds.base import Reading
from factcheck.kinds.date import WEEKDAY_NAMES, DateValue, numeric_order, read_dates
from factcheck.kinds.duration import read_durations
from factcheck.kinds.money import read_money
from factcheck.kinds.percentage import read_percentages
from factcheck.kinds.time import TimeValue, read_times
from factcheck.kinds.year import years_in
from factcheck.lang import alternation, lang, pack
from factcheck.model import Interval, Source
from factcheck.numbers import Number, convention, find_numbers
from factcheck.segment import Document, Sentence, segment
from factcheck.suggest.model import Value, ValueMention
from factcheck.suggest.names import read_names
from factcheck.suggest.words import context, is_stop, not_units, stem, value_words, words

Span = tuple[int, int]
Found = tuple[int, int, Value]

_NEXT_WORD = regex.compile(r"[\s-]+([\p{L}][\p{L}'’-]*)")
_PREV_WORD = regex.compile(r"(\p{L}+)\s+$")
# not a figure: "No. 3", "#2", "3.2 million" read from its second half, "one of", "each of"
_NOT_A_FIGURE = regex.compile(r"(?:\bNo\.|#|\d[.:])\s*$|(?:^|[^\p{L}])(?:one|each)\s+of\s+$", regex.IGNORECASE)
# a duration used as an adjective ("a 90-minute call"): its reading does not say so
_ADJECTIVE = regex.compile(r"\d-|\p{L}-(?:minute|hour|min|hr)", regex.IGNORECASE)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@cache
def _hedge_start_re() -> regex.Pattern[str]:
    """A hedge phrase at a position ("just over two hours", "about $4.1 billion"): the kinds'
    readings keep the hedge's class and the interval it makes, not the phrase, which the stub
    repeats."""
    return regex.compile(rf"({alternation(lang().hedges)})(?:\s|(?=\p{{Sc}}))", regex.IGNORECASE)


def _overlaps(a: int, b: int, spans: Iterable[Span]) -> bool:
    return any(a < y and x < b for x, y in spans)


# --- values of the kinds' readings --------------------------------------------------------------
#
# The span of a figure (a percentage, a sum, a measure, a number with its noun) is the number's
# own, its hedge included: it lies inside the span the checker binds, and the words after it
# ("per cent", "miles", "nurses") stay context, for the figure and for the other values of the
# sentence.


def _fmt_number(n: Number, hedge: str, surface: str) -> str:
    if n.magnitude:
        return " ".join(surface.lower().split())
    v = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,g}"
    if hedge:
        return f"{hedge} {v}"
    if n.hedge:
        return " ".join(surface.lower().split())
    return v


def _hedge_phrase(sentence: Sentence, n: Number) -> str:
    """The hedge before `n` as written ("more than", "about" of "about $4.1 billion")."""
    if n.hedge_start < 0:
        return ""
    m = _hedge_start_re().match(sentence.text, n.hedge_start - sentence.start, n.start - sentence.start)
    return " ".join(m.group(1).lower().split()) if m else ""


def _open_ended(n: Number, iv: Interval) -> bool:
    return n.magnitude or math.isinf(iv.hi) or iv.lo <= 0


@cache
def _long_units() -> tuple[tuple[float, str], ...]:
    """The units a long duration is written in, largest first, with their minutes (the duration
    kind's data): the stub reads (and parses) as "31 years", not as "1.63048e+07 min"."""
    table = pack("durations")["units"]
    return tuple((float(table[w]), w) for w in ("year", "month", "week", "day"))


def duration_text(minutes: float) -> str:
    """A duration in the largest unit it is a whole number of; else in days (or minutes, under a
    day)."""
    for per, word in _long_units():
        n = minutes / per
        if n >= 1 and abs(n - round(n)) < 1e-6 or word == "day" and n >= 1:
            v = round(n) if abs(n - round(n)) < 1e-6 else round(n, 2)
            return f"{v:g} {word}{'' if v == 1 else 's'}"
    return f"{minutes:g} min"


def fmt_minutes(m: float) -> str:
    if m >= 1440:
        return duration_text(m)
    if m >= 60:
        h, r = divmod(m, 60)
        return f"{int(h)} h" if not r else f"{int(h)} h {r:02g} min" if r >= 10 else f"{int(h)} h 0{r:g} min"
    return f"{m:g} min"


def _duration_value(r: Reading) -> Value:
    iv: Interval = r.value
    minutes = float(r.shown["minutes"])
    text = " ".join(r.text.split())
    hm = _hedge_start_re().match(text)
    hedge = " ".join(hm.group(1).lower().split()) if hm else ""
    approx = iv.hi - iv.lo > 1.0 + 1e-9
    if hedge:
        shown = f"{hedge} {fmt_minutes(minutes)}"
    elif approx and _ADJECTIVE.search(text):
        shown = f"{fmt_minutes(minutes)} ('{text.lower()}')"
    else:
        shown = fmt_minutes(minutes)
    key = ("duration", round(iv.lo, 3), round(iv.hi, 3), iv.lo_open, iv.hi_open)
    return Value("duration", key, shown, point=minutes, interval=iv, open_ended=math.isinf(iv.hi) or iv.lo <= 0,
                 hedge=hedge, data=minutes)


def date_shown(v: DateValue) -> str:
    parts: list[str] = []
    if v.weekday is not None:
        parts.append(WEEKDAY_NAMES[v.weekday])
    if v.month:
        md = f"{v.day} {_MONTHS[v.month - 1]}" if v.day else _MONTHS[v.month - 1]
        parts.append(md + (f" {v.year}" if v.year else ""))
    return ", ".join(parts) if parts else "?"


def _date_value(v: DateValue) -> Value:
    point = float((v.month or 0) * 31 + (v.day or 0))
    return Value("date", ("date", v.year, v.month, v.day, v.weekday), date_shown(v), point=point, data=v)


def _time_value(v: TimeValue, text: str) -> Value:
    utc = v.utc
    if utc is not None:
        shown = f"{v.shown()} = {utc // 60:02d}:{utc % 60:02d} UTC"
        key: tuple[Any, ...] = ("time", "utc", utc)
        point = float(utc)
    else:
        shown = f"{v.shown()} (no zone)"
        key = ("time", "local", v.local)
        point = float(v.local)
    return Value("time", key, shown, point=point, data=v, hedge=text)


def _year_value(y: int) -> Value:
    return Value("year", ("year", y), str(y), point=float(y), data=y)


def _percentages(sentence: Sentence, conv: str) -> list[Found]:
    out: list[Found] = []
    for n, points, end in read_percentages(sentence.text, sentence.start, conv):
        if end == n.end:
            continue  # a share in words ("more than half of"): seldom a figure a fact is about
        unit = "points" if points else "%"
        hedge = _hedge_phrase(sentence, n)
        iv = n.interval()
        v = f"{n.value:g}"
        shown = f"{hedge} {v} {unit}" if hedge else f"{v} {unit}"
        out.append((n.span_start, n.end, Value("percentage", ("percentage", round(n.value, 6), n.hedge, unit), shown,
                                             point=n.value, interval=iv, open_ended=_open_ended(n, iv),
                                             units=frozenset({unit}), unit_text=unit, hedge=hedge, data=n,
                                             measure=unit)))
    return out


def fmt_money(value: float, currency: str) -> str:
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{currency} {value / scale:g} {word}"
    return f"{currency} {value:,.0f}" if float(value).is_integer() else f"{currency} {value:,.2f}"


def _money(sentence: Sentence, conv: str) -> list[Found]:
    out: list[Found] = []
    for n, codes, rate, _ in read_money(sentence.text, sentence.start, conv):
        currency = codes[0]
        hedge = _hedge_phrase(sentence, n)
        iv = n.interval()
        shown = fmt_money(n.value, currency) + (f" per {rate}" if rate else "")
        shown = f"{hedge} {shown}" if hedge else shown
        unit = f"{currency}/{rate}" if rate else currency
        key = ("money", unit, round(n.value, 6), n.hedge)
        out.append((n.span_start, n.end, Value("money", key, shown, point=n.value, interval=iv,
                                             open_ended=_open_ended(n, iv), units=frozenset({unit}),
                                             unit_text=currency, hedge=hedge, data=n, measure=currency, per=rate)))
    return out


def _figure(sentence: Sentence, n: Number, units: frozenset[str], unit_text: str, measure: str = "") -> Value:
    hedge = _hedge_phrase(sentence, n)
    iv = n.interval()
    surface = sentence.text[n.span_start - sentence.start : n.end - sentence.start]
    key = ("number", round(n.value, 6), n.hedge, n.magnitude)
    return Value("number", key, _fmt_number(n, hedge, surface), point=n.value, interval=iv,
                 open_ended=_open_ended(n, iv), units=units, unit_text=unit_text, hedge=hedge, data=n,
                 measure=measure)


def _measures(sentence: Sentence, conv: str) -> list[Found]:
    """Figures followed by a unit of measure of the quantity kind ("130 km", "400-metre")."""
    out: list[Found] = []
    text = sentence.text
    for n in find_numbers(text, sentence.start, conv):
        if n.magnitude or not n.value > 0 or not math.isfinite(n.value):
            continue
        rel = n.end - sentence.start
        u = unit_after(text[rel:])
        if u is None or not u[1]:
            continue  # a counted noun (people, vessels) is read with the other nouns
        canon, _, length = u
        written = text[rel : rel + length].strip(" -\u00a0\u202f")
        out.append((n.span_start, n.end, _figure(sentence, n, frozenset({canon}), written, written)))
    return out


# --- a figure and the noun it counts (local: see the module docstring) ----------------------


def _filler(w: str) -> bool:
    """A word between a number and its noun ("12,000 Canadian nurses", "5,000 more nurses"): the
    fillers of the quantity kind (units.yaml) and of suggest.yaml, but not "of" nor a determiner,
    which end the figure ("two of the", "2 the")."""
    lw = w.lower()
    if lw == "of" or lw in words("determiners"):
        return False
    return bool(fillers_re().match(w)) or lw in words("unit_fillers")


def _unit_after(after: str, magnitude: bool) -> tuple[str, list[str]] | None:
    """The noun(s) right after a number: (" Canadian nurses" -> ("nurses", ["nurses"]))."""
    if not after[:1].isspace() and after[:1] != "-":
        return None
    pos = 0
    skipped = 0
    found: list[str] = []
    for m in _NEXT_WORD.finditer(after):
        if m.start() != pos:
            break
        pos = m.end()
        w = m.group(1)
        lw = w.lower()
        if not found:
            if lw == "of" and magnitude and skipped == 0:
                skipped += 1  # "tens of thousands of nurses"
                continue
            if _filler(w):
                skipped += 1
                if skipped > 3:
                    return None
                continue
            if is_stop(w) or lw in not_units() or lw in value_words():
                return None
            found.append(lw)
            continue
        # a second noun: "member states" (a singular modifier before a plural head)
        if (not w[0].isupper() and not is_stop(w) and lw not in not_units() and lw.endswith("s")
                and not found[0].endswith("s") and lw not in value_words()):
            found.append(lw)
        break
    if not found:
        return None
    return " ".join(found), found


def _unit_key(word: str) -> str:
    """What a noun counts: a counted unit of units.yaml ("ships" and "vessels" are vessels), else
    the noun's stem."""
    hit = lookup(word)
    return hit[0] if hit is not None and not hit[1] else stem(word)


def _counted(sentence: Sentence, conv: str, taken: list[Span]) -> list[Found]:
    text = sentence.text
    out: list[Found] = []
    for n in find_numbers(text, sentence.start, conv):
        if _overlaps(n.start, n.end, taken):
            continue
        if not n.magnitude and (n.value < 2 or not math.isfinite(n.value)):
            continue
        rel_a, rel_b = n.span_start - sentence.start, n.end - sentence.start
        before = text[:rel_a]
        prev = _PREV_WORD.search(before)
        if n.words and n.value <= 3 and prev and prev.group(1).lower() in words("determiners"):
            continue  # "the two leaders": a reference, not a claim
        if _NOT_A_FIGURE.search(before):
            continue  # "No. 3", "#2", "one of", "each of"
        unit = _unit_after(text[rel_b:], n.magnitude)
        if unit is None:
            continue
        unit_text, nouns = unit
        out.append((n.span_start, n.end, _figure(sentence, n, frozenset(_unit_key(w) for w in nouns), unit_text)))
    return out


# --- a sentence, a source ------------------------------------------------------------------------


def _read_sentence(sentence: Sentence, conv: str, day_first: bool | None) -> list[Found]:
    """The values of one sentence, most specific reading first: a clock time, a date, a duration, a
    year, a percentage, a sum of money, a measure, a number with its noun, a name; a span is read
    once."""
    found: list[Found] = []
    st, text = sentence.start, sentence.text
    readers: list[Callable[[list[Span]], Iterable[Found]]] = [
        lambda _: ((r.start, r.end, _time_value(r.value, r.text)) for r in read_times(text, st)),
        lambda _: ((r.start, r.end, _date_value(r.value)) for r in read_dates(text, st, day_first=day_first)),
        lambda _: ((r.start, r.end, _duration_value(r)) for r in read_durations(text, st)),
        lambda _: ((a, b, _year_value(y)) for a, b, y in years_in(sentence)),
        lambda _: _percentages(sentence, conv),
        lambda _: _money(sentence, conv),
        lambda _: _measures(sentence, conv),
        lambda taken: _counted(sentence, conv, taken),
        lambda taken: read_names(sentence, taken),
    ]
    for read in readers:
        taken = [(a, b) for a, b, _ in found]
        for a, b, v in list(read(taken)):
            if not _overlaps(a, b, taken):
                found.append((a, b, v))
    return found


def read_mentions(source: Source) -> list[ValueMention]:
    """Every value the readers find in `source`, with its sentence context (furniture excluded)."""
    doc: Document = segment(source.text)
    conv = convention(source.text)
    day_first = numeric_order(source.text)
    out: list[ValueMention] = []
    for sentence in doc.sentences:
        found = _read_sentence(sentence, conv, day_first)
        spans = [(a, b) for a, b, _ in found]  # other values (names too) are not context
        for a, b, v in found:
            ctx, surf = context(sentence, a, b, spans)
            line, _ = doc.line_col(a)
            out.append(ValueMention(source=source.id, path=source.path or source.id, start=a, end=b, line=line,
                                    text=source.text[a:b], sentence=sentence.text, sentence_start=sentence.start,
                                    value=v, context=ctx, surfaces=surf))
    out.sort(key=lambda m: (m.start, m.end))
    return out
