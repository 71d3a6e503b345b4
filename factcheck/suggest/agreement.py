"""When two values could be one fact's, and when the sources stating them disagree.

    DISAGREE  two values whose intervals (hedge and precision, see factcheck/numbers.py) do not
              overlap, or two different dates, times or years, stated by different sources;
    DIFFER    two figures that the hedges make compatible but whose stated values differ by more
              than 2.5% (12,000 vs about 13,000), or two spellings of a name.
"""

from __future__ import annotations

import math

from factcheck.kinds.date import DateValue
from factcheck.kinds.time import TimeValue
from factcheck.lang import lang
from factcheck.numbers import Number
from factcheck.suggest.model import Candidate, Value, labelled
from factcheck.suggest.names import same_person

FIGURES = ("number", "percentage", "money")  # a figure with what it counts: units must match
NUMERIC = (*FIGURES, "duration")  # values that are intervals
CLOSE_RATIO = 1.25  # numbers and durations: values within 25% of each other are close
WIDE_RATIO = 1.6  # ... within 60% when the contexts are very alike ("three hours" vs "two hours")
DIFFER_RATIO = 0.025  # compatible figures whose stated values differ by more than this: DIFFER


def _ratio(a: float, b: float) -> float:
    if a <= 0 or b <= 0:
        return 1.0 if a == b else math.inf
    return max(a, b) / min(a, b)


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


def close(a: Value, b: Value, wide: bool) -> bool:
    """Could `a` and `b` be values of one fact (the same figure, or one slightly misreported)?"""
    k = a.kind
    if k in NUMERIC:
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
        return same_person(a, b)
    return False


def _compatible(a: Value, b: Value) -> bool:
    """Can both values be true of one fact? (False: the sources disagree.)"""
    if a.key == b.key:
        return True
    k = a.kind
    if k in NUMERIC:
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
    if (a.kind in NUMERIC and not a.open_ended and not b.open_ended
            and _hedge_class(a) in central and _hedge_class(b) in central):
        rel = abs(a.point - b.point) / max(abs(a.point), abs(b.point), 1e-9)
        if rel > DIFFER_RATIO:
            return f"figures differ by {rel:.0%}, compatible only within the hedge or rounding"
    if a.kind == "name" and a.shown != b.shown:
        return "spellings differ"
    return ""


def assess(c: Candidate) -> None:
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
            pair = f"{g.shown} ({labelled(c, g.sources)}) vs {h.shown} ({labelled(c, h.sources)})"
            if not _compatible(g.value, h.value):
                hard.append(pair)
            else:
                why = _differ(g.value, h.value)
                if why:
                    soft.append(f"{pair}: {why}")
    c.flag = "DISAGREE" if hard else "DIFFER" if soft else ""
    c.flag_details = hard + soft
