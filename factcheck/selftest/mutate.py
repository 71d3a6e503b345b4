"""Mutations of an agreeing mention, per kind: a wrong value in the same surface style, and the
same value in other words. Everything happens on strings in memory; the corpus is never written.

A mutator takes the quoted span of an agreeing mention and returns `Edit`s: the span replaced by
another text. `wrong` edits are meant to make the finding `contradict`, `same` edits to keep it
`agree`. `verify` asks the kind itself (its `extract` and `compare`, through `judge`) whether an
edit really is wrong, or really is the same value, so a mutation that is not what it says is
dropped before it is measured. Words (month and weekday names, number words, hedges, zone labels,
countries) come from the language data (factcheck/data), never from code.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from factcheck.bind import Binder
from factcheck.factbase.model import Fact, FactBase
from factcheck.judging import judge
from factcheck.kinds import KINDS, Context
from factcheck.kinds.date import WEEKDAY_NAMES, read_dates
from factcheck.lang import alternation, lang, pack
from factcheck.numbers import Number, find_numbers
from factcheck.segment import segment


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` (the mention's span) by `new`; `how` says what was changed."""

    start: int
    end: int
    new: str
    how: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


Mutator = Callable[[str, int, Fact, FactBase, random.Random], list[Edit]]


# -- language data -------------------------------------------------------------------------------


@cache
def _month_names() -> dict[int, str]:
    """Month number -> its full name (the longest spelling in the data), capitalised."""
    out: dict[int, str] = {}
    for word, n in lang().months.items():
        if len(word) > len(out.get(n, "")):
            out[n] = word
    return {n: w.capitalize() for n, w in out.items()}


@cache
def _number_words() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """(units, tens, scales): value -> word, the longest word for a value ("one", not "a")."""
    data = lang().data["numbers"]

    def table(key: str) -> dict[int, str]:
        out: dict[int, str] = {}
        for w, v in data[key].items():
            if float(v).is_integer() and len(str(w)) > len(out.get(int(v), "")):
                out[int(v)] = str(w)
        return out

    return table("units"), table("tens"), table("scales")


def to_words(n: int) -> str | None:
    """An integer below a million in words ("ninety-four thousand"); None when out of range."""
    units, tens, scales = _number_words()
    if n < 0 or n >= 1_000_000:
        return None
    if n < 20:
        return units.get(n)
    if n < 100:
        t, u = divmod(n, 10)
        return tens[t * 10] + (f"-{units[u]}" if u else "")
    for scale in (1000, 100):
        if n >= scale and scale in scales:
            head, rest = divmod(n, scale)
            a = to_words(head)
            b = to_words(rest) if rest else ""
            if a is None or b is None:
                return None
            return f"{a} {scales[scale]}" + (f" {b}" if b else "")
    return None


def _plain_words(text: str) -> bool:
    """Is `text` written only with number words of the data (no "dozen", "tens of")?"""
    units, tens, scales = _number_words()
    known = set(units.values()) | set(tens.values()) | set(scales.values()) | {"and"}
    parts = [p for p in regex.split(r"[\s-]+", text.lower()) if p]
    return bool(parts) and all(p in known for p in parts)


