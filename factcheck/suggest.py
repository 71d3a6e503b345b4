"""Mine candidate facts from a corpus: `factcheck suggest [CORPUS ...]`.

Every value the extractors can read is collected with its sentence: numbers followed by a unit
noun ("94,000 Russian troops"), durations, dates, clock times, years, and capitalised person-like
names of two or more words. Mentions are grouped into candidate facts by kind and by context: the
content words of the sentence, lower-cased, stop words dropped and crudely stemmed, weighted by
their nearness to the value and by how rare they are in the corpus (idf over sentences). A
mention joins the candidate whose context is most like its own when its value is close to the
candidate's values (94,000 vs 94,300 vs about 100,000 troops; "two hours and one minute" vs
"just over two hours"); a numeric candidate also needs the same unit noun, and every candidate
needs articles about the same thing (a market report's trading session of about two hours is not
the talks' length). The grouping is greedy and deterministic: the same corpus in the same order
gives the same output, byte for byte.

Candidates are ranked by the number of distinct sources stating them. Within a candidate the
distinct values are listed with the sources stating each, and two flags mark sources that do not
say the same thing:

    DISAGREE  two values whose intervals (hedge and precision, see factcheck/numbers.py) do not
              overlap, or two different dates, times or years, stated by different sources;
    DIFFER    two figures that the hedges make compatible but whose stated values differ by more
              than 2.5% (94,000 vs about 100,000), or two spellings of a name.

With a fact base, a candidate is covered when the checker (factcheck/check.py) bound a mention of
some fact to the same span (or to a span containing it, e.g. the set "2014 and 2015") in some
source. The output is YAML stubs ready to edit: uncovered candidates first, then the covered ones,
commented out so that pasting the whole output never duplicates a fact.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from factcheck.clitools import SourceLimits
from factcheck.factbase.model import FactBase
from factcheck.kinds.base import Reading
from factcheck.kinds.date import WEEKDAY_NAMES, DateValue, read_dates
from factcheck.kinds.duration import read_durations
from factcheck.kinds.time import TimeValue, read_times
from factcheck.kinds.year import YEAR
from factcheck.lang import alternation, lang, levenshtein
from factcheck.model import Interval, Source, SourceError
from factcheck.numbers import Number, find_numbers
from factcheck.segment import Document, Sentence, segment

__all__ = [
    "Candidate",
    "Suggestions",
    "ValueGroup",
    "ValueMention",
    "read_mentions",
    "render_suggestions",
    "suggest",
]

PathArg = str | os.PathLike[str]

# Extractor families, in the order candidates of equal rank are listed.
KIND_ORDER = ("number", "duration", "date", "time", "year", "name")

# Context similarity (cosine) a mention needs to join a candidate, by how near its value is to the
# candidate's: (the same value, a close value, a value only roughly close). Numbers also need the
# same unit noun, so they ask for little more; names are grouped by spelling alone.
_THRESHOLDS: dict[str, tuple[float, float, float]] = {
    "number": (0.02, 0.05, 0.45),
    "duration": (0.02, 0.03, 0.35),
    "date": (0.05, 0.20, 0.50),
    "time": (0.05, 0.15, 0.50),
    "year": (0.12, 0.25, 0.55),
    "name": (0.0, 0.0, 0.0),
}
_TOPIC = 0.05  # a mention joins a candidate only if its article is about what one of the
# candidate's articles is about (cosine of whole articles): a market report's "session that lasted
# just over two hours" is not the summit's duration
CLOSE_RATIO = 1.25  # numbers and durations: values within 25% of each other are close
WIDE_RATIO = 1.6  # ... within 60% when the contexts are very alike ("three hours" vs "two hours")
DIFFER_RATIO = 0.025  # compatible figures whose stated values differ by more than this: DIFFER
_WINDOW = 12  # context words nearer than this many words weigh more
_OTHER_CLAUSE = 0.35  # weight of a context word in another clause of the sentence
_EVENT = "<event>"  # the concept every word for a talk stands for

_STOP = frozenset("""
a about above across after afterwards again against all almost alone along already also although always
am among amongst an and another any anyone anything anyway are around as at back be became because
become becomes been before beforehand being below beside besides between beyond both but by can cannot
could did do does doing done down due during each either else elsewhere enough etc even ever every
few for former formerly from further had has have having he her here hers herself him himself his how
however i if in indeed instead into is it its itself just last latter least less let like made many may
me meanwhile might more moreover most mostly much must my myself namely neither never nevertheless
next no nobody none nor not nothing now of off often on once only onto or other others otherwise our
ours ourselves out over own per perhaps rather re same see seem seemed seems several she should since
so some somehow something sometime sometimes somewhere still such than that the their theirs them
themselves then thence there thereafter thereby therefore therein these they this those though through
throughout thus to together too toward towards under until up upon us very via was we well were what
whatever when whence whenever where whereas whereby wherever whether which while who whoever whole whom
whose why will with within without would yet you your yours yourself yourselves
said say says saying told tell tells stated added adding according reported reports
mr mrs ms dr s t don didn doesn isn wasn weren won wouldn ll ve re d m
also just earlier later ago today yesterday tomorrow tonight morning evening night afternoon
week weeks day days month months year years time times
""".split())

# Unit nouns that stand for the same thing ("94,000 troops", "10,000 soldiers").
_UNIT_SYNONYMS = {
    "soldier": "troop", "servicemen": "troop", "serviceman": "troop", "personnel": "troop",
    "force": "troop", "servicemember": "troop",
}
# Words between a number and its unit noun ("94,000 Russian troops", "175,000 combat troops").
_UNIT_FILLER = frozenset("""more additional extra new military armed ground active regular combat frontline front-line
other major main key further fresh reserve elite special total""".split())
# Nouns after a number that do not make it a figure worth a fact: spans of time ("the past two
# months") are not read by the duration kind and are nearly always relative.
_NOT_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year years
decade decades century centuries time times th st nd rd""".split())
_DETERMINERS = frozenset("the these those both all its their his her our your whose which".split())

