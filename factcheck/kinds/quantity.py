"""Quantities such as troop figures: "94,000 Russian troops", "roughly 94,000", "up to 175,000",
"tens of thousands of soldiers", "ninety-four thousand". A mention is an interval (hedge and
implied precision, see factcheck/numbers.py) compared with the fact's interval.

When the fact is itself a bound ("up to 175,000", a projection), a mention with a hedge of the
same direction is a claim about that figure: "as many as 250,000" contradicts it.
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
from factcheck.kinds._patterns import compile_option, with_translated_nouns
from factcheck.kinds._units import convert, fillers_re, has_offset, label, lookup, unit_after
from factcheck.kinds.base import Context, Reading
from factcheck.lang import alternation, lang
from factcheck.model import Interval
from factcheck.numbers import (
    LOWER_HEDGES,
    UPPER_HEDGES,
    Number,
    convention,
    find_numbers,
    interval,
    rounding_unit,
    short_scaled,
)
from factcheck.segment import Sentence

_UPPER = UPPER_HEDGES
_LOWER = LOWER_HEDGES


@cache
def _scale_end() -> regex.Pattern[str]:
    """A figure ending on a scale word ("55 millions", "two million"): "of" may stand before its unit."""
    return regex.compile(rf"(?i)(?<![\p{{L}}])(?:{alternation(lang().data['numbers']['scales'])})s?$")


_SPACES = regex.compile(r"\s+")
_A_WORD = regex.compile(r"[\p{L}'’-]+")
# the noun right before a number: "magnitude 6.8", "a magnitude of 6.8", a fact box's "Deaths: 1,833"
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}'’-]*)(?:\s+(?:of\s+)?|:\s*)$")


# US units whose word a text of decimal commas uses for the metric one ("1,4 tons": Tonnen)
_SHORT_UNITS = {"ton": "metric_ton"}
_DECIMAL_COMMA = regex.compile(r"\d,\d{1,2}(?!\d)")
_PAST_A_POINT = "a distance past a point (\"150 yards beyond\"), not a length of its own"


@cache
def _offset_after_re() -> regex.Pattern[str]:
    """A distance past a point, right after its unit ("crashed back onto the runway about 150 yards
    beyond", "stopped 300 metres short of the summit"): en.yaml `offset_after`."""
    return regex.compile(rf"\s+(?:{alternation(lang().data['offset_after'])})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def _times_re() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A figure's "times" (en.yaml `times_words`), and what makes it a multiplier after it."""
    data = lang().data
    words = regex.compile(rf"\s*(?:{alternation(data['times_words'])})(?![\p{{L}}])", regex.IGNORECASE)
    not_er = alternation(data["times_not_comparative"])
    comparison = regex.compile(
        rf"(?:\s*[:—–])?\s+(?:(?:{alternation(data['times_multiplier_after'])})(?![\p{{L}}])"
        rf"|(?!(?:{not_er})(?![\p{{L}}]))\p{{L}}+er(?![\p{{L}}])|\p{{Lu}}[\p{{L}}.-]*['’]s(?![\p{{L}}]))",
        regex.IGNORECASE)
    return words, comparison


def _occasions(after: str) -> bool:
    """Does the text after a figure make it a count of occasions, "times" with no comparison after it
    ("four times since", "three times in as many years"; not "four times the energy", "three times
    as much", "1.2 times Houston's annual rainfall")? (rule quantity.times_frequency)"""
    words, comparison = _times_re()
    m = words.match(after)
    return m is not None and comparison.match(after, m.end()) is None


def unit_follows(after: str, unit_re: regex.Pattern[str], max_words: int = 3) -> bool:
    """Is the unit noun within `max_words` filler words after the number? Glued to it ("21°C",
    "21C", "50km") it counts when nothing but the unit is glued ("21st" is no "s")."""
    glued = unit_re.match(after)
    if glued and glued.end() and not regex.match(r"[\p{L}\d]", after[glued.end():glued.end() + 1]):
        return True
    if after[:1] == "-" and after[1:2].isalpha():
        # "a 9.1-magnitude quake", "a 12-member jury": the noun joined to the figure by a hyphen
        hyphened = unit_re.match(after, 1)
        if hyphened and hyphened.end() > 1 and not regex.match(r"[\p{L}\d]", after[hyphened.end():hyphened.end() + 1]):
            return True
    pos = 0
    for _ in range(max_words + 1):
        m = _SPACES.match(after, pos)
        if not m:
            return False
        pos = m.end()
        if unit_re.match(after[pos:]):
            return True
        w = _A_WORD.match(after, pos)
        if not w or not fillers_re().match(w.group(0)):
            return False
        pos = w.end()
    return False


# What a bare number may be followed by and still stand for the fact's unit ("up to 175,000 for an
# offensive", "puts the figure at 94,300.").
_BARE_OK = regex.compile(r"\A(?:\s*[.,;:()]|\s*$|\s+(?:for|to|at|in|near|along|on|by|and|or|who|that|which|were|are|"
                         r"was|is|have|had|has|could|would|might|may|can|will|as|more|massed|troops|from|into|"
                         r"within|around|across|inside|outside)\b)", regex.IGNORECASE)
# What a number followed by these is not: a troop figure (unless the fact's `unit` is one of them)
_OTHER_UNIT = regex.compile(r"\A\s*(?:%|percent|per\s+cent|km|kilomet|mile|dollars|euros|rubles|roubles|years?|days?|"
                            r"hours?|minutes?)", regex.IGNORECASE)


@dataclass(frozen=True)
class QuantityValue:
    value: float
    hedge: str  # hedge class of the fact ("up_to", "over", "")
    unit: float
    measure: str = ""  # the unit of measure or counted noun of `value: 130 km` (units.yaml), "" if none
    physical: bool = False  # `measure` converts (km, ft); else a counted noun (TEU)
    hi: float | None = None  # a range's upper end (`value: 1,100 to 1,210`): `value` is its lower

    def interval(self) -> Interval:
        if self.hi is not None:
            return Interval(interval(self.value, self.unit).lo, interval(self.hi, self.unit).hi, hi_open=True)
        return interval(self.value, self.unit, self.hedge)

    @property
    def middle(self) -> float:
        return self.value if self.hi is None else (self.value + self.hi) / 2


def _factor_to(reading: Reading, q: QuantityValue) -> tuple[float, float]:
    """What turns the figure read into `q`'s unit, (k, offset): the reading's own conversion (to the
    fact's unit), or, for a value in another unit (a distractor written `1,454 ft` on a fact in
    metres), the conversion from the unit read to that one. The offset is 0 but for temperatures."""
    k = float(reading.extra.get("factor", 1.0)), float(reading.extra.get("offset", 0.0))
    read_unit = reading.extra.get("unit")
    if q.physical and q.measure and isinstance(read_unit, str):
        to_q = convert(read_unit, q.measure)
        if to_q is not None:
            return to_q
    return k


def on_another_facts_unit(q: QuantityValue, read_unit: object, others: list[QuantityValue]) -> bool:
    """Is a figure written in `read_unit` the unit of another fact that is this one's figure in
    another unit ("210 km/h" beside "130 mph")? A base may give one measure twice, once per unit;
    "130 km/h" then states the km/h fact (wrongly), not the mph one (rule quantity.sibling_unit)."""
    if not q.physical or not q.measure or not isinstance(read_unit, str) or read_unit == q.measure:
        return False
    for o in others:
        if not o.physical or o.measure != read_unit:
            continue
        c = convert(o.measure, q.measure)
        if c is not None and not c[1] and abs(o.middle * c[0] - q.middle) <= 0.05 * abs(q.middle):
            return True  # (the same measure: its middle within 5 % once converted)
    return False


def doc_convention(ctx: Context) -> str:
    """The document's number convention (numbers.convention), computed once per document."""
    key = ("number_convention", id(ctx.doc))
    if key not in ctx.cache:
        ctx.cache[key] = convention(ctx.doc.text)
    return str(ctx.cache[key])


def unit_precedes(before: str, unit_re: regex.Pattern[str]) -> bool:
    """Is the noun written just before the number ("a magnitude of 6.8", "magnitude 6.8", "Deaths:
    1,833"), or before
    a linking verb ("the death toll was revised to 275", "Labour's majority is 174")?"""
    for m in (_WORD_BEFORE.search(before), _linked_word_re().search(before[-80:])):
        if m and unit_re.fullmatch(m.group(1)):
            return True
    return False


@cache
def _linked_word_re() -> regex.Pattern[str]:
    links = alternation([str(w) for w in lang().data["count_links"] if str(w) not in ("of", "at")])
    return regex.compile(rf"([\p{{L}}][\p{{L}}'’-]*)\s+(?:{links})\s+$", regex.IGNORECASE)


def _is_year(n: Number, text: str) -> bool:
    return (not n.words and 1900 <= n.value <= 2100 and n.value.is_integer()
            and "," not in n.text and " " not in n.text)


_FROM = regex.compile(r"\b(?:from|between)\s+(?:\w+\s+){0,2}$", regex.IGNORECASE)
_TO = regex.compile(r"\A[^.;]{0,40}?\b(?:to|and)\s+(?:\w+\s+){0,2}\d", regex.IGNORECASE)
_FROM_BEFORE = regex.compile(r"\b(?:from|between)\s+[^.;]{0,40}?\d[^.;]{0,30}?\b(?:to|and)\s+(?:\w+\s+){0,2}$",
                             regex.IGNORECASE)


_WINDOW = 200  # characters around a number that can say what it is (a unit, "from ... to")


def in_range(text: str, a: int, b: int) -> bool:
    """Is the number one end of "from X to Y" / "between X and Y"? (Within a window of the number:
    linear in a sentence of thousands of numbers.)"""
    head = text[max(0, a - _WINDOW) : a]
    return bool((_FROM.search(head) and _TO.match(text[b : b + _WINDOW])) or _FROM_BEFORE.search(head))


# a figure in two imperial units, the smaller one after ("6 ft 5 in", "six foot five", "7lb 3oz"):
# (the smaller unit, how many make the larger, may it go unwritten)
_COMPOUNDS = {"foot": ("inch", 12.0, True), "pound": ("ounce", 16.0, False)}
_MINOR_HEAD = regex.compile(r"\A,?[\s\u00a0-]*(?:and[\s\u00a0]+)?")
# after an unwritten smaller unit: the clause ends, or goes on ("six foot five and weighed ...")
_MINOR_TAIL = regex.compile(r"\A(?:[\s\u00a0]*(?:[,.;:)!?\"”’]|\Z)"
                            r"|[\s\u00a0]+(?:and|tall|in|when|as|with|but|he|she|who|at)\b)")


# after a foot figure and the inches' figure, the short forms of "inch": "6ft 4in", "6 ft 7 in", '6 ft 4"'
_INCH_SHORT = regex.compile(r"[\s\u00a0]?(?:in\b\.?|[\"″”])")


def _compound(n: Number, after: str, end: int, canon: str) -> tuple[Number, int] | None:
    """The figure with the smaller unit after its larger one added ("six foot five" is 6 5/12 ft),
    and where it ends in `after`; None when no smaller figure follows. The smaller unit may go
    unwritten after feet only ("six foot five"), and its figure must be less than one larger unit."""
    spec = _COMPOUNDS.get(canon)
    if spec is None or n.hi is not None or n.magnitude:
        return None
    minor, per, bare_ok = spec
    rest = after[end:]
    head = _MINOR_HEAD.match(rest)
    at = head.end() if head else 0
    found = find_numbers(rest[at : at + 24])
    if not found or found[0].start != 0 or found[0].hedge or found[0].hi is not None:
        return None
    m = found[0]
    if not 0 <= m.value < per:
        return None
    tail = rest[at + m.end :]
    u = unit_after(tail)
    short = _INCH_SHORT.match(tail) if minor == "inch" else None
    if short is not None and short.group(0)[:1].isspace() and not _MINOR_TAIL.match(tail[short.end():]):
        short = None  # "a wall 6 ft 4 in places": a preposition, unless the clause ends or goes on
    if u is None and short is not None:
        u = ("inch", True, short.end())  # "6ft 4in", "6 ft 7 in": "in" after a foot figure is inches
    if u is not None:
        if u[0] != minor:
            return None
        stop = at + m.end + u[2]
    elif bare_ok and (_MINOR_TAIL.match(tail) or (rest[:at].strip() == "-" and not tail[:1].isalnum())):
        # "He was six foot five", "six foot five and weighed ..."; hyphen-joined, an adjective
        # before its noun: "a 5-foot-9 American"
        stop = at + m.end
    else:
        return None
    return replace(n, value=n.value + m.value / per, unit=m.unit / per, end=n.end + end + stop,
                   text=n.text + after[:end + stop]), 0


def against_fact(n: Number, value: float, unit: float, hedge: str) -> bool | None:
    """A figure read against a fact's figure (`value`, its rounding `unit`) and the fact's own hedge
    class (`hedge`, "" for none): the quantity's and the percentage's comparison."""
    exact_fact = interval(value, unit, "")
    if not hedge:
        return n.interval().overlaps(exact_fact)
    if n.magnitude:
        return None
    if hedge not in _UPPER and hedge not in _LOWER:
        # an approximate fact ("about 1,700 acres", "nearly 30 %"): the interval its hedge makes (README
        # "Hedges as intervals"); a figure agrees when its own interval meets it, contradicts when it
        # lies wholly outside; two approximations that barely touch ("some 12,000" against "about
        # 15,000": neither middle inside the other's interval) say neither
        fact_iv = interval(value, unit, hedge)
        if n.hedge and n.interval().meets_only_at_edges(fact_iv):
            return None
        return n.interval().overlaps(fact_iv)
    same_side = (hedge in _UPPER and n.hedge in _UPPER) or (hedge in _LOWER and n.hedge in _LOWER)
    if same_side:
        # a claim about the bound itself ("as many as 250,000" against "up to 175,000")
        return interval(n.value, n.unit, "").overlaps(exact_fact)
    # a figure not stated as a bound, against a bound: the bound's own figure agrees ("175,000
    # troops" for "up to 175,000"); any other is perhaps another figure (a current count beside
    # a projection): it cannot contradict the bound
    # above an upper bound or below a lower one, it breaks the bound
    iv = n.interval()
    if hedge in _LOWER:
        if iv.hi < exact_fact.lo:
            return False  # "about 3,000" against "more than 10,000"
        # "more than 10,000" reports a figure a little above 10,000, not any figure above it
        fits = iv.overlaps(Interval(value, value * 1.5, lo_open=True))
    else:
        if iv.lo > exact_fact.hi:
            return False  # "275,000" against "up to 175,000"
        fits = interval(n.value, n.unit, "").overlaps(exact_fact)
    return True if fits else None


def hedge_option(options: dict[str, Any]) -> dict[str, Any]:
    """A fact's own `hedge` ('up to', 'more than') as its class: {"hedge_class": ...} or {}."""
    h = options.get("hedge")
    if h is None:
        return {}
    if not isinstance(h, str) or h.lower() not in lang().hedges:
        known = ", ".join(sorted({p for p in lang().hedges}))
        raise FactValueError(f"unknown hedge {h!r}", f"use one of: {known}")
    return {"hedge_class": lang().hedges[h.lower()]}


class QuantityKind:
    name: ClassVar[str] = "quantity"
    #: the kind's own keys in a fact (factcheck/factbase/schema.py gathers them)
    options: ClassVar[dict[str, Key]] = {
        "unit": Key("regex", doc="the noun counted, when the value carries no unit (troops|soldiers)"),
        "hedge": Key("str", doc="the fact's own hedge ('up to', 'more than')"),
        "unit_words": Key("map", doc="this story's own words for a unit, mapped to a known unit "
                                     "({boxes: TEU, klicks: km})"),
    }
    option_keys: ClassVar[frozenset[str]] = frozenset(options)
    required_keys: ClassVar[tuple[str, ...]] = ()
    #: what `value` holds, as JSON Schema (an editor's view of the YAML)
    value_schema: ClassVar[dict[str, Any]] = {
        "type": ["number", "string"],
        "description": "a number, optionally with a unit: 94300, '94,300', 'ninety-four thousand', '130 km', "
                       "'20124 TEU'; or a range: '1,100 to 1,210'"}

    def parse_value(self, raw: Any, options: dict[str, Any]) -> QuantityValue:
        if not isinstance(raw, str):
            raise FactValueError("a quantity is a number", "write e.g. `value: 94300`")
        # a unit that is also a scale word ("9999 MN": meganewtons, not million) is the unit
        unit_first = regex.match(r"\s*(?P<n>\d[\d,.]*)\s*(?P<u>\D.*?)\s*$", raw)
        unit_hit = lookup(unit_first["u"]) if unit_first else None
        nums = find_numbers(unit_first["n"] if unit_first and unit_hit else raw, 0, "dot_decimal")
        if len(nums) != 1 or nums[0].magnitude or (
                nums[0].hi is not None and (options.get("hedge_class") or nums[0].hi <= nums[0].value)):
            raise FactValueError(f"cannot read {raw!r} as one number or one range",
                                 "write digits (94300, 94,300), number words (ninety-four thousand) or a "
                                 "range (1,100 to 1,210), and no `hedge:` with a range")
        n = nums[0]
        hedge = options.get("hedge_class", "")
        # "9.0" holds its decimal: 8.95 to 9.05, not 8.5 to 9.5 (a magnitude of 8.6 is no 9.0)
        unit = n.unit if n.unit != 1 or not n.value.is_integer() else rounding_unit(n.value)
        if n.hi is not None:
            unit = 1.0 if n.value.is_integer() and n.hi.is_integer() else n.unit  # a range's ends are exact
        rest = raw[n.end :].strip()
        if unit_hit is not None:
            return QuantityValue(n.value, hedge, unit, unit_hit[0], unit_hit[1], hi=n.hi)
        if not rest:
            return QuantityValue(n.value, hedge, unit, hi=n.hi)
        hit = lookup(rest)
        if hit is None:
            raise FactValueError(f"unknown unit {rest!r} in {raw!r}",
                                 "write a unit of factcheck/data/en/units.yaml (130 km, 400 m, 20124 TEU), "
                                 "or the number alone with `unit:` a pattern for the noun counted")
        return QuantityValue(n.value, hedge, unit, hit[0], hit[1], hi=n.hi)

    def parse_options(self, options: dict[str, Any]) -> dict[str, Any]:
        unit = compile_option(options, "unit", r"troops|soldiers|servicemen|forces")
        assert unit is not None
        # "18 768 639 voices": a translation's word for votes counts as votes
        out: dict[str, Any] = {"unit": with_translated_nouns(unit)}
        out.update(hedge_option(options))
        words = options.get("unit_words")
        if words is not None:
            out["unit_words"] = _unit_words(words)
        return out

    def extract(self, sentence: Sentence, fact: Fact, ctx: Context) -> list[Reading]:
        if isinstance(fact.value, QuantityValue) and fact.value.measure:
            measured = self._measured(sentence, fact.value, ctx, fact.options.get("unit_words"))
            if fact.value.physical and ":" in sentence.text:
                paces = [p for p in self._paces(sentence, fact.value)
                         if not any(o.start < p.end and p.start < o.end for o in measured)]
                measured = sorted([*measured, *paces], key=lambda x: x.start)
            return measured
        unit_re: regex.Pattern[str] = fact.options["unit"]
        text = sentence.text
        out: list[Reading] = []
        for n in find_numbers(text, sentence.start, doc_convention(ctx)):
            if _is_year(n, text):
                continue
            # bounded windows around the number: a sentence of thousands of numbers stays linear
            after = text[n.end - sentence.start : n.end - sentence.start + _WINDOW]
            before = text[max(0, n.start - sentence.start - 8) : n.start - sentence.start]
            if regex.search(r"\p{Sc}\s*$", before):
                continue
            follows = unit_follows(after, unit_re)
            short = None if follows else short_scaled(n, after)
            if short is not None and unit_follows(short[1], unit_re):
                # "450m monthly users", "1.7m people": a short scale glued to the figure, then the
                # fact's noun (not "a 3m wall": metres are no users)
                (n, after), follows = short, True
            if _OTHER_UNIT.match(after) and not follows:
                continue  # another unit ("10 km" for a count of troops), unless it is the fact's own
            if follows and _occasions(after):
                continue  # "I have been back four times since": occasions, no multiplier
            head = text[max(0, n.span_start - sentence.start - _WINDOW) : n.span_start - sentence.start]
            has_unit = follows or unit_precedes(head, unit_re)
            if n.value < 100 and not n.magnitude and not has_unit:
                continue
            if not has_unit and not (n.value >= 1000 and _BARE_OK.match(after)):
                continue
            iv = n.interval()
            extra: dict[str, Any] = {"bare": not has_unit}
            if in_range(text, n.span_start - sentence.start, n.end - sentence.start):
                extra.update(loose=True, range=True, why_loose="one end of a range over time (from ... to ...)")
            out.append(Reading(start=n.span_start, end=n.end,
                               text=text[n.span_start - sentence.start : n.end - sentence.start],
                               value=n, shown={"value": n.value, "hedge": n.hedge or None, "interval": str(iv)},
                               detail=f"read as {iv}", extra=extra))
        return out

    def _measured(self, sentence: Sentence, q: QuantityValue, ctx: Context,
                  own: tuple[regex.Pattern[str], dict[str, str]] | None = None) -> list[Reading]:
        """Numbers followed by a unit that converts to the fact's ("81 miles" for 130 km), or by the
        fact's counted noun ("20,124 TEU"), or by one of the fact's own `unit_words`."""
        text = sentence.text
        out: list[Reading] = []
        taken = 0  # the end of a figure in two units: its smaller figure is no figure of its own
        conv = doc_convention(ctx)
        for n in find_numbers(text, sentence.start, conv):
            if n.magnitude or n.start < taken:
                continue
            after = text[n.end - sentence.start :]
            u = None
            m = own[0].match(after) if own is not None else None
            if m is not None and own is not None:
                # the base's own word comes first: its story's "boxes" may be TEU, not any container;
                # but a known unit that reads further is that unit ("degrees" of the base for °C, and
                # "200 degrees Fahrenheit" is °F)
                hit = lookup(own[1][" ".join(m.group("u").lower().split())])
                known = unit_after(after)
                u = (hit[0], hit[1], m.end()) if hit else None
                if known is not None and known[2] > m.end():
                    u = known
            u = u or unit_after(after)
            if u is None and _scale_end().search(n.text) and after.startswith(" of "):
                # "55 millions of light-years", "2 million of tonnes": a translation's "millions de"
                v = unit_after(after[3:])
                u = (v[0], v[1], v[2] + 3) if v else None
            if u is None:
                continue
            canon, physical, end = u
            if canon in _SHORT_UNITS and (conv == "dot_thousands" or _DECIMAL_COMMA.search(n.text)):
                # "around 1,4 tons" in a text that writes decimal commas (a continental source or its
                # translation): its tons are metric ("Tonnen", "tonnes"), not short tons
                canon = _SHORT_UNITS[canon]
            both = _compound(n, after, end, canon)
            if both is not None:
                n, end = both  # "six foot five", "5 ft 11 in", "7 lb 3 oz": one figure in the larger unit
                taken = n.end
            c = convert(canon, q.measure) if physical and q.physical else ((1.0, 0.0) if canon == q.measure else None)
            if c is None:
                continue
            k, off = c
            a, b = n.span_start - sentence.start, n.end - sentence.start + end
            iv = n.interval(k).shifted(off)
            # "onto the runway about 150 yards beyond": how far past a point, not the thing's own
            # length; it may be the fact's distance, so it agrees, never accuses
            past = ({"loose": True, "why_loose": _PAST_A_POINT} if _offset_after_re().match(text, b) else {})
            out.append(Reading(start=n.span_start, end=sentence.start + b, text=text[a:b], value=n,
                               shown={"value": n.value, "unit": canon, "hedge": n.hedge or None,
                                      "interval": f"{iv} {label(q.measure)}"},
                               detail=f"read as {iv} {label(q.measure)}",
                               extra={"unit": canon, "factor": k, **({"offset": off} if off else {}), **past}))
        return out

    @staticmethod
    def _paces(sentence: Sentence, q: QuantityValue) -> list[Reading]:
        """A pace, minutes and seconds per distance ("2:52 per kilometre", "4:37/mile", "about 4:40
        a mile"), read as the speed it is when the fact is a speed (km/h, mph): 2:52 per km is 20.93
        km/h, known to the half second (rule quantity.pace). Hedged only by "about" and its like:
        "more than 2:52 per km" is a lower speed, and is not read."""
        text = sentence.text
        out: list[Reading] = []
        for m in _pace_re().finditer(text):
            hedge = ""
            if m.group("h"):
                cls = lang().hedges.get(" ".join(m.group("h").lower().split()))
                if cls != "about":
                    continue
                hedge = "about"
            unit = "kilometer" if m.group("u").lower().startswith("k") else "mile"
            c = convert(f"{unit}/hour", q.measure)
            if c is None:
                continue
            k, off = c
            secs = int(m.group("m")) * 60 + int(m.group("s"))
            if secs == 0:
                continue
            speed = 3600 / secs
            width = 3600 / (secs - 0.5) - 3600 / (secs + 0.5)
            n = Number(start=sentence.start + m.start("m"), end=sentence.start + m.end(), value=speed, unit=width,
                       hedge=hedge, hedge_start=sentence.start + m.start() if hedge else -1,
                       text=text[m.start("m"):m.end()])
            iv = n.interval(k).shifted(off)
            out.append(Reading(start=sentence.start + m.start(), end=sentence.start + m.end(),
                               text=text[m.start():m.end()],
                               value=n, shown={"value": round(speed, 2), "unit": f"{unit}/hour", "hedge": hedge or None,
                                               "interval": f"{iv} {label(q.measure)}"},
                               detail=f"a pace, read as {iv} {label(q.measure)}",
                               extra={"unit": f"{unit}/hour", "factor": k, "pace": True}))
        return out

    def compare(self, reading: Reading, value: Any, fact: Fact, ctx: Context) -> bool | None:
        n0: Number = reading.value
        results = {self._compare_one(n, reading, value) for n in n0.readings()}
        if len(results) > 1 and True in results and n0.alt is not None:
            # "42,195 kilometres" in a text writing both conventions, for 42.195 km: one reading is
            # the fact's figure exactly, the other a thousand times off; the form agrees, never accuses
            return True
        return results.pop() if len(results) == 1 else None

    def _compare_one(self, n: Number, reading: Reading, value: Any) -> bool | None:
        q: QuantityValue = value
        k, off = _factor_to(reading, q)
        if off:
            # a temperature in another scale may be a difference ("limit warming to 1.5°C (2.7°F)": a
            # rise of 1.5 °C is one of 2.7 °F, though 2.7 °F is -16.3 °C): right as either, it does
            # not accuse
            level = self._compare_scaled(n, q, k, off)
            if level is False and self._compare_scaled(n, q, k, 0.0) is True:
                return None
            return level
        return self._compare_scaled(n, q, k, off)

    @staticmethod
    def _compare_scaled(n: Number, q: QuantityValue, k: float, off: float) -> bool | None:
        if k != 1.0 or off:
            # a figure in another unit is most often a conversion, which writers round down as often
            # as to the nearest ("37 km (22 miles)" for 22.99, "25 km (15 miles)" for 15.53): its last
            # digit may be a whole unit short, so it spans [v - u/2, v + u) (not for a hedged figure,
            # whose hedge is its own spread, a temperature's scale, or a round figure whose last
            # digit is more than a tenth of it: "1,000 feet")
            precise = n.unit <= 0.1 * abs(n.value)
            shift, widen = (0.25, 1.5) if precise and not off and not n.hedge else (0.0, 1.0)
            n = Number(start=n.start, end=n.end, value=n.value * k + off + n.unit * k * shift, unit=n.unit * k * widen,
                       hedge=n.hedge, hedge_start=n.hedge_start, text=n.text, words=n.words, magnitude=n.magnitude,
                       hi=None if n.hi is None else n.hi * k + off + n.unit * k * shift)
        if q.hi is not None:
            # a range of the fact ("1,100 to 1,210 injured"): a figure meeting it agrees, one wholly
            # outside it contradicts
            return n.interval().overlaps(q.interval())
        return against_fact(n, q.value, q.unit, q.hedge)

    def distance(self, reading: Reading, value: Any) -> float | None:
        """How far the figure read is from `value`, in the fact's unit (to tell a fact from a
        distractor that both fit: "127 km" is the 127 km distractor's, not the 130 km fact's)."""
        n: Number = reading.value
        q: QuantityValue = value
        k, off = _factor_to(reading, q)
        return abs(n.value * k + off - q.middle)

    def ratio(self, reading: Reading, value: Any) -> float | None:
        """The figure read over the fact's, in the fact's unit (None when the fact is 0, or on a scale
        whose zero is arbitrary: 5 °C is not a quarter of 20 °C)."""
        n: Number = reading.value
        q: QuantityValue = value
        if not q.middle or (q.physical and q.measure and has_offset(q.measure)):
            return None
        k, off = _factor_to(reading, q)
        # an ambiguous form ("5,281 miles" in a text that also writes "369,5"): its reading nearest
        # the fact, so that the other is not taken for "another figure"
        ratios = [(x.value * k + off) / q.middle for x in n.readings()]
        positive = [r for r in ratios if r > 0]
        return min(positive, key=lambda r: abs(math.log(r))) if len(positive) == len(ratios) else ratios[0]

    def render(self, value: Any) -> str:
        q: QuantityValue = value
        hedge = {"up_to": "up to ", "over": "more than ", "at_least": "at least ", "under": "fewer than ",
                 "about": "about ", "nearly": "nearly ", "just_over": "just over "}.get(q.hedge, "")
        def shown(x: float) -> str:
            return "inf" if math.isinf(x) else f"{x:,.0f}" if x.is_integer() else f"{x:,g}"
        v = shown(q.value) if q.hi is None else f"{shown(q.value)} to {shown(q.hi)}"
        return f"{hedge}{v}" + (f" {label(q.measure)}" if q.measure else "")


@cache
def _pace_re() -> regex.Pattern[str]:
    hedges = alternation(list(lang().hedges))
    return regex.compile(rf"(?:(?P<h>{hedges})\s+)?(?<![\d:.])(?P<m>\d{{1,2}}):(?P<s>[0-5]\d)(?![\d:])\s*"
                         rf"(?:min(?:utes?)?\s*)?(?:/\s*|(?:per|a|an|each)\s+)"
                         rf"(?P<u>km|kilomet(?:re|er)s?|mi|miles?)(?![\p{{L}}])", regex.IGNORECASE)


def _unit_words(words: Any) -> tuple[regex.Pattern[str], dict[str, str]]:
    """`unit_words: {boxes: TEU}`: the pattern of the words after a number, and word -> unit."""
    if not isinstance(words, dict) or not words:
        raise FactValueError("`unit_words` is a mapping of words to units", "write `unit_words: {boxes: TEU}`")
    table: dict[str, str] = {}
    for word, unit in words.items():
        if lookup(str(unit)) is None:
            raise FactValueError(f"`unit_words`: {unit!r} (for {word!r}) is not a unit factcheck knows",
                                 "map the word to a unit of factcheck/data/en/units.yaml (km, m, ft, TEU, t, ...)")
        table[" ".join(str(word).lower().split())] = str(unit)
    alts = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(table, key=len, reverse=True))
    return regex.compile(rf"\A[\s\u00a0\u202f-]?(?P<u>{alts})(?![\p{{L}}\d])", regex.IGNORECASE), table