def _cap_like(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


_HEAD = regex.compile(r"\d[\d,.\u00a0\u202f ]*\d|\d")


def _digit_style(head: str) -> tuple[str, str, int]:
    """(thousands separator or "", decimal mark, decimals) of a digit string ("18,768,639",
    "399.94", "25,5")."""
    sep = ""
    for s in (",", "\u00a0", "\u202f", " ", "."):
        groups = head.split(s)
        if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and (s != "." or len(groups) > 2):
            sep = s
            break
    mark = "," if sep != "," and "," in head else "."
    decimals = len(head.rsplit(mark, 1)[1]) if sep != mark and mark in head else 0
    return sep, mark, decimals


def _digits_like(head: str, value: float) -> str:
    sep, mark, decimals = _digit_style(head)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", "\x01").replace("\x00", sep).replace("\x01", mark)


def _float(head: str) -> float:
    sep, mark, _ = _digit_style(head)
    return float((head.replace(sep, "") if sep else head).replace(mark, "."))


def render_number(n: Number, value: float) -> str | None:
    """`value` in the surface style of the number `n` (digits stay digits, words stay words,
    the multiplier word is kept: "8.8 million" -> "13.2 million")."""
    if n.magnitude:
        return None
    if n.words:
        if not value.is_integer() or not _plain_words(n.text):
            return None
        w = to_words(int(value))
        return None if w is None else _cap_like(n.text, w)
    m = _HEAD.match(n.text)
    if m is None:
        return None
    head, tail = m.group(0), n.text[m.end() :]
    scale = n.value / _float(head) if _float(head) else 1.0
    new_head = value / scale if scale else value
    _, _, decimals = _digit_style(head)
    if decimals == 0 and not float(round(new_head, 6)).is_integer():
        new_head = round(new_head)
    return _digits_like(head, new_head) + tail


def other_style(n: Number) -> str | None:
    """The same number in another surface form: digits in words, words in digits, or the
    thousands separator added or dropped."""
    if n.magnitude:
        return None
    if n.words:
        if not _plain_words(n.text) or not n.value.is_integer():
            return None
        return f"{int(n.value):,}" if n.value >= 10_000 else str(int(n.value))
    m = _HEAD.match(n.text)
    if m is None or m.group(0) != n.text:
        return None
    head = m.group(0)
    sep, _, decimals = _digit_style(head)
    if decimals == 0 and n.value < 100:
        return to_words(int(n.value))
    if sep:
        return head.replace(sep, "")
    if decimals == 0 and n.value >= 1000:
        return f"{int(n.value):,}"
    return None


def _numbers(text: str) -> list[Number]:
    return [n for n in find_numbers(text) if n.end <= len(text)]


# -- verification ----------------------------------------------------------------------------------


_ANCHORS: dict[tuple[int, str], tuple[Any, ...]] = {}


def _anchors_of(fb: FactBase, text: str) -> tuple[Any, ...]:
    """The dates the (unmutated) article is about, computed once per article."""
    key = (id(fb), text)
    if key not in _ANCHORS:
        if len(_ANCHORS) > 64:
            _ANCHORS.clear()
        _ANCHORS[key] = tuple(Binder(fb, segment(text)).anchors)
    return _ANCHORS[key]


def verify(fb: FactBase, fact: Fact, text: str, start: int, end: int, anchors: tuple[Any, ...] | None = None) -> str:
    """What the fact's own kind makes of the value now at [start, end) of `text`: `agree`,
    `contradict`, `unclear` (judge(): compare and the fact's variants) or `unread` when the
    kind reads no value there."""
    doc = segment(text)
    sentence = next((s for s in doc.sentences if s.start <= start < s.end), None)
    if sentence is None:
        return "unread"
    ctx = Context(doc, Binder(fb, doc).anchors if anchors is None else anchors)
    kind = KINDS[fact.kind]
    best, overlap = None, 0
    for r in kind.extract(sentence, fact, ctx):
        o = min(end, r.end) - max(start, r.start)
        if o > overlap:
            best, overlap = r, o
    if best is None:
        return "unread"
    verdict = judge(best, fact, sentence, ctx).verdict
    if verdict == "contradict":
        # a wrong value that is a known other figure, or another fact's value, is rightly not
        # this fact's: such a mutation would measure nothing
        others = [d.value for d in fact.distractors]
        others += [g.value for g in fb.facts if g.kind == fact.kind and g.id != fact.id]
        if any(_safe_compare(kind, best, v, fact, ctx) for v in others):
            return "another value"
    return verdict


def _safe_compare(kind: Any, reading: Any, value: Any, fact: Fact, ctx: Context) -> bool:
    try:
        return kind.compare(reading, value, fact, ctx) is True
    except Exception:  # noqa: BLE001 - another fact's value may not fit this fact's options
        return False


# -- dates -------------------------------------------------------------------------------------------


@cache
def _weekday_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?P<w>{alternation(lang().weekdays)})(?P<dot>\.)?(?![\p{{L}}])",
                         regex.IGNORECASE)