# Capitalised words that are not part of a person's name (lower case).
_NOT_NAME = frozenset("""
president presidents vice prime minister ministers secretary press spokesman spokeswoman spokesperson
senator sen rep gov governor general gen col lt mr mrs ms dr sir lord lady chairman chairwoman chair
director ambassador chancellor king queen prince princess pope emperor aide adviser advisor official
officials minister leader leaders head chief commander admiral captain judge justice
foreign defence defense state states national security council house white senate congress committee
relations union united kingdom nations nation european europe eastern western northern southern east
west north south central atlantic pacific treaty organization organisation alliance news times post
journal agency agencies staff telegram source link comments comment reply popular recent related
articles article home world sea black red cold war crisis missile cuban peninsula region republic
federation soviet ministry department office administration government army navy air force forces
conflict border summit meeting talks call city street county province university institute center
centre bank group company inc corp ltd co day christmas new year years greetings hello kremlin
pentagon nato osce eu un al el la le de van von der del da di bin ibn strong significant tension
tensions pool photo image getty reuters associated ap afp press tass ria novosti interfax bbc cnn
fox nbc abc cbs msnbc sunday monday tuesday wednesday thursday friday saturday international global
democratic republican party parliament duma supreme court federal reserve stock exchange market
markets index big top senior lives matter live updates breaking exclusive opinion analysis
agreement agreements accord accords protocol plan deal pact declaration act law doctrine format
""".split())

_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*")
_NAME_TOKEN = r"(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
_NAME_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’-]){_NAME_TOKEN}(?:\s+(?:\p{{Lu}}\.\s+)?{_NAME_TOKEN})+(?![\p{{L}}\p{{M}}])"
)
_NAME_PART = regex.compile(rf"{_NAME_TOKEN}|\p{{Lu}}\.")
_CURRENCY = regex.compile(r"[$€£¥]\s*$")
_NEXT_WORD = regex.compile(r"[\s-]+([\p{L}][\p{L}'’-]*)")
_PREV_WORD = regex.compile(r"(\p{L}+)\s+$")
_NOT_A_FIGURE = regex.compile(r"(?:\bNo\.|#|\d[.:])\s*$|(?:^|[^\p{L}])(?:one|each)\s+of\s+$", regex.IGNORECASE)
_ADJECTIVE = regex.compile(r"\d-|\p{L}-(?:minute|hour|min|hr)", regex.IGNORECASE)


@cache
def _hedge_start_re() -> regex.Pattern[str]:
    return regex.compile(rf"({alternation(lang().hedges)})\s", regex.IGNORECASE)


# --- values and mentions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """One value as read. `key` identifies it among the distinct values of a candidate."""

    kind: str  # number, duration, date, time, year, name
    key: tuple[Any, ...]
    shown: str
    point: float = 0.0  # the stated figure (numbers, minutes, years, minutes UTC, day ordinal)
    interval: Interval | None = None  # numbers and durations: the claim as an interval
    open_ended: bool = False  # "more than", "up to", "tens of thousands": a bound only
    units: frozenset[str] = frozenset()  # numbers: stems of the unit noun(s)
    unit_text: str = ""  # numbers: the unit noun(s) as written, lower case
    hedge: str = ""  # the hedge phrase as written, lower case ("about", "more than")
    data: Any = None  # DateValue, TimeValue, (first, last) of a name, minutes of a duration


@dataclass(frozen=True)
class ValueMention:
    """A value read in a sentence of a source, with the words around it."""

    source: str
    path: str
    start: int
    end: int
    line: int
    text: str
    sentence: str
    sentence_start: int
    value: Value
    context: tuple[tuple[str, float], ...] = ()  # (stem, nearness weight), one entry per word
    surfaces: tuple[tuple[str, str], ...] = ()  # (stem, word as written)


@dataclass
class ValueGroup:
    """One distinct value of a candidate and the sources stating it (corpus order)."""

    value: Value
    shown: str
    sources: list[str] = field(default_factory=list)
    mentions: list[ValueMention] = field(default_factory=list)


@dataclass
class Candidate:
    """A candidate fact: mentions of one kind with like contexts and close values."""

    kind: str
    mentions: list[ValueMention] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)  # the sum of the mentions' context vectors
    vectors: list[tuple[dict[str, float], float]] = field(default_factory=list)  # each mention's, with its norm
    norm: float = -1.0  # of `vector`; -1 when it must be computed again
    values: list[ValueGroup] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    flag: str = ""  # "", "DIFFER" or "DISAGREE"
    flag_details: list[str] = field(default_factory=list)
    covered_by: list[str] = field(default_factory=list)  # fact ids, most mentions first
    covered_mentions: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)  # checker verdicts of the covered mentions
    fact_kind: str = ""  # the kind of the stub: quantity, count, duration, date, time, year, name
    id: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # source id -> short label

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    @property
    def main(self) -> ValueGroup:
        """The value the stub proposes: stated by most sources, then the most precise."""
        return max(self.values, key=lambda g: (len(g.sources), -_width(g.value), -self.values.index(g)))


class Suggestions(list[Candidate]):
    """The ranked candidates, with what was read: `sources` (ids, corpus order), `errors`
    (sources that could not be read) and `labels` (short source labels for people)."""

    def __init__(self, items: Iterable[Candidate] = (), *, sources: Sequence[str] = (),
                 errors: Sequence[SourceError] = (), labels: dict[str, str] | None = None,
                 with_base: bool = False) -> None:
        super().__init__(items)
        self.sources = tuple(sources)
        self.errors = tuple(errors)
        self.labels = dict(labels or {})
        self.with_base = with_base


# --- words -------------------------------------------------------------------------------------


@cache
def stem(word: str) -> str:
    """A small suffix-stripping stemmer: troops -> troop, lasted -> last, meeting -> meet."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3:
        return w
    for suffixes in ((("ies", "y"), ("sses", "ss"), ("s", "")), (("ing", ""), ("ed", ""))):
        for suf, rep in suffixes:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                if suf == "s" and (w.endswith("ss") or w.endswith("us") or w.endswith("is")):
                    continue
                w = w[: len(w) - len(suf)] + rep
                break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # planned -> plann -> plan
    return w


@cache
def _value_words() -> frozenset[str]:
    """Words that are values, not context: number words, months, weekdays, hedges."""
    lg = lang()
    words = set(lg.number_words) | set(lg.months) | set(lg.weekdays)
    for phrase in lg.hedges:
        words.update(phrase.split())
    words.update(str(w) for w in lg.data["numbers"].get("fractions", {}))
    words.update(lg.duration_units)
    return frozenset(words)


@cache
def _is_stop(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w in _STOP or w in _value_words() or len(w) < 2


@cache
def _event_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lang().event_nouns if " " not in w)


def _context(sentence: Sentence, start: int, end: int,
             skip: Sequence[tuple[int, int]] = ()) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, str], ...]]:
    """Content words of `sentence` outside [start, end) and the `skip` spans, weighted by their
    distance (in words) from the value."""
    toks = [(sentence.start + m.start(), sentence.start + m.end(), m.group(0)) for m in _TOKEN.finditer(sentence.text)]
    seg = next(((g.start, g.end) for g in sentence.segments if g.start <= start < g.end),
               (sentence.start, sentence.end))
    events = _event_nouns()
    before = [i for i, (a, _, _) in enumerate(toks) if a < start]
    after = [i for i, (a, _, _) in enumerate(toks) if a >= end]
    ctx: list[tuple[str, float]] = []
    surf: list[tuple[str, str]] = []
    for order in (list(reversed(before)), after):
        gap = 0
        for i in order:
            a, b, w = toks[i]
            if any(x <= a < y for x, y in skip) or start <= a < end:
                continue
            gap += 1
            if _is_stop(w):
                continue
            s = stem(w)
            weight = 1.0 / (1.0 + gap / 3.0) if gap <= _WINDOW else 0.15
            if not seg[0] <= a < seg[1]:
                weight *= _OTHER_CLAUSE  # another clause of the sentence: probably about something else
            ctx.append((s, weight))
            if w.lower() in events:
                ctx.append((_EVENT, weight * 0.7))  # talks, meeting, call, discussion: one concept
            surf.append((s, w.lower().replace("’", "'").removesuffix("'s")))
    return tuple(ctx), tuple(surf)


# --- reading values ---------------------------------------------------------------------------


def _overlaps(a: int, b: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def _hedge_phrase(text: str, n: Number) -> str:
    if n.hedge_start < 0:
        return ""
    phrase = " ".join(text[n.hedge_start : n.start].lower().split())
    phrase = phrase.removesuffix(" a").removesuffix(" an")
    return phrase if phrase in lang().hedges else ""


def _unit_after(after: str, magnitude: bool) -> tuple[str, list[str]] | None:
    """The unit noun(s) right after a number: ("russian troops" -> ("troops", ["troops"]))."""
    if after[:1] == "%" or after.lower().startswith(" per cent"):
        return "percent", ["percent"]
    if not after[:1].isspace() and after[:1] != "-":
        return None
    pos = 0
    skipped = 0
    words: list[str] = []
    for m in _NEXT_WORD.finditer(after):
        if m.start() != pos:
            break
        pos = m.end()
        w = m.group(1)
        lw = w.lower()
        if not words:
            if lw == "of" and magnitude and skipped == 0:
                skipped += 1
                continue
            if w[0].isupper() or lw in _UNIT_FILLER:
                skipped += 1
                if skipped > 3:
                    return None
                continue
            if _is_stop(w) or lw in _NOT_UNITS or lw in _value_words():
                return None
            words.append(lw)
            continue
        # a second noun: "member states" (a singular modifier before a plural head)
        if (not w[0].isupper() and not _is_stop(w) and lw not in _NOT_UNITS and lw.endswith("s")
                and not words[0].endswith("s") and lw not in _value_words()):
            words.append(lw)
        break
    if not words:
        return None
    return " ".join(words), words


def _read_numbers(sentence: Sentence, taken: list[tuple[int, int]]) -> list[tuple[int, int, Value]]:
    text = sentence.text
    out: list[tuple[int, int, Value]] = []
    for n in find_numbers(text, sentence.start):
        a, b = n.span_start, n.end
        if _overlaps(n.start, n.end, taken):
            continue
        rel_a, rel_b = a - sentence.start, b - sentence.start
        if not n.magnitude and (n.value < 2 or not math.isfinite(n.value)):
            continue
        before = text[:rel_a]
        prev = _PREV_WORD.search(before)
        if n.words and n.value <= 3 and prev and prev.group(1).lower() in _DETERMINERS:
            continue  # "the two leaders": a reference, not a claim
        if _NOT_A_FIGURE.search(before):
            continue  # "No. 3", "#2", "one of", "each of"
        unit = _unit_after(text[rel_b:], n.magnitude)
        currency = _CURRENCY.search(before)
        if unit is None and not currency:
            continue
        unit_text, words = unit if unit else ("", [])
        if currency:
            sym = currency.group(0).strip()
            unit_text = sym + (f" {unit_text}" if unit_text else "")
            words = [sym, *words]
        units = frozenset(_UNIT_SYNONYMS.get(stem(w), stem(w)) for w in words)
        hedge = _hedge_phrase(text, _shift(n, -sentence.start))
        iv = n.interval()
        open_ended = n.magnitude or math.isinf(iv.hi) or iv.lo <= 0
        shown = _fmt_number(n, hedge, text[rel_a:rel_b])
        key = ("number", round(n.value, 6), n.hedge, n.magnitude)
        out.append((a, b, Value("number", key, shown, point=n.value, interval=iv, open_ended=open_ended,
                                units=units, unit_text=unit_text, hedge=hedge, data=n)))
    return out


def _shift(n: Number, by: int) -> Number:
    return Number(start=n.start + by, end=n.end + by, value=n.value, unit=n.unit, hedge=n.hedge,
                  hedge_start=n.hedge_start + by if n.hedge_start >= 0 else -1, text=n.text, words=n.words,
                  magnitude=n.magnitude)


def _fmt_number(n: Number, hedge: str, surface: str) -> str:
    if n.magnitude:
        return " ".join(surface.lower().split())
    v = f"{n.value:,.0f}" if float(n.value).is_integer() else f"{n.value:,g}"
    if hedge:
        return f"{hedge} {v}"
    if n.hedge:
        return " ".join(surface.lower().split())
    return v


def _fmt_minutes(m: float) -> str:
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
    adjective = bool(_ADJECTIVE.search(text))
    approx = iv.hi - iv.lo > 1.0 + 1e-9
    if hedge:
        shown = f"{hedge} {_fmt_minutes(minutes)}"
    elif approx and adjective:
        shown = f"{_fmt_minutes(minutes)} ('{text.lower()}')"
    else:
        shown = _fmt_minutes(minutes)
    open_ended = math.isinf(iv.hi) or iv.lo <= 0
    key = ("duration", round(iv.lo, 3), round(iv.hi, 3), iv.lo_open, iv.hi_open)
    return Value("duration", key, shown, point=minutes, interval=iv, open_ended=open_ended, hedge=hedge,
                 data=minutes)


def _date_shown(v: DateValue) -> str:
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    parts: list[str] = []
    if v.weekday is not None:
        parts.append(WEEKDAY_NAMES[v.weekday])
    if v.month:
        md = f"{v.day} {months[v.month - 1]}" if v.day else months[v.month - 1]
        parts.append(md + (f" {v.year}" if v.year else ""))
    return ", ".join(parts) if parts else "?"


def _date_value(v: DateValue) -> Value:
    point = float((v.month or 0) * 31 + (v.day or 0))
    return Value("date", ("date", v.year, v.month, v.day, v.weekday), _date_shown(v), point=point, data=v)


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


def _title_case(sentence: Sentence) -> bool:
    """A headline in title case ("Biden Warns Putin Over Ukraine"): no lower-case content word."""
    words = _TOKEN.findall(sentence.text)
    lower = [w for w in words if w[0].islower() and not _is_stop(w)]
    return sum(w[0].isupper() for w in words) >= 3 and len(lower) <= 1


@cache
def _not_name_words() -> frozenset[str]:
    """Words that are never part of a person's name: months, weekdays, number words, countries
    and their adjectives, and _NOT_NAME."""
    lg = lang()
    extra: set[str] = set(lg.months) | set(lg.weekdays) | set(lg.number_words)
    for country in lg.countries:
        extra.update(w.lower() for w in country.split())
    for demonym in lg.data.get("demonyms", {}):
        extra.add(str(demonym).lower())
    return frozenset(extra | _NOT_NAME)


@cache
def _not_first_names() -> frozenset[str]:
    """Words that do not open a name although they may end one: the countries' other names
    ("Moscow", "Washington") are never a first name, "Macron" and "Johnson" are surnames."""
    out: set[str] = set()
    for aliases in lang().countries.values():
        out.update(a.lower() for a in aliases if " " not in a)
    return frozenset(out)


def _read_names(sentence: Sentence, taken: list[tuple[int, int]]) -> list[tuple[int, int, Value]]:
    if _title_case(sentence):
        return []
    out: list[tuple[int, int, Value]] = []
    bad = _not_name_words()
    for m in _NAME_RUN.finditer(sentence.text):
        toks = list(_NAME_PART.finditer(m.group(0)))
        name_toks = toks[-2:]
        if len(toks) >= 3 and toks[-2].group(0).endswith("."):
            name_toks = toks[-3:]  # "Antony J. Blinken"
        first, last = name_toks[0].group(0), name_toks[-1].group(0)
        words = [t.group(0) for t in name_toks if not t.group(0).endswith(".")]
        if any(w.lower().replace("’", "'") in bad or "-" in w and any(p.lower() in bad for p in w.split("-"))
               for w in words):
            continue
        if len(first) < 2 or first.endswith(".") or _is_stop(first) or first.lower() in _not_first_names():
            continue  # "Although Biden", "When Putin"
        a = sentence.start + m.start() + name_toks[0].start()
        b = sentence.start + m.start() + name_toks[-1].end()
        if _overlaps(a, b, taken):
            continue
        shown = " ".join(sentence.text[a - sentence.start : b - sentence.start].split()).replace("’", "'")
        out.append((a, b, Value("name", ("name", shown), shown, data=(first, last))))
    return out


def _read_sentence(sentence: Sentence) -> list[tuple[int, int, Value]]:
    """The values of one sentence, most specific reading first: a clock time, then a date, a
    duration, a year, a number with its unit noun, a name; a span is read once."""
    found: list[tuple[int, int, Value]] = []
    st, text = sentence.start, sentence.text
    readers: list[Callable[[list[tuple[int, int]]], Iterable[tuple[int, int, Value]]]] = [
        lambda _: ((r.start, r.end, _time_value(r.value, r.text)) for r in read_times(text, st)),
        lambda _: ((r.start, r.end, _date_value(r.value)) for r in read_dates(text, st)),
        lambda _: ((r.start, r.end, _duration_value(r)) for r in read_durations(text, st)),
        lambda _: ((st + m.start(1), st + m.end(1), _year_value(int(m.group(1)))) for m in YEAR.finditer(text)),
        lambda taken: _read_numbers(sentence, taken),
        lambda taken: _read_names(sentence, taken),
    ]
    for read in readers:
        taken = [(a, b) for a, b, _ in found]
        for a, b, v in list(read(taken)):
            if not _overlaps(a, b, taken):
                found.append((a, b, v))
    return found


def _year_value(y: int) -> Value:
    return Value("year", ("year", y), str(y), point=float(y), data=y)


def read_mentions(source: Source) -> list[ValueMention]:
    """Every value the extractors read in `source`, with its sentence context (furniture excluded)."""
    doc: Document = segment(source.text)
    out: list[ValueMention] = []
    for sentence in doc.sentences:
        found = _read_sentence(sentence)
        spans = [(a, b) for a, b, _ in found]  # other values (names too) are not context
        for a, b, v in found:
            ctx, surf = _context(sentence, a, b, spans)
            line, _ = doc.line_col(a)
            out.append(ValueMention(source=source.id, path=source.path or source.id, start=a, end=b, line=line,
                                    text=source.text[a:b], sentence=sentence.text, sentence_start=sentence.start,
                                    value=v, context=ctx, surfaces=surf))
    out.sort(key=lambda m: (m.start, m.end))
    return out


# --- closeness and agreement ------------------------------------------------------------------


def _width(v: Value) -> float:
    if v.interval is not None:
        return v.interval.hi - v.interval.lo
    return 0.0


def _ratio(a: float, b: float) -> float:
    if a <= 0 or b <= 0:
        return 1.0 if a == b else math.inf
    return max(a, b) / min(a, b)





def _similar_word(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return levenshtein(a, b) <= (1 if min(len(a), len(b)) <= 5 else 2)


def _same_person(a: Value, b: Value) -> bool:
    (f1, l1), (f2, l2) = a.data, b.data
    initial = f1[0] == f2[0] and (len(f1) <= 2 or len(f2) <= 2)
    return _similar_word(l1, l2) and (_similar_word(f1, f2) or initial)


def _date_close(a: DateValue, b: DateValue, days: int) -> bool:
    if a.month and b.month:
        if a.year and b.year and a.year != b.year:
            return False
        if a.day and b.day:
            return abs((a.month * 31 + a.day) - (b.month * 31 + b.day)) <= days
        return a.month == b.month
    if a.weekday is not None and b.weekday is not None:
        # a weekday alone is relative: the next day is another event unless the contexts are alike
        d = abs(a.weekday - b.weekday) % 7
        return min(d, 7 - d) <= (0 if days <= 3 else 1)
    return False


def _close(a: Value, b: Value, wide: bool) -> bool:
    """Could `a` and `b` be values of one fact (the same figure, or one slightly misreported)?"""
    k = a.kind
    if k in ("number", "duration"):
        assert a.interval is not None and b.interval is not None
        if a.open_ended or b.open_ended:
            return a.interval.overlaps(b.interval)
        return _ratio(a.point, b.point) <= (WIDE_RATIO if wide else CLOSE_RATIO)
    if k == "year":
        return abs(a.point - b.point) <= (3 if wide else 1)
    if k == "date":
        return _date_close(a.data, b.data, 10 if wide else 3)
    if k == "time":
        d = abs(a.point - b.point) % 1440
        return min(d, 1440 - d) <= (180 if wide else 45)
    if k == "name":
        return _same_person(a, b)
    return False


def _compatible(a: Value, b: Value) -> bool:
    """Can both values be true of one fact? (False: the sources disagree.)"""
    if a.key == b.key:
        return True
    k = a.kind
    if k in ("number", "duration"):
        assert a.interval is not None and b.interval is not None
        return a.interval.overlaps(b.interval)
    if k == "year":
        return a.point == b.point
    if k == "date":
        x: DateValue = a.data
        y: DateValue = b.data
        for p, q in ((x.year, y.year), (x.month, y.month), (x.day, y.day), (x.weekday, y.weekday)):
            if p is not None and q is not None and p != q:
                return False
        return True
    if k == "time":
        s: TimeValue = a.data
        t: TimeValue = b.data
        if s.utc is not None and t.utc is not None:
            return s.utc == t.utc
        return True  # a time without a zone cannot contradict
    return True  # names: spellings differ, see _differ


def _hedge_class(v: Value) -> str:
    if isinstance(v.data, Number):
        return v.data.hedge
    return lang().hedges.get(v.hedge, "")


def _differ(a: Value, b: Value) -> str:
    """Why two compatible values still deserve a look ('' when they say the same)."""
    if a.key == b.key:
        return ""
    central = ("", "about")  # a directional hedge ("just over two hours") states a bound, not a figure
    if (a.kind in ("number", "duration") and not a.open_ended and not b.open_ended
            and _hedge_class(a) in central and _hedge_class(b) in central):
        rel = abs(a.point - b.point) / max(abs(a.point), abs(b.point), 1e-9)
        if rel > DIFFER_RATIO:
            return f"figures differ by {rel:.0%}, compatible only within the hedge or rounding"
    if a.kind == "name" and a.shown != b.shown:
        return "spellings differ"
    return ""


# --- grouping ---------------------------------------------------------------------------------


def _idf(mentions: Sequence[ValueMention], n_sentences: int) -> dict[str, float]:
    df: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for m in mentions:
        key = (m.source, m.sentence_start)
        if key in seen:
            continue
        seen.add(key)
        df.update({s for s, _ in m.context})
    n = max(n_sentences, 1)
    out = {t: math.log(1.0 + n / c) for t, c in df.items()}
    out[_EVENT] = 1.5  # a concept, not a word: as telling wherever it occurs
    return out


def _topics(sources: Sequence[Source]) -> Callable[[str, str], bool]:
    """Are two articles about the same thing? Cosine of their content words (tf-idf over the
    articles) of at least _TOPIC; an article is always related to itself."""
    bags: dict[str, Counter[str]] = {}
    for s in sources:
        bags[s.id] = Counter(stem(w) for w in _TOKEN.findall(s.text) if not _is_stop(w))
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vecs = {sid: {t: (1 + math.log(c)) * math.log(1.0 + n / df[t]) for t, c in bag.items()}
            for sid, bag in bags.items()}
    memo: dict[tuple[str, str], bool] = {}

    def related(a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in memo:
            memo[key] = _cosine(vecs.get(a, {}), vecs.get(b, {})) >= _TOPIC
        return memo[key]

    return related


def _vector(m: ValueMention, idf: dict[str, float]) -> dict[str, float]:
    vec: dict[str, float] = defaultdict(float)
    for s, w in m.context:
        vec[s] += w * idf.get(s, 1.0)
    return dict(vec)


def _norm(a: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in a.values()))


def _cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two sparse vectors; pass their norms when known."""
    if not a or not b:
        return 0.0
    na = _norm(a) if na is None else na
    nb = _norm(b) if nb is None else nb
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    return dot / (na * nb) if na and nb else 0.0