@cache
def _month_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\p{{L}}])(?P<m>{alternation(lang().months)})(?P<dot>\.)?(?![\p{{L}}])",
                         regex.IGNORECASE)


_DAY = regex.compile(r"(?<![\d:.,/-])(?P<d>\d{1,2})(?P<sfx>st|nd|rd|th)?(?![\d:/]|\.\d)")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ORD_SFX = {1: "st", 2: "nd", 3: "rd"}


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else _ORD_SFX.get(n % 10, "th")


def _date_value(text: str) -> Any:
    rs = read_dates(text)
    return rs[0].value if rs else None


def _other_dates(fact: Fact, fb: FactBase) -> set[dt.date]:
    """The dates of the base's other date facts and events: a wrong date must not be one of them
    (the check rightly leaves "on Thursday" unclear when Thursday is another event's day)."""
    out = {e.date for e in fb.events.values() if e.date is not None and e.id != fact.event}
    for f in fb.facts:
        if f.kind == "date" and f.id != fact.id:
            out |= {x for x in (f.value, *(v.value for v in f.variants)) if isinstance(x, dt.date)}
    return out


def _taken_day(v: Any, day: int, taken: set[dt.date]) -> bool:
    return any(t.month == v.month and t.day == day and (v.year is None or t.year == v.year) for t in taken)


def date_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    v = _date_value(text)
    if v is None or v.either is not None or "/" in text:
        return []
    out = []
    wd = _weekday_re().search(text)
    day = next((m for m in _DAY.finditer(text) if v.day and int(m.group("d")) == v.day), None)
    taken = _other_dates(fact, fb)
    if day is not None and v.day:
        d = int(day.group("d"))
        # with a weekday the shifted date keeps it: only the day is wrong; never another event's day
        steps = (7, -7, 14, -14) if wd else (3, -3, 4, -4, 5, -5)
        nd = next((d + k for k in steps if 1 <= d + k <= 28 and not _taken_day(v, d + k, taken)), None)
        if nd is not None:
            sfx = _ordinal_suffix(nd) if day.group("sfx") else ""
            new = text[: day.start()] + str(nd) + sfx + text[day.end() :]
            out.append(Edit(start, start + len(text), new, f"day moved by {nd - d:+d}"))
    if wd is not None:
        k = lang().weekdays[wd.group("w").lower()]
        near = {t.weekday() for t in taken}
        nk = next(((k + j) % 7 for j in (2, 3, 4, 5, 1, 6) if (k + j) % 7 not in near), (k + 2) % 7)
        name = WEEKDAY_NAMES[nk]
        word = wd.group("w")
        if len(word) < len(WEEKDAY_NAMES[k]):
            name = name[: len(word)] if len(word) <= 3 else name[:3]
        new = text[: wd.start()] + _cap_like(word, name if word[:1].isupper() else name.lower()) + text[wd.end("w") :]
        out.append(Edit(start, start + len(text), new, f"weekday changed ({(nk - k) % 7:+d} days)"))
    if v.month and not v.day and not v.weekday:
        mo = _month_re().search(text)
        if mo is not None:
            nm = (v.month + 1) % 12 + 1
            new = text[: mo.start()] + _month_names()[nm] + text[mo.end() :]
            out.append(Edit(start, start + len(text), new, "month moved by 2"))
    return out