def _joins(m: ValueMention, c: Candidate, sim: float) -> bool:
    v = m.value
    if v.kind == "name":
        return all(_close(v, g.value, False) for g in c.values)
    if v.kind == "number" and not (v.units & _units(c)):
        return False
    same, close, wide = _THRESHOLDS[v.kind]
    if sim < same:
        return False
    if any(g.value.key == v.key for g in c.values):
        return True
    if sim < close:
        return False
    loose = sim >= wide
    precise = [g.value for g in c.values if not g.value.open_ended] or [g.value for g in c.values]
    if v.open_ended and v.kind in ("number", "duration"):
        return any(_close(v, p, loose) for p in precise)
    return all(_close(v, p, loose) for p in precise)


def _units(c: Candidate) -> frozenset[str]:
    out: set[str] = set()
    for g in c.values:
        out |= g.value.units
    return frozenset(out)


def _add(c: Candidate, m: ValueMention, vec: dict[str, float], norm: float) -> None:
    c.mentions.append(m)
    if all(vec != v for v, _ in c.vectors[-8:]):  # syndicated copies say the same in the same words
        c.vectors.append((vec, norm))
    c.norm = -1.0
    for t, w in vec.items():
        c.vector[t] = c.vector.get(t, 0.0) + w
    for g in c.values:
        if g.value.key == m.value.key:
            g.mentions.append(m)
            if m.source not in g.sources:
                g.sources.append(m.source)
            break
    else:
        c.values.append(ValueGroup(m.value, m.value.shown, [m.source], [m]))
    if m.source not in c.sources:
        c.sources.append(m.source)


def _pool_keys(m: ValueMention, vec: dict[str, float]) -> Iterable[str]:
    """The index keys of the candidates `m` may join: a mention of a name joins by spelling, the
    others need a context word in common (a cosine of 0 is below every threshold)."""
    if m.value.kind == "name":
        return (f"name:{m.value.data[1][:1].lower()}",)
    return (f"{m.value.kind}:{t}" for t in vec)


def _group(mentions: Sequence[ValueMention], idf: dict[str, float],
           related: Callable[[str, str], bool]) -> list[Candidate]:
    """Greedy, deterministic: precise values first, each joins the most alike candidate it may.
    The context of a candidate is its summed vector and its mentions' own vectors (identical ones
    once, at most _MAX_VECTORS of them: the first and the latest)."""
    candidates: list[Candidate] = []
    index: dict[str, list[int]] = defaultdict(list)  # kind:token -> candidates (numbers)
    gate: dict[tuple[str, int], tuple[bool, int]] = {}  # (source, candidate) -> related, sources seen
    for m in mentions:
        vec = _vector(m, idf)
        norm = _norm(vec)
        keys = list(_pool_keys(m, vec))
        pool = sorted({i for k in keys for i in index.get(k, ())})
        best: int | None = None
        best_sim = -1.0
        for i in pool:
            c = candidates[i]
            ok, seen = gate.get((m.source, i), (False, 0))
            if not ok and seen < len(c.sources):
                ok = any(related(m.source, s) for s in c.sources[seen:])
                gate[(m.source, i)] = (ok, len(c.sources))
            if not ok:
                continue
            if c.norm < 0:
                c.norm = _norm(c.vector)
            sim = max(_cosine(vec, c.vector, norm, c.norm),
                      max((_cosine(vec, v, norm, nv) for v, nv in _sample(c.vectors)), default=0.0))
            if sim > best_sim + 1e-12 and _joins(m, c, sim):
                best, best_sim = i, sim
        if best is None:
            best = len(candidates)
            candidates.append(Candidate(kind=m.value.kind))
        c = candidates[best]
        _add(c, m, vec, norm)
        for k in keys:
            if not index[k] or index[k][-1] != best:
                if best not in index[k]:
                    index[k].append(best)
    return candidates