def date_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    v = _date_value(text)
    if v is None or v.either is not None or "(" in text or "/" in text:
        return []
    wd = _weekday_re().search(text)
    if v.month and v.day:
        mo = _month_re().search(text)
        day = _DAY.search(text)
        if mo is None or day is None:
            return []
        month = _month_names()[v.month]
        prefix = f"{WEEKDAY_NAMES[v.weekday]}, " if v.weekday is not None else ""
        if day.start() < mo.start():  # day first: write it month first
            new = f"{prefix}{month} {v.day}" + (f", {v.year}" if v.year else "")
        else:
            new = f"{prefix}{v.day} {month}" + (f" {v.year}" if v.year else "")
        return [Edit(start, start + len(text), new, "date in another format")]
    if wd is not None and v.weekday is not None and not v.month and fact.kind == "date" \
            and regex.fullmatch(r"(?:['’]s)?", text[wd.end() :]):
        day = fact.value
        return [Edit(start, start + wd.end(), f"{_month_names()[day.month]} {day.day}",
                     "weekday written as the date")]
    return []


# -- times -------------------------------------------------------------------------------------------

_CLOCK = regex.compile(r"(?P<h>\d{1,2})(?:(?P<sep>[:.hH])(?P<m>\d\d)|(?P<m4>\d\d))?"
                       r"(?P<sp>\s*)(?P<ap>[ap]\.?\s?m\.?)?", regex.IGNORECASE)


def _clock(text: str) -> regex.Match[str] | None:
    m = _CLOCK.search(text)
    if m is None or not (m.group("m") or m.group("m4") or m.group("ap")):
        return None
    return m


def time_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    m = _clock(text)
    if m is None:
        return []
    out = []
    h = int(m.group("h"))
    if m.group("ap"):
        nh = h + 1 if h <= 10 else (1 if h == 12 else h - 1)
    else:
        nh = h + 1 if h < 23 else h - 1
    width = len(m.group("h"))
    hs = f"{nh:0{width}d}" if width == 2 and m.group("h").startswith("0") or m.group("m4") else str(nh)
    new = text[: m.start("h")] + hs + text[m.end("h") :]
    out.append(Edit(start, start + len(text), new, f"hour moved by {nh - h:+d}"))
    zone_text = text[m.end() :].strip()
    if zone_text:
        labels = sorted(str(a) for a in pack("zones")["abbreviations"])
        rng.shuffle(labels)
        labels = labels[:4]
        a = text.index(zone_text, m.end())
        for lab in labels:
            if lab.lower() == zone_text.lower() or len(lab) < 3:
                continue
            out.append(Edit(start, start + len(text), text[:a] + lab + text[a + len(zone_text) :],
                            f"zone label changed to {lab}"))
    return out


def time_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    m = _clock(text)
    if m is None:
        return []
    h = int(m.group("h"))
    mins = m.group("m") or m.group("m4") or "00"
    if m.group("ap"):
        pm = m.group("ap").lower().startswith("p")
        h24 = (h % 12) + (12 if pm else 0)
        new = f"{h24:02d}:{mins}"
        how = "12-hour clock written as 24-hour"
    else:
        if h == 0 or h > 12 and h - 12 > 12:
            return []
        ap = "a.m." if h < 12 else "p.m."
        h12 = h % 12 or 12
        new = f"{h12}:{mins} {ap}"
        how = "24-hour clock written as 12-hour"
    rest = text[m.end() :]
    if rest and not rest[:1].isspace():
        rest = " " + rest
    return [Edit(start, start + len(text), text[: m.start()] + new + rest, how)]


# -- figures -----------------------------------------------------------------------------------------


def _main_number(text: str) -> Number | None:
    ns = _numbers(text)
    return ns[0] if ns else None


def _scaled(text: str, start: int, factors: tuple[float, ...], what: str) -> list[Edit]:
    n = _main_number(text)
    if n is None:
        return []
    out = []
    for k in factors:
        new = render_number(n, n.value * k)
        if what == "percentage" and n.value * k > 100:
            continue
        if new is not None and new != n.text:
            out.append(Edit(start, start + len(text), text[: n.start] + new + text[n.end :], f"{what} x{k:g}"))
    return out