_MAX_VECTORS = 64


def _sample(vectors: list[tuple[dict[str, float], float]]) -> list[tuple[dict[str, float], float]]:
    if len(vectors) <= _MAX_VECTORS:
        return vectors
    half = _MAX_VECTORS // 2
    return vectors[:half] + vectors[-half:]


def _assess(c: Candidate) -> None:
    """Set the DISAGREE / DIFFER flag: two values stated by different sources (each value by a
    source that does not also state the other) that cannot both be true, or that differ."""
    hard: list[str] = []
    soft: list[str] = []
    for i, g in enumerate(c.values):
        for h in c.values[i + 1 :]:
            only_g = [s for s in g.sources if s not in h.sources]
            only_h = [s for s in h.sources if s not in g.sources]
            if not only_g or not only_h:
                continue
            pair = f"{g.shown} ({_src(c, g.sources)}) vs {h.shown} ({_src(c, h.sources)})"
            if not _compatible(g.value, h.value):
                hard.append(pair)
            else:
                why = _differ(g.value, h.value)
                if why:
                    soft.append(f"{pair}: {why}")
    c.flag = "DISAGREE" if hard else "DIFFER" if soft else ""
    c.flag_details = hard + soft


def _src(c: Candidate, sources: Sequence[str]) -> str:
    return ", ".join(c.labels.get(s, s) for s in sources)


# --- coverage by the fact base ----------------------------------------------------------------


def _coverage(sources: Sequence[Source], fb: FactBase,
              limits: SourceLimits | None = None) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per source: (start, end, fact id, verdict) of every mention the checker bound (none for a
    source the checker fails on, or that is over a limit)."""
    from factcheck.runner import check_safely

    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for s in sources:
        spans: list[tuple[int, int, str, str]] = []
        result = check_safely(s, fb, **(limits or SourceLimits()).checking())
        if isinstance(result, SourceError):
            out[s.id] = spans
            continue
        for f in result.findings:
            for m in f.mentions:
                spans.append((m.start, m.end, f.fact, m.verdict))
        out[s.id] = spans
    return out


def _mark_covered(c: Candidate, spans: dict[str, list[tuple[int, int, str, str]]]) -> None:
    facts: Counter[str] = Counter()
    decisive: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    n = 0
    for m in c.mentions:
        hit: set[str] = set()
        for a, b, fid, verdict in spans.get(m.source, ()):
            if a <= m.start and m.end <= b:  # the same span, or one containing it ("2014 and 2015")
                facts[fid] += 1
                if verdict != "unclear":
                    decisive[fid] += 1
                hit.add(verdict)
        if hit:
            n += 1
            verdicts["contradict" if "contradict" in hit else "agree" if "agree" in hit else "unclear"] += 1
    c.covered_by = sorted(facts, key=lambda f: (-decisive[f], -facts[f], f))
    c.covered_mentions = n
    c.verdicts = dict(sorted(verdicts.items()))


# --- the stub ---------------------------------------------------------------------------------


def _ascii_slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return regex.sub(r"[^a-z0-9]+", "_", t).strip("_")


def _top_words(c: Candidate, n: int, exclude: Iterable[str] = ()) -> list[str]:
    """The surface forms of the stems that weigh most in the candidate's contexts."""
    skip = set(exclude)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in c.mentions:
        for s, w in m.surfaces:
            forms[s][w] += 1
    ranked = sorted((t for t in c.vector if t not in skip and t in forms), key=lambda t: (-c.vector[t], t))
    out: list[str] = []
    for t in ranked[:n]:
        word = sorted(forms[t].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(word)
    return out


def _fact_kind(c: Candidate) -> str:
    if c.kind != "number":
        return c.kind
    main = c.main.value
    if not main.open_ended and float(main.point).is_integer() and main.point < 1000 and not main.hedge:
        return "count"
    return "quantity"


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _plain(s: str) -> str:
    """A YAML scalar: plain when that is safe, else single-quoted."""
    if regex.fullmatch(r"[\p{L}][\p{L}\p{M} .'-]*[\p{L}.]", s) and ": " not in s and " #" not in s:
        return s
    return _q(s)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w, special_only=True, literal_spaces=True) for w in dict.fromkeys(words))