@cache
def _hedge_phrases() -> dict[str, list[str]]:
    return {str(k): [str(p) for p in v] for k, v in lang().data["hedges"].items()}


def _hedge_swaps(text: str, start: int, classes: tuple[str, ...], how: str, same_class: bool) -> list[Edit]:
    n = _main_number(text)
    if n is None:
        return []
    head = text[n.span_start : n.start]
    out: list[Edit] = []
    if text[n.end : n.end + 1] == "-":
        return out  # "two-hour": no hedge inside a compound
    phrases = _hedge_phrases()
    if same_class and n.hedge:
        own = head.strip().lower()
        for p in phrases.get(n.hedge, []):
            if p != own and len(p.split()) <= 2:
                out.append(Edit(start, start + len(text), text[: n.span_start] + _cap_like(text, p) + " "
                                + text[n.start :], how))
    else:
        for c in classes:
            if c == n.hedge:
                continue
            p = phrases[c][0]
            out.append(Edit(start, start + len(text), text[: n.span_start] + _cap_like(text, p) + " "
                            + text[n.start :], f"{how} ({p})"))
    return out


def figure_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    return (_scaled(text, start, (1.5, 0.5, 2.0, 3.0), "percentage" if fact.kind == "percentage" else "value")
            + _hedge_swaps(text, start, ("under", "over", "up_to", "at_least"), "hedge bound changed", False))


def figure_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    out = []
    n = _main_number(text)
    if n is not None:
        new = other_style(n)
        if new is not None:
            out.append(Edit(start, start + len(text), text[: n.start] + new + text[n.end :],
                            "number in another form"))
        out += _hedge_swaps(text, start, (), "hedge of the same class", True)
        if not n.hedge and not n.words:
            out += _hedge_swaps(text, start, ("about",), "hedge that still covers it", False)
    return out


def duration_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    ns = _numbers(text)
    new, at = "", 0
    for n in ns:
        o = other_style(n) if n.words else (to_words(int(n.value)) if n.value.is_integer() and n.value < 100
                                            and _HEAD.fullmatch(n.text) else None)
        if o is None:
            return []
        new += text[at : n.start] + o
        at = n.end
    if not ns:
        return []
    return [Edit(start, start + len(text), new + text[at:], "numbers in another form")]


def moved_text(host: str, wrong: str) -> str:
    """The wrong value put in a host mention: for figures only the number changes ("some 30,000
    cubic metres" keeps its unit), so the value carries no word of its own fact."""
    h, w = _main_number(host), _main_number(wrong)
    if h is None or w is None:
        return wrong
    new = render_number(h, w.value)
    return wrong if new is None else host[: h.start] + new + host[h.end :]


def count_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    n = _main_number(text)
    if n is None:
        return []
    new = render_number(n, n.value + 2)
    return [] if new is None else [Edit(start, start + len(text), text[: n.start] + new + text[n.end :], "count +2")]


def count_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    n = _main_number(text)
    if n is None:
        return []
    new = other_style(n)
    return [] if new is None else [Edit(start, start + len(text), text[: n.start] + new + text[n.end :],
                                        "number in another form")]


def year_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    m = _YEAR.search(text)
    if m is None:
        return []
    return [Edit(start, start + len(text), text[: m.start()] + str(int(m.group(0)) + 3) + text[m.end() :],
                 "year +3")]


def _ordinals() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in pack("numbers")["ordinals"].items()}


def ordinal_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    m = regex.search(r"(\d+)(st|nd|rd|th)", text)
    if m is not None:
        n = int(m.group(1)) + 1
        return [Edit(start, start + len(text), text[: m.start()] + f"{n}{_ordinal_suffix(n)}" + text[m.end() :],
                     "ordinal +1")]
    words = _ordinals()
    inv = {v: k for k, v in words.items()}
    w = text.strip().lower()
    if w in words and words[w] + 1 in inv:
        return [Edit(start, start + len(text), _cap_like(text, inv[words[w] + 1]), "ordinal +1")]
    return []


def ordinal_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    m = regex.fullmatch(r"(\d+)(st|nd|rd|th)", text.strip())
    inv = {v: k for k, v in _ordinals().items()}
    if m is not None and int(m.group(1)) in inv:
        return [Edit(start, start + len(text), inv[int(m.group(1))], "ordinal in words")]
    w = _ordinals().get(text.strip().lower())
    if w is not None:
        return [Edit(start, start + len(text), f"{w}{_ordinal_suffix(w)}", "ordinal in digits")]
    return []


# -- sets --------------------------------------------------------------------------------------------


@cache
def _country_names() -> tuple[tuple[str, str], ...]:
    """(name, code) of every country spelling of the data, longest first."""
    data = pack("countries")
    out: list[tuple[str, str]] = [(str(v), str(k)) for k, v in data["names"].items()]
    for k, vs in data["aliases"].items():
        out += [(str(v), str(k)) for v in vs]
    return tuple(sorted(set(out), key=lambda x: (-len(x[0]), x[0])))


def _countries_in(text: str) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for name, code in _country_names():
        for m in regex.finditer(rf"(?<![\p{{L}}]){regex.escape(name)}(?![\p{{L}}])", text):
            if not any(a < m.end() and m.start() < b for a, b, _, _ in out):
                out.append((m.start(), m.end(), name, code))
    return sorted(out)


def set_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    found = _countries_in(text)
    if found:
        a, b, _, _ = found[rng.randrange(len(found))]
        codes = {c for _, _, _, c in found}
        names = [(str(v), str(k)) for k, v in pack("countries")["names"].items() if str(k) not in codes]
        names.sort()
        name, _ = names[rng.randrange(len(names))]
        return [Edit(start, start + len(text), text[:a] + name + text[b:], f"a country replaced by {name}")]
    years = list(_YEAR.finditer(text))
    if years:
        m = years[rng.randrange(len(years))]
        return [Edit(start, start + len(text), text[: m.start()] + str(int(m.group(0)) + 3) + text[m.end() :],
                     "a year of the set +3")]
    return count_wrong(text, start, fact, fb, rng)


def set_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    found = _countries_in(text)
    if found:
        spellings: dict[str, list[str]] = {}
        for name, code in _country_names():
            spellings.setdefault(code, []).append(name)
        for a, b, name, code in found:
            others = sorted(n for n in spellings.get(code, []) if n != name and len(n) > 3)
            if others:
                new = others[rng.randrange(len(others))]
                return [Edit(start, start + len(text), text[:a] + new + text[b:], f"{name} written {new}")]
        if len(found) >= 2:
            (a1, b1, n1, _), (a2, b2, n2, _) = found[0], found[1]
            return [Edit(start, start + len(text), text[:a1] + n2 + text[b1:a2] + n1 + text[b2:],
                         "two members in another order")]
        return []
    years = list(_YEAR.finditer(text))
    if len(years) >= 2:
        m1, m2 = years[0], years[1]
        return [Edit(start, start + len(text), text[: m1.start()] + m2.group(0) + text[m1.end() : m2.start()]
                     + m1.group(0) + text[m2.end() :], "two members in another order")]
    return count_same(text, start, fact, fb, rng)


# -- names -------------------------------------------------------------------------------------------

_VOWELS = "aeiou"