def _stub(c: Candidate) -> list[str]:
    kind = c.fact_kind
    main = c.main.value
    lines = [f"- id: {c.id}", f"  kind: {kind}"]
    units = [m.value.unit_text for m in c.mentions if m.value.unit_text]
    unit_stems = {stem(w) for u in units for w in u.split()}
    cue_words = _top_words(c, 3, exclude=unit_stems)
    if kind in ("quantity", "count"):
        v = main.point
        lines.append(f"  value: {int(v) if float(v).is_integer() else v}")
        if kind == "quantity" and main.hedge and lang().hedges.get(main.hedge) != "about":
            lines.append(f"  hedge: {main.hedge}")  # the figure is a bound: "more than", "up to"
        plain_units = [u for u in units if regex.fullmatch(r"[\p{L}\s'’-]+", u)]
        key = "unit" if kind == "quantity" else "counted"
        lines.append(f"  {key}: {_q(_alternation(sorted(set(plain_units), key=units.index)) or 'TODO')}")
        cue_words = [*dict.fromkeys(u for u in plain_units), *cue_words][:3]
    elif kind == "duration":
        minutes = float(main.data)
        iv = main.interval
        text = f"{minutes:g} min"
        if main.hedge:
            text = f"{main.hedge} {text}"
        elif iv is not None and iv.hi - iv.lo > 1.0 + 1e-9:
            text = f"about {text}"
        lines.append(f"  value: {_q(text)}")
    elif kind == "date":
        d: DateValue = main.data
        if d.year and d.month and d.day:
            lines.append(f"  value: {d.year:04d}-{d.month:02d}-{d.day:02d}")
        else:
            y = f"{d.year:04d}" if d.year else "YYYY"
            m = f"{d.month:02d}" if d.month else "MM"
            dd = f"{d.day:02d}" if d.day else "DD"
            note = f"  # {_date_shown(d)}: complete the date"
            lines.append(f"  value: {y}-{m}-{dd}{note}")
    elif kind == "time":
        t: TimeValue = main.data
        zone = f" {t.zone}" if t.zone else ""
        note = "" if t.zone else "  # add a zone, e.g. ET"
        lines.append(f"  value: {_q(f'{t.local // 60:02d}:{t.local % 60:02d}{zone}')}{note}")
    elif kind == "year":
        lines.append(f"  value: {int(main.point)}")
    elif kind == "name":
        lines.append(f"  value: {_plain(main.shown)}")
        others = [g.shown for g in c.values if g is not c.main]
        if others:
            lines.append(f"  # other spellings read: {', '.join(others)} (list the legitimate ones as variants)")
    if kind != "name":
        lines.append(f"  cues: [{_q(_alternation(cue_words) or 'TODO')}]")
    lines.append("  sources: []")
    return lines


def _name_id(c: Candidate) -> str:
    kind = c.fact_kind
    main = c.main.value
    if kind == "name":
        slug = f"person.{_ascii_slug(main.data[1]) or 'someone'}"
    elif kind in ("quantity", "count"):
        unit = _ascii_slug(main.unit_text.split()[-1] if main.unit_text else "") or kind
        slug = unit
    else:
        unit_stems = {stem(w) for g in c.values for w in g.value.unit_text.split()}
        words = _top_words(c, 1, exclude=unit_stems)
        slug = f"{_ascii_slug(words[0]) if words else 'something'}.{kind}"
    return f"TODO.{slug}"


def _finish(c: Candidate, labels: dict[str, str]) -> None:
    c.labels = labels
    c.fact_kind = _fact_kind(c)
    _assess(c)


# --- the entry points -------------------------------------------------------------------------


def suggest(paths: Sequence[PathArg], factbase: FactBase | None = None,
            limits: SourceLimits | None = None) -> Suggestions:
    """Candidate facts mined from the corpus at `paths`, ranked (see the module docstring).
    `limits` (default: `check`'s) bound the reading, the mining and the check of each source: a
    source over a limit is listed among the errors, like one that cannot be read."""
    from factcheck.corpus import read_corpus
    from factcheck.corpus.text import Expired, deadline

    limits = limits or SourceLimits.defaults()
    read: list[Source] = []
    errors: list[SourceError] = []
    for item in read_corpus(list(paths), **limits.reading()):
        if isinstance(item, SourceError):
            errors.append(item)
        else:
            read.append(item)
    mentions: list[ValueMention] = []
    sources: list[Source] = []
    n_sentences = 0
    for s in read:
        try:
            with deadline(limits.timeout):
                ms = read_mentions(s)
        except Expired:
            errors.append(SourceError(s.id, s.path, f"timed out: reading values took longer than {limits.timeout:g} s "
                                                    "(--timeout)"))
            continue
        sources.append(s)
        mentions.extend(ms)
        n_sentences += len({m.sentence_start for m in ms})
    order = {s.id: i for i, s in enumerate(sources)}
    labels = _labels([s.id for s in sources])
    idf = _idf(mentions, n_sentences)
    # precise values first, then bounds ("more than", "tens of thousands"): a bound joins a
    # candidate whose figures it allows and never bridges two candidates
    mentions.sort(key=lambda m: (KIND_ORDER.index(m.value.kind), m.value.open_ended, order[m.source], m.start))
    candidates = _group(mentions, idf, _topics(sources))
    for c in candidates:
        c.mentions.sort(key=lambda m: (order[m.source], m.start))
        c.sources.sort(key=order.__getitem__)
        for g in c.values:
            g.sources.sort(key=order.__getitem__)
            g.mentions.sort(key=lambda m: (order[m.source], m.start))
        c.values.sort(key=lambda g: (-len(g.sources), order[g.mentions[0].source], g.mentions[0].start))
        _finish(c, labels)
    if factbase is not None:
        spans = _coverage(sources, factbase, limits)
        for c in candidates:
            _mark_covered(c, spans)

    def rank(c: Candidate) -> tuple[Any, ...]:
        first = c.mentions[0]
        return (c.covered, -c.n_sources, {"DISAGREE": 0, "DIFFER": 1}.get(c.flag, 2), _vague(c), -len(c.mentions),
                KIND_ORDER.index(c.kind), order[first.source], first.start)

    candidates.sort(key=rank)
    taken: Counter[str] = Counter()
    for c in candidates:
        base = _name_id(c)
        taken[base] += 1
        c.id = base if taken[base] == 1 else f"{base}_{taken[base]}"
    return Suggestions(candidates, sources=[s.id for s in sources], errors=errors, labels=labels,
                       with_base=factbase is not None)