def name_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    if "patterns" in fact.options:
        return []
    words = list(regex.finditer(r"\p{Lu}[\p{L}'’]+", text))
    if not words:
        return []
    sur = words[-1]
    inner = list(range(sur.start() + 1, sur.end() - 1))
    rng.shuffle(inner)
    out = []
    for i in inner:
        c = text[i]
        if not c.isalpha() or not c.islower() or not c.isascii():
            continue
        pool = "tkpdrnsl" if c not in "tkpdrnsl" else "mbgvz"
        if c in _VOWELS:
            pool = "".join(v for v in _VOWELS if v != c)
        new = pool[rng.randrange(len(pool))]
        out.append(Edit(start, start + len(text), text[:i] + new + text[i + 1 :],
                        f"letter {i - sur.start() + 1} of {sur.group(0)!r} changed to {new!r}"))
    return out


def name_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    if "patterns" in fact.options:
        return []
    out = []
    for v in fact.variants:
        if v.attribution is None and isinstance(v.value, str) and v.value != text:
            out.append(Edit(start, start + len(text), v.value, f"variant {v.value!r} of the fact"))
    words = list(regex.finditer(r"\p{Lu}[\p{L}'’-]+", text))
    if len(words) >= 2:
        out.append(Edit(start, start + len(text), text[words[-1].start() :], "surname alone"))
    return out


# -- outcomes ----------------------------------------------------------------------------------------

_REGEX_CHARS = frozenset("\\()[]{}?*+|^$.")


def _literal(phrase: str) -> bool:
    return not (_REGEX_CHARS & set(phrase))


def outcome_wrong(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    """The outcome's words replaced by another outcome's (each of `others` written as plain words)."""
    return [Edit(start, start + len(text), o, f"outcome {o!r}") for o in fact.options.get("others", ())
            if _literal(o) and o.lower() != text.lower()]


def outcome_same(text: str, start: int, fact: Fact, fb: FactBase, rng: random.Random) -> list[Edit]:
    """The outcome's words replaced by another wording of it (the value or a variant, as plain words)."""
    forms = [str(fact.value), *(str(v.value) for v in fact.variants if v.attribution is None)]
    return [Edit(start, start + len(text), f, f"wording {f!r}") for f in forms
            if _literal(f) and f.lower() != text.lower()]


@dataclass(frozen=True)
class KindMutators:
    wrong: Mutator
    same: Mutator


#: kind -> its mutators; kinds without one are reported "not mutated"
MUTATORS: dict[str, KindMutators] = {
    "date": KindMutators(date_wrong, date_same),
    "time": KindMutators(time_wrong, time_same),
    "duration": KindMutators(figure_wrong, duration_same),
    "quantity": KindMutators(figure_wrong, figure_same),
    "percentage": KindMutators(figure_wrong, figure_same),
    "money": KindMutators(figure_wrong, figure_same),
    "count": KindMutators(count_wrong, count_same),
    "age": KindMutators(count_wrong, count_same),  # "26-year-old" -> "28-year-old"; digits <-> words
    "year": KindMutators(year_wrong, lambda text, start, fact, fb, rng: []),
    "set": KindMutators(set_wrong, set_same),
    "name": KindMutators(name_wrong, name_same),
    "ordinal": KindMutators(ordinal_wrong, ordinal_same),
    "outcome": KindMutators(outcome_wrong, outcome_same),
}


def verified(fb: FactBase, fact: Fact, text: str, edits: list[Edit], want: str, limit: int) -> list[Edit]:
    """The first `limit` edits whose value the kind itself judges `want` (agree or contradict),
    one per `how` family (the text before its first parenthesis or 'to')."""
    out: list[Edit] = []
    families: set[str] = set()
    anchors = _anchors_of(fb, text)
    for e in edits:
        family = regex.split(r" \(| to | x| by ", e.how)[0]
        if family in families or e.new == text[e.start : e.end]:
            continue
        if verify(fb, fact, e.apply(text), e.start, e.start + len(e.new), anchors) == want:
            out.append(e)
            families.add(family)
            if len(out) >= limit:
                break
    return out