def _vague(c: Candidate) -> bool:
    """A weekday or a month alone: relative, it makes a poor fact on its own."""
    return c.kind == "date" and all(not (g.value.data.month and g.value.data.day) for g in c.values)


def _labels(ids: Sequence[str]) -> dict[str, str]:
    """Short labels for people: the part of each id before its first '_' when those are unique
    ("000_3cc3693bd4ee27e1" -> "000"), else the whole id."""
    short = {i: i.split("_", 1)[0] for i in ids}
    if len(set(short.values())) == len(short) and all(short.values()):
        return short
    return {i: i for i in ids}


def _excerpt(m: ValueMention, width: int = 90) -> str:
    s = m.sentence
    a, b = m.start - m.sentence_start, m.end - m.sentence_start
    pad = max(0, (width - (b - a)) // 2)
    lo, hi = max(0, a - pad), min(len(s), b + pad)
    if hi - lo < width:
        lo, hi = max(0, hi - width), min(len(s), lo + width)
    if lo > 0:
        sp = s.find(" ", lo)
        lo = sp + 1 if 0 <= sp < a else lo
    if hi < len(s):
        sp = s.rfind(" ", b, hi)
        hi = sp if sp > b else hi
    text = regex.sub(r"\s+", " ", s[lo:hi]).strip().replace('"', "'")
    return ("..." if lo > 0 else "") + text + ("..." if hi < len(s) else "")


def _render_one(c: Candidate) -> list[str]:
    vals = ", ".join(f"{g.shown} ({_src(c, g.sources)})" for g in c.values)
    n = c.n_sources
    head = f"# {n} source{'s' if n != 1 else ''}; {c.fact_kind}; values: {vals}"
    if c.flag:
        head += f"  {c.flag}"
    out = [head]
    for d in c.flag_details[:4]:
        out.append(f"# !! {d}")
    if len(c.flag_details) > 4:
        out.append(f"# !! ... and {len(c.flag_details) - 4} more")
    shown_groups = c.values if c.flag else [c.main]
    for g in shown_groups[:4]:
        m = g.mentions[0]
        out.append(f'# context: "{_excerpt(m)}" ({m.path}:{m.line})')
    stub = _stub(c)
    if c.covered:
        how = ", ".join(c.covered_by)
        judged = ", ".join(f"{k} {v}" for k, v in c.verdicts.items())
        extra = f" ({c.covered_mentions} of {len(c.mentions)} mentions; the checker says {judged})"
        out.insert(0, f"# covered by {how}{extra}")
        out.extend("# " + line for line in stub)
    else:
        out.extend(stub)
    return out


def render_suggestions(candidates: Sequence[Candidate], top: int = 25) -> str:
    """YAML stubs for the first `top` candidates, evidence in comments; ready to paste under
    `facts:` of a file in facts/ (the covered ones are commented out)."""
    shown = list(candidates)[: max(top, 0)]
    n_new = sum(not c.covered for c in candidates)
    lines: list[str] = []
    if isinstance(candidates, Suggestions):
        n_src = len(candidates.sources)
        head = f"# factcheck suggest: {len(candidates)} candidate facts from {n_src} source{'s' if n_src != 1 else ''}"
        head += (f" ({n_new} not in the fact base, {len(candidates) - n_new} covered)" if candidates.with_base
                 else " (no fact base: coverage not checked)")
        flags = Counter(c.flag for c in candidates if c.flag)
        if flags:
            head += "; " + ", ".join(f"{flags[f]} {f}" for f in ("DISAGREE", "DIFFER") if flags[f])
        lines.append(head)
        for e in candidates.errors:
            lines.append(f"# could not read {e.path}: {e.reason}")
    else:
        lines.append(f"# factcheck suggest: {len(candidates)} candidate facts")
    flagged = sorted((c for c in candidates if c.flag), key=lambda c: c.flag != "DISAGREE")
    for c in flagged[:10]:
        where = f"covered by {c.covered_by[0]}" if c.covered else "not in the fact base"
        lines.append(f"# {c.flag}: {c.id} ({c.main.shown}; {c.n_sources} sources; {where})")
    if len(flagged) > 10:
        lines.append(f"# ... and {len(flagged) - 10} more flagged")
    lines.append(f"# showing {len(shown)}, ranked by the number of sources stating each; DISAGREE: sources state "
                 "incompatible values, DIFFER: compatible but different figures or spellings")
    lines.append("# give each stub a real id, check its value and cues, and fill in its sources")
    lines.append("facts:")
    printed_covered = False
    for c in shown:
        if c.covered and not printed_covered:
            lines.append("")
            lines.append("# ---- already covered by the fact base ----")
            printed_covered = True
        lines.append("")
        lines.extend(_render_one(c))
    rest = len(candidates) - len(shown)
    if rest > 0:
        lines.append("")
        lines.append(f"# ... {rest} more candidate{'s' if rest != 1 else ''} (raise --top to see them)")
    # article text and ids reach the terminal: no control or bidi character goes out raw
    from factcheck.report.table import clean

    return "\n".join(clean(line) for line in lines) + "\n"
